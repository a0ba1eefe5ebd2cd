"""Baseline for bench/authenticity.bench.ts: networkx computes the same network measures.

Usage: python3 bench/authenticity-networkx.py EDGES.tsv RUNS
Reads one "from<TAB>to" interaction per line (reading is not timed), then times building the
directed graph, its density, its reciprocity and Freeman's degree centralization of the
undirected graph, and prints JSON with the median time in milliseconds and the values.
"""
import json
import statistics
import sys
import time

import networkx as nx


def measure(edges):
    graph = nx.DiGraph()
    graph.add_edges_from(edges)
    density = nx.density(graph)
    reciprocity = nx.overall_reciprocity(graph)
    undirected = graph.to_undirected()
    centrality = nx.degree_centrality(undirected)
    n = undirected.number_of_nodes()
    highest = max(centrality.values())
    centralization = sum(highest - value for value in centrality.values()) / (n - 2)
    return density, reciprocity, centralization


def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    with open(path, encoding="utf-8") as handle:
        edges = [tuple(line.rstrip("\n").split("\t")) for line in handle if line.strip()]
    measure(edges)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        values = measure(edges)
        times.append((time.perf_counter() - start) * 1000)
    print(json.dumps({
        "networkx": nx.__version__,
        "medianMs": statistics.median(times),
        "density": values[0],
        "reciprocity": values[1],
        "centralization": values[2],
    }))


if __name__ == "__main__":
    main()
