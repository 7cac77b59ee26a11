"""B2 peer: python-igraph on the edge list Weerbaar's writeEdgeList wrote.

Input (argv): edge list path, node count, job JSON path ({"queries": [...], "flagged": [...],
"warmup": n, "budget_ms": n}). Output: one JSON object on stdout with load time, peak
memory and, per query, the 3-hop answer reduced for comparison (nodes per distance and a
digest of the (node, distance) pairs, computed after the clock stopped), the distance to the
nearest flagged node within 4 hops (-1: none) with one shortest path, and the times in ns.

Each query is answered in two ways igraph offers and the faster one (by p50) is reported,
so igraph is not held to a slow idiom; the other's p50 is reported too, and igraph's
cheapest 3-hop call (the set without distances) is timed as a lower bound.
"""
import json
import resource
import sys
import time

import igraph

MASK = 0xFFFFFFFF


def mix(x):
    """murmur3's 32-bit finaliser, as reachDigest in b2-data.ts."""
    x ^= x >> 16
    x = (x * 0x85EBCA6B) & MASK
    x ^= x >> 13
    x = (x * 0xC2B2AE35) & MASK
    x ^= x >> 16
    return x


def digest(levels):
    """Level sizes and the sum of mix(node * 8 + depth) of a list of per-distance node lists."""
    total = 0
    for depth, nodes in enumerate(levels):
        for v in nodes:
            total = (total + mix(v * 8 + depth)) & MASK
    return [len(nodes) for nodes in levels], total


def reach_bfs_order(g, v):
    """neighborhood() lists nodes in BFS order (igraph_neighborhood walks a queue), so the
    sizes of the 1- and 2-hop neighbourhoods split it into distances: one order-3 call, one
    order-2 size call and the start's neighbour list."""
    nodes = g.neighborhood(v, order=3)
    first = len(set(g.neighbors(v)) - {v}) + 1
    second = g.neighborhood_size(v, order=2)
    return [nodes[:1], nodes[1:first], nodes[first:second], nodes[second:]]


def reach_per_level(g, v):
    """One neighborhood(order=k, mindist=k) call per distance."""
    return [[v]] + [g.neighborhood(v, order=k, mindist=k) for k in (1, 2, 3)]


def nearest_per_level(g, v, flagged):
    """The nodes at each distance in turn; the path to the lowest flagged one at the first
    distance that has any."""
    for k in range(1, 5):
        hits = [u for u in g.neighborhood(v, order=k, mindist=k) if u in flagged]
        if hits:
            return k, g.get_shortest_paths(v, to=min(hits), output="vpath")[0]
    return -1, []


def nearest_bfsiter(g, v, flagged):
    """igraph's lazy BFS iterator, stopping at the first flagged node (as Weerbaar does);
    the path from the parents it yields."""
    parent = {}
    for vertex, depth, via in g.bfsiter(v, advanced=True):
        if depth > 4:
            break
        u = vertex.index
        parent[u] = via.index if via is not None else -1
        if depth > 0 and u in flagged:
            path = [u]
            while parent[path[-1]] != -1:
                path.append(parent[path[-1]])
            return depth, path[::-1]
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


def p50(times):
    return sorted(times)[len(times) // 2] if times else 0


def faster(candidates):
    """The (name, times, answers) with the lowest p50."""
    return min(candidates, key=lambda c: p50(c[1]))


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
    # Memory of the loaded graph only: the answers kept for comparison below are not igraph's.
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    flagged = set(job["flagged"])
    budget_ns = job["budget_ms"] * 1_000_000
    queries, warmup = job["queries"], job["warmup"]

    set_times, set_sizes = timed(queries, lambda v: len(g.neighborhood(v, order=3)), warmup, budget_ns)
    reach = [
        ("bfs-order", *timed(queries, lambda v: reach_bfs_order(g, v), warmup, budget_ns)),
        ("per-level", *timed(queries, lambda v: reach_per_level(g, v), warmup, budget_ns)),
    ]
    near = [
        ("per-level", *timed(queries, lambda v: nearest_per_level(g, v, flagged), warmup, budget_ns)),
        ("bfsiter", *timed(queries, lambda v: nearest_bfsiter(g, v, flagged), warmup, budget_ns)),
    ]
    reach_name, reach_times, reach_answers = faster(reach)
    near_name, near_times, near_answers = faster(near)
    # After every clock stopped: reduce the 3-hop answers, and check the two ways agree.
    digests = [digest(levels) for levels in reach_answers]
    other = next(r for r in reach if r[0] != reach_name)
    disagree = sum(1 for a, b in zip(digests, other[2]) if a != digest(b))
    disagree += sum(1 for size, (levels, _) in zip(set_sizes, digests) if size != sum(levels))
    json.dump(
        {
            "igraph": igraph.__version__,
            "load_ns": load_ns,
            "memory_bytes": (rss_loaded - rss_before) * 1024,
            "reach_strategy": reach_name,
            "reach_p50_ns": {name: p50(times) for name, times, _ in reach},
            "set_only_p50_ns": p50(set_times),
            "strategies_disagree": disagree,
            "levels": [levels for levels, _ in digests],
            "digests": [d for _, d in digests],
            "reach_ns": reach_times,
            "nearest_strategy": near_name,
            "nearest_p50_ns": {name: p50(times) for name, times, _ in near},
            "distance": [d for d, _ in near_answers],
            "paths": [p for _, p in near_answers],
            "nearest_ns": near_times,
        },
        sys.stdout,
    )


main()
