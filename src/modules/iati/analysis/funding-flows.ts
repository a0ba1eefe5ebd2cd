// The funding-flow network: organizations as nodes, money from provider to receiver as weighted
// edges; intermediaries (organizations that both receive and pass on funds), each organization's
// distance from the original sources, and funding chains between activities.
import Graph from 'graphology';
import { dominantCurrency, flowsOf, incomingTypes, outgoingTypes } from './flows.js';
import type { AnalysisDataset } from './types.js';

export type FundingNode = { id: string; name: string; identifier: string | null; type: string | null; received: number; passedOn: number; intermediary: boolean; /** Funding steps from an original source (0 = a source); null when on a cycle only. */ depth: number | null };
export type FundingEdge = { from: string; to: string; value: number; transactions: number };
export type FundingFlows = {
  currency: string | null;
  nodes: FundingNode[];
  edges: FundingEdge[];
  intermediaries: FundingNode[];
  totalValue: number;
  /** Activities linked through provider/receiver activity ids: how many links each chain has. */
  chains: { links: number; count: number }[];
  longestChain: number;
};

/** Builds the directed, weighted flow graph of one currency. */
export function buildFlowGraph(dataset: AnalysisDataset, currency: string): Graph {
  const graph = new Graph({ type: 'directed', multi: false });
  for (const flow of flowsOf(dataset, currency)) {
    for (const id of [flow.from, flow.to]) if (!graph.hasNode(id)) graph.addNode(id);
    if (graph.hasEdge(flow.from, flow.to)) {
      graph.updateEdgeAttribute(flow.from, flow.to, 'value', (value: number) => value + flow.value);
      graph.updateEdgeAttribute(flow.from, flow.to, 'transactions', (count: number) => count + 1);
    } else graph.addEdge(flow.from, flow.to, { value: flow.value, transactions: 1 });
  }
  return graph;
}

/** Funding steps from the nearest original source (an organization nobody funds), breadth first. */
export function depthsFromSources(graph: Graph): Map<string, number> {
  const depth = new Map<string, number>();
  let frontier = graph.filterNodes((node) => graph.inDegree(node) === 0);
  for (const node of frontier) depth.set(node, 0);
  for (let level = 1; frontier.length > 0; level++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachOutNeighbor(node, (neighbour) => {
        if (!depth.has(neighbour)) {
          depth.set(neighbour, level);
          next.push(neighbour);
        }
      });
    }
    frontier = next;
  }
  return depth;
}

/** Links between activities (A funds B) from receiver-activity-id on A's outgoing and provider-activity-id on B's incoming transactions. */
export function activityChains(dataset: AnalysisDataset): { chains: { links: number; count: number }[]; longest: number } {
  const identifierOf = new Map(dataset.activities.map((activity) => [activity.id, activity.iatiIdentifier]));
  const next = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    if (from === to) return;
    next.set(from, (next.get(from) ?? new Set()).add(to));
  };
  for (const t of dataset.transactions) {
    const own = identifierOf.get(t.activityId);
    if (!own || t.type === null) continue;
    if (outgoingTypes.has(t.type) && t.receiverActivityId) link(own, t.receiverActivityId);
    if (incomingTypes.has(t.type) && t.providerActivityId) link(t.providerActivityId, own);
  }
  // Longest chain of links starting at each activity, cycle-safe (a node on the current path counts as an end).
  const memo = new Map<string, number>();
  const onPath = new Set<string>();
  const longestFrom = (node: string): number => {
    const known = memo.get(node);
    if (known !== undefined) return known;
    if (onPath.has(node)) return 0;
    onPath.add(node);
    let best = 0;
    for (const target of next.get(node) ?? []) best = Math.max(best, 1 + longestFrom(target));
    onPath.delete(node);
    memo.set(node, best);
    return best;
  };
  const targets = new Set([...next.values()].flatMap((set) => [...set]));
  const starts = [...next.keys()].filter((node) => !targets.has(node));
  const counts = new Map<number, number>();
  for (const start of starts.length > 0 ? starts : [...next.keys()]) {
    const links = longestFrom(start);
    counts.set(links, (counts.get(links) ?? 0) + 1);
  }
  const chains = [...counts.entries()].map(([links, count]) => ({ links, count })).sort((a, b) => a.links - b.links);
  return { chains, longest: chains.at(-1)?.links ?? 0 };
}

/** The funding-flow network of a dataset in one currency (the dominant one unless given). */
export function computeFundingFlows(dataset: AnalysisDataset, options: { currency?: string } = {}): FundingFlows {
  const currency = options.currency ?? dominantCurrency(dataset);
  const { chains, longest } = activityChains(dataset);
  if (currency === null) return { currency, nodes: [], edges: [], intermediaries: [], totalValue: 0, chains, longestChain: longest };
  const graph = buildFlowGraph(dataset, currency);
  const depths = depthsFromSources(graph);
  const nodes: FundingNode[] = graph.mapNodes((id) => {
    const organization = dataset.organizations.get(id);
    const received = graph.reduceInEdges(id, (sum, _edge, attributes) => sum + (attributes.value as number), 0);
    const passedOn = graph.reduceOutEdges(id, (sum, _edge, attributes) => sum + (attributes.value as number), 0);
    return {
      id,
      name: organization?.name ?? id,
      identifier: organization?.identifier ?? null,
      type: organization?.type ?? null,
      received,
      passedOn,
      intermediary: received > 0 && passedOn > 0,
      depth: depths.get(id) ?? null,
    };
  });
  nodes.sort((a, b) => b.received + b.passedOn - (a.received + a.passedOn) || a.name.localeCompare(b.name));
  const edges: FundingEdge[] = graph.mapEdges((_edge, attributes, from, to) => ({ from, to, value: attributes.value as number, transactions: attributes.transactions as number }));
  edges.sort((a, b) => b.value - a.value);
  return {
    currency,
    nodes,
    edges,
    intermediaries: nodes.filter((node) => node.intermediary).sort((a, b) => b.passedOn - a.passedOn),
    totalValue: edges.reduce((sum, edge) => sum + edge.value, 0),
    chains,
    longestChain: longest,
  };
}
