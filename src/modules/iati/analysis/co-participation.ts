// The co-participation network: two organizations are tied when they take part in the same
// activity; the tie counts the activities and the pairs of roles they held together.
import Graph from 'graphology';
import { undirectedDensity } from 'graphology-metrics/graph/density.js';
import type { AnalysisDataset } from './types.js';

const roleNames: Record<string, string> = { '1': 'funding', '2': 'accountable', '3': 'extending', '4': 'implementing' };
// An activity naming hundreds of organizations would add tens of thousands of ties of little meaning.
const maxParticipantsPerActivity = 60;

export type CoParticipationNode = { id: string; name: string; identifier: string | null; activities: number; partners: number; roles: Record<string, number> };
export type CoParticipationEdge = { a: string; b: string; activities: number; /** "funding+implementing": activities where one held the first role and the other the second. */ roles: Record<string, number> };
export type CoParticipation = { nodes: CoParticipationNode[]; edges: CoParticipationEdge[]; density: number; activitiesLeftOut: number };

/** Who works with whom, in which roles, across the dataset's activities. */
export function computeCoParticipation(dataset: AnalysisDataset): CoParticipation {
  const byActivity = new Map<string, Map<string, Set<string>>>();
  for (const p of dataset.participations) {
    const organizations = byActivity.get(p.activityId) ?? new Map<string, Set<string>>();
    byActivity.set(p.activityId, organizations);
    const roles = organizations.get(p.organizationId) ?? new Set<string>();
    if (p.role) roles.add(roleNames[p.role] ?? 'other');
    organizations.set(p.organizationId, roles);
  }
  const graph = new Graph({ type: 'undirected' });
  const activityCount = new Map<string, number>();
  const roleCount = new Map<string, Record<string, number>>();
  let activitiesLeftOut = 0;
  for (const organizations of byActivity.values()) {
    const ids = [...organizations.keys()].sort();
    for (const id of ids) {
      if (!graph.hasNode(id)) graph.addNode(id);
      activityCount.set(id, (activityCount.get(id) ?? 0) + 1);
      const counts = roleCount.get(id) ?? {};
      for (const role of organizations.get(id)!) counts[role] = (counts[role] ?? 0) + 1;
      roleCount.set(id, counts);
    }
    if (ids.length > maxParticipantsPerActivity) {
      activitiesLeftOut += 1;
      continue;
    }
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = ids[i]!;
        const b = ids[j]!;
        if (!graph.hasEdge(a, b)) graph.addEdge(a, b, { activities: 0, roles: {} as Record<string, number> });
        graph.updateEdgeAttribute(a, b, 'activities', (count: number) => count + 1);
        const roles = graph.getEdgeAttribute(a, b, 'roles') as Record<string, number>;
        for (const ra of organizations.get(a)!) for (const rb of organizations.get(b)!) {
          const key = [ra, rb].sort().join('+');
          roles[key] = (roles[key] ?? 0) + 1;
        }
      }
    }
  }
  const nodes: CoParticipationNode[] = graph.mapNodes((id) => {
    const organization = dataset.organizations.get(id);
    return { id, name: organization?.name ?? id, identifier: organization?.identifier ?? null, activities: activityCount.get(id) ?? 0, partners: graph.degree(id), roles: roleCount.get(id) ?? {} };
  });
  nodes.sort((x, y) => y.partners - x.partners || y.activities - x.activities || x.name.localeCompare(y.name));
  const edges: CoParticipationEdge[] = graph.mapEdges((_edge, attributes, a, b) => ({ a, b, activities: attributes.activities as number, roles: attributes.roles as Record<string, number> }));
  edges.sort((x, y) => y.activities - x.activities);
  return { nodes, edges, density: graph.order > 1 ? undirectedDensity(graph) : 0, activitiesLeftOut };
}
