/**
 * Turns the engines' answers into the screening record's result: candidates with their
 * explanation, paths with edge types, roles and dates, skipped hubs and red flags, with the
 * entities' captions so the record reads without the register at hand.
 */
import type { RequestContext } from '../../platform/context.js';
import type { DatasetAccess } from '../entities/datasets.service.js';
import { flaggedTopicsOf } from '../entities/entities.policy.js';
import type { FlaggedPath } from '../entities/graph/flagged-paths.js';
import type { RedFlag } from '../entities/graph/red-flags.js';
import type { CandidateDto, PathDto, RedFlagDto, ScreeningResult, SkippedHubDto } from './screening.schema.js';
import { entityCaptions } from './candidate-entities.js';
import { isEdgeSchema } from './yente/yente-ftm.js';
import { analyseNetworks, flagOf, graphsFor, type CandidateNetwork } from './network-analysis.js';
import type { MergedCandidate } from './match-across.js';

type Captions = (datasetId: string, id: string) => string;

/** Evidence entities of one red flag that are named in the answer (the rest keep their ids). */
const MAX_NAMED_EVIDENCE = 100;

/** Captions of the wanted entities; ties (FtM edge schemata such as Directorship) are left unnamed. */
async function captionsOf(ctx: RequestContext, wanted: Map<string, Set<string>>) {
  const known = new Map<string, string>();
  const ties = new Set<string>();
  for (const [datasetId, ids] of wanted) {
    for (const e of await entityCaptions(ctx, datasetId, [...ids])) {
      known.set(`${datasetId}/${e.id}`, e.caption);
      if (isEdgeSchema(e.schema)) ties.add(`${datasetId}/${e.id}`);
    }
  }
  const caption: Captions = (datasetId, id) => known.get(`${datasetId}/${id}`) ?? id;
  const isTie = (datasetId: string, id: string): boolean => ties.has(`${datasetId}/${id}`);
  return { caption, isTie };
}

function wantedIds(candidates: readonly MergedCandidate[], networks: readonly CandidateNetwork[]) {
  const wanted = new Map<string, Set<string>>();
  const add = (datasetId: string, id: string) => {
    const set = wanted.get(datasetId) ?? new Set<string>();
    set.add(id);
    wanted.set(datasetId, set);
  };
  for (const c of candidates) add(c.datasetId, c.id);
  for (const { candidate, paths, redFlags } of networks) {
    for (const path of paths?.paths ?? []) for (const node of path.nodes) add(candidate.datasetId, node.id);
    for (const hub of paths?.skippedHubs ?? []) add(candidate.datasetId, hub.id);
    for (const flag of redFlags) {
      add(candidate.datasetId, flag.subject);
      // The entities a flag rests on, so that a reader sees names rather than register ids.
      for (const id of flag.evidence.slice(0, MAX_NAMED_EVIDENCE)) add(candidate.datasetId, id);
    }
  }
  return wanted;
}

function pathDto(candidate: MergedCandidate, path: FlaggedPath, caption: Captions): PathDto {
  return {
    candidateEntityId: candidate.id,
    datasetId: candidate.datasetId,
    length: path.length,
    hubCount: path.hubCount,
    strength: path.strength,
    nodes: path.nodes.map((n) => ({
      id: n.id,
      caption: caption(candidate.datasetId, n.id),
      schema: n.schema,
      flagged: n.flagged,
      topics: n.topics,
    })),
    edges: path.edges.map((e) => ({ ...e })),
  };
}

function redFlagDto(
  candidate: MergedCandidate,
  flag: RedFlag,
  { caption, isTie }: Awaited<ReturnType<typeof captionsOf>>,
): RedFlagDto {
  const name = caption(candidate.datasetId, flag.subject);
  // The rules word flags with ids; a reader wants names.
  const named = (text: string) => text.split(flag.subject).join(name);
  return {
    candidateEntityId: candidate.id,
    datasetId: candidate.datasetId,
    code: flag.code,
    severity: flag.severity,
    subject: flag.subject,
    subjectCaption: name,
    textNl: named(flag.textNl),
    textEn: named(flag.textEn),
    evidence: flag.evidence,
    evidenceCaptions: Object.fromEntries(
      flag.evidence
        .slice(0, MAX_NAMED_EVIDENCE)
        .map((id) => [id, caption(candidate.datasetId, id)])
        .filter(([id, name]) => name !== '' && name !== id && !isTie(candidate.datasetId, id ?? '')),
    ),
  };
}

function hubDtos(network: CandidateNetwork, caption: Captions): SkippedHubDto[] {
  return (network.paths?.skippedHubs ?? []).map((hub) => ({
    candidateEntityId: network.candidate.id,
    id: hub.id,
    caption: caption(network.candidate.datasetId, hub.id),
    schema: hub.schema,
    degree: hub.degree,
    depth: hub.depth,
  }));
}

/** Runs the network analysis for the candidates and assembles the stored result. */
export async function buildScreeningResult(
  ctx: RequestContext,
  accesses: ReadonlyMap<string, DatasetAccess>,
  candidates: readonly MergedCandidate[],
): Promise<ScreeningResult> {
  const graphs = await graphsFor(ctx, accesses, candidates);
  const networks = analyseNetworks(ctx, graphs, candidates);
  const captions = await captionsOf(ctx, wantedIds(candidates, networks));
  const { caption } = captions;
  const candidateDtos: CandidateDto[] = candidates.map((c, i) => {
    const { flagged, topics } = flagOf(graphs, c);
    return {
      rank: i + 1,
      datasetId: c.datasetId,
      entityId: c.id,
      caption: caption(c.datasetId, c.id),
      schema: c.schema,
      score: Math.round(c.score * 1000) / 1000,
      matchedName: c.name,
      items: c.items,
      isFlagged: flagged,
      topics: flaggedTopicsOf(topics, ctx.config.flaggedTopics),
      referents: c.referents,
      decision: null,
    };
  });
  return {
    candidates: candidateDtos,
    paths: networks.flatMap((n) => (n.paths?.paths ?? []).map((p) => pathDto(n.candidate, p, caption))),
    skippedHubs: networks.flatMap((n) => hubDtos(n, caption)),
    redFlags: networks.flatMap((n) => n.redFlags.map((f) => redFlagDto(n.candidate, f, captions))),
    maxHops: ctx.config.screeningMaxHops,
  };
}
