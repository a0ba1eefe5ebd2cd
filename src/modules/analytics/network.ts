import Graph from 'graphology';
import { degreeCentrality } from 'graphology-metrics/centrality/degree.js';
import { directedDensity, undirectedDensity } from 'graphology-metrics/graph/density.js';

export type Tie = { from: string; to: string };

export type NetworkMeasures = {
  nodes: number;
  /** Distinct directed ties (who reached out to whom), however many interactions each holds. */
  ties: number;
  density: number;
  /** Freeman degree centralization of the undirected ties; null with fewer than three nodes. */
  centralization: number | null;
  /** Share of directed ties answered by a tie the other way; null without ties. */
  reciprocity: number | null;
  /** Share of pairs among `among` that are in direct contact; null with fewer than two of them. */
  pairCoverage: number | null;
};

/** How many records go from each organization to each other one. */
export type TieCounts = Map<string, Map<string, number>>;

/**
 * Collapses records into counts per directed pair. Hundreds of thousands of interactions fall
 * into a few thousand ties, so graphology only ever sees the distinct ones.
 */
export function countTies(ties: Iterable<Tie>): TieCounts {
  const counts: TieCounts = new Map();
  for (const tie of ties) {
    let targets = counts.get(tie.from);
    if (targets === undefined) {
      targets = new Map();
      counts.set(tie.from, targets);
    }
    targets.set(tie.to, (targets.get(tie.to) ?? 0) + 1);
  }
  return counts;
}

/** Builds the directed simple graph of ties between the given nodes (ties to others are left out). */
export function buildTieGraph(nodes: readonly string[], ties: Iterable<Tie> | TieCounts): Graph {
  const counts = ties instanceof Map ? ties : countTies(ties);
  const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  for (const node of nodes) graph.mergeNode(node);
  for (const [from, targets] of counts) {
    if (!graph.hasNode(from)) continue;
    for (const to of targets.keys()) {
      if (to !== from && graph.hasNode(to)) graph.addEdge(from, to);
    }
  }
  return graph;
}

/**
 * Density, Freeman (1979) degree centralization, reciprocity and pair coverage of a tie graph,
 * with graphology and graphology-metrics doing the graph work.
 */
export function measureNetwork(graph: Graph, among: readonly string[]): NetworkMeasures {
  const nodes = graph.order;
  const undirected = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.forEachNode((node) => undirected.addNode(node));
  let reciprocated = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    undirected.mergeEdge(source, target);
    if (graph.hasDirectedEdge(target, source)) reciprocated += 1;
  });

  let centralization: number | null = null;
  if (nodes >= 3) {
    // degreeCentrality gives degree/(n-1); Freeman's sum of (max - c_i) is then at most n-2 (a star).
    const centralities = Object.values(degreeCentrality(undirected));
    const highest = Math.max(...centralities);
    let spread = 0;
    for (const value of centralities) spread += highest - value;
    centralization = spread / (nodes - 2);
  }

  // Partner-to-partner contact is the undirected density of the subgraph induced by `among`.
  const amongSet = new Set(among.filter((node) => undirected.hasNode(node)));
  let pairCoverage: number | null = null;
  if (amongSet.size >= 2) {
    const induced = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    for (const node of amongSet) induced.addNode(node);
    undirected.forEachEdge((_edge, _attributes, source, target) => {
      if (amongSet.has(source) && amongSet.has(target)) induced.addEdge(source, target);
    });
    pairCoverage = undirectedDensity(induced);
  }

  return {
    nodes,
    ties: graph.size,
    density: directedDensity(graph),
    centralization,
    reciprocity: graph.size > 0 ? reciprocated / graph.size : null,
    pairCoverage,
  };
}
