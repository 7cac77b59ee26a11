/**
 * The network half of a screening: for each strong candidate the shortest paths to flagged
 * entities (hubs capped, skipped hubs named) and the red flags of the candidate and of the
 * organisations on those paths (where a straw man shows up as a co-director).
 */
import type { RequestContext } from '../../platform/context.js';
import type { DatasetAccess } from '../entities/datasets.service.js';
import { findPathsToFlagged, type FlaggedPathsResult } from '../entities/graph/flagged-paths.js';
import { flaggedLinkSearch, redFlags, type RedFlag, type RedFlagContext } from '../entities/graph/red-flags.js';
import type { EntityGraph, GraphTopic } from '../entities/graph/graph.types.js';
import { findNode, isFlagged, topicsOf } from '../entities/graph/graph-access.js';
import { graphForReader } from './engine-cache.js';
import type { MergedCandidate } from './match-across.js';
import { SCREENING_FLAG_RULES, withEvidence } from './red-flag-evidence.js';

/** Candidates scoring at least this are "strong": their network is examined. */
export const STRONG_SCORE = 0.7;
const MAX_STRONG = 3;
/**
 * Screening caps hubs lower than the graph's default: a path through an address hosting a
 * hundred companies says little about the applicant. Such hubs are named as skipped.
 */
const HUB_DEGREE_CAP = 100;
const ORGANISATIONS: ReadonlySet<string> = new Set(['Company', 'Organization', 'LegalEntity', 'PublicBody']);

export type CandidateNetwork = {
  candidate: MergedCandidate;
  graph: EntityGraph;
  paths: FlaggedPathsResult | null;
  redFlags: RedFlag[];
};

/**
 * The candidate's paths are the flagged-link red flag's own search (flaggedLinkSearch): as many
 * paths as the flag counts, so the record shows every path the flag speaks of ("linked to 4
 * flagged entities" comes with those 4 paths), and the search runs once for both.
 */
function flagsAround(
  graph: EntityGraph,
  candidateId: string,
  paths: FlaggedPathsResult | null,
  context: RedFlagContext & { now: Date; flaggedHops: number },
) {
  const { now, flaggedHops: hops } = context;
  const evidence = { now, hops, candidateId, shownPaths: paths?.paths.length ?? 0 };
  const subjects = new Set([candidateId]);
  for (const path of paths?.paths ?? []) {
    for (const node of path.nodes.slice(1, -1)) if (ORGANISATIONS.has(node.schema)) subjects.add(node.id);
  }
  const seen = new Set<string>();
  return [...subjects]
    .flatMap((id) => (id === candidateId ? redFlags(graph, id, context, paths) : redFlags(graph, id, context)))
    .filter((flag) => {
      const key = `${flag.code}|${flag.subject}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((flag) => withEvidence(graph, flag, evidence));
}

/** Graphs of the candidates' datasets, read once per dataset. */
export async function graphsFor(
  ctx: RequestContext,
  accesses: ReadonlyMap<string, DatasetAccess>,
  candidates: readonly MergedCandidate[],
): Promise<Map<string, EntityGraph>> {
  const graphs = new Map<string, EntityGraph>();
  for (const { datasetId } of candidates) {
    const access = accesses.get(datasetId);
    if (access && !graphs.has(datasetId)) graphs.set(datasetId, await graphForReader(ctx, access));
  }
  return graphs;
}

/** A candidate's flag and topics in its graph (unflagged without topics when not in the graph). */
export function flagOf(
  graphs: ReadonlyMap<string, EntityGraph>,
  candidate: MergedCandidate,
): { flagged: boolean; topics: GraphTopic[] } {
  const graph = graphs.get(candidate.datasetId);
  const node = graph ? findNode(graph, candidate.id) : -1;
  return graph && node >= 0
    ? { flagged: isFlagged(graph, node), topics: topicsOf(graph, node) }
    : { flagged: false, topics: [] };
}

/** Paths and red flags of the strong candidates. */
export function analyseNetworks(
  ctx: RequestContext,
  graphs: ReadonlyMap<string, EntityGraph>,
  candidates: readonly MergedCandidate[],
): CandidateNetwork[] {
  const context = {
    ...SCREENING_FLAG_RULES,
    now: ctx.clock.now(),
    flaggedHops: ctx.config.screeningMaxHops,
    hubDegreeCap: HUB_DEGREE_CAP,
  };
  const search = flaggedLinkSearch(context);
  return candidates
    .filter((c) => c.score >= STRONG_SCORE)
    .slice(0, MAX_STRONG)
    .flatMap((candidate) => {
      const graph = graphs.get(candidate.datasetId);
      if (!graph) return [];
      const paths = findPathsToFlagged(graph, candidate.id, search);
      return [{ candidate, graph, paths, redFlags: flagsAround(graph, candidate.id, paths, context) }];
    });
}
