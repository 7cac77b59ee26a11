"""B2 peer: python-igraph on the edge list Weerbaar's writeEdgeList wrote.

Input (argv): edge list path, node count, job JSON path ({"queries": [...], "flagged": [...],
"warmup": n, "budget_ms": n}). Output: one JSON object on stdout with load time, peak
memory and, per query, the 3-hop reachable count, the distance to the nearest flagged node
within 4 hops (-1: none) with one shortest path, and the times in nanoseconds.
"""
import json
import resource
import sys
import time

import igraph


def nearest(g, v, flagged):
    for k in range(1, 5):
        hits = [u for u in g.neighborhood(v, order=k, mindist=k) if u in flagged]
        if hits:
            target = min(hits)
            return k, g.get_shortest_paths(v, to=target, output="vpath")[0]
    return -1, []


def timed(queries, fn, warmup, budget_ns):
    for v in queries[:warmup]:
        fn(v)
    times, answers = [], []
    began = time.perf_counter_ns()
    for v in queries:
        t0 = time.perf_counter_ns()
        answers.append(fn(v))
        times.append(time.perf_counter_ns() - t0)
        if time.perf_counter_ns() - began > budget_ns:
            break
    return times, answers


def main():
    path, count, job_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(job_path) as f:
        job = json.load(f)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter_ns()
    g = igraph.Graph.Read_Edgelist(path, directed=False)
    if g.vcount() < count:
        g.add_vertices(count - g.vcount())
    load_ns = time.perf_counter_ns() - t0
    flagged = set(job["flagged"])
    budget_ns = job["budget_ms"] * 1_000_000
    reach_times, reach = timed(job["queries"], lambda v: len(g.neighborhood(v, order=3)), job["warmup"], budget_ns)
    near_times, near = timed(job["queries"], lambda v: nearest(g, v, flagged), job["warmup"], budget_ns)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    json.dump(
        {
            "igraph": igraph.__version__,
            "load_ns": load_ns,
            "memory_bytes": (rss_after - rss_before) * 1024,
            "reach": reach,
            "reach_ns": reach_times,
            "distance": [d for d, _ in near],
            "paths": [p for _, p in near],
            "nearest_ns": near_times,
        },
        sys.stdout,
    )


main()
