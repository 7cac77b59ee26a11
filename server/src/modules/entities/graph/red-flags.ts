import {
  flaggedLinkText,
  flaggedEntityText,
  addressHubText,
  manyDirectorshipsText,
  recentIncorporationText,
  directorChangesText,
  strawManText,
} from './red-flag-text.js';
import type { FlagText, StrawManIndicator } from './red-flag-text.js';
import { decodeDay, dayOfDate } from './graph-dates.js';
import { findNode, nodeIdAt, nodeSchemaAt, toGraphEdge } from './graph-access.js';
import {
  activeDirectorships,
  addressesOf,
  directorChangesSince,
  isOrganisation,
  organisationsAt,
  tiesOf,
} from './graph-relations.js';
import type { Tie } from './graph-relations.js';
import type { EntityGraph } from './graph.types.js';
import { findPathsToFlagged, type FlaggedPathOptions, type FlaggedPathsResult } from './flagged-paths.js';

export type RedFlagCode =
  | 'flagged_entity'
  | 'address_hub'
  | 'many_directorships'
  | 'recent_incorporation'
  | 'frequent_director_changes'
  | 'straw_man'
  | 'flagged_within_hops';

export interface RedFlag extends FlagText {
  code: RedFlagCode;
  severity: 'low' | 'medium' | 'high';
  /** The entity the flag is about (the node itself, its address or one of its directors). */
  subject: string;
  /** Node and edge ids that support the flag. */
  evidence: string[];
}

/** Thresholds of the red-flag rules; every one can be overridden per call. */
export interface RedFlagContext {
  now?: Date;
  addressHubCompanies?: number;
  manyDirectorships?: number;
  recentIncorporationDays?: number;
  directorChangesYears?: number;
  directorChangesMin?: number;
  strawManMinDirectorships?: number;
  strawManMaxAge?: number;
  strawManMaxOtherTies?: number;
  flaggedHops?: number;
  hubDegreeCap?: number;
}

type Rules = Required<RedFlagContext>;

/** The rules' default thresholds (a screening cites them in its flags' texts). */
export const RED_FLAG_DEFAULTS: Readonly<Omit<Rules, 'now'>> = {
  addressHubCompanies: 20,
  manyDirectorships: 10,
  recentIncorporationDays: 365,
  directorChangesYears: 3,
  directorChangesMin: 4,
  strawManMinDirectorships: 5,
  strawManMaxAge: 25,
  strawManMaxOtherTies: 1,
  flaggedHops: 3,
  hubDegreeCap: 500,
};

const MAX_EVIDENCE = 50;
/** Paths the flagged-link rule looks for; a count at this cap means "at least". */
export const FLAGGED_LINK_PATHS = 10;

const withDefaults = (context: RedFlagContext): Rules => ({
  ...RED_FLAG_DEFAULTS,
  ...context,
  now: context.now ?? new Date(),
});

const searchOf = (rules: Rules): FlaggedPathOptions => ({
  maxHops: rules.flaggedHops,
  maxPaths: FLAGGED_LINK_PATHS,
  hubDegreeCap: rules.hubDegreeCap,
});

/**
 * The path search behind the flagged_entity and flagged_within_hops flags under `context`: a
 * caller that runs this search for its own use hands the result to `redFlags` instead of
 * having it run twice.
 */
export const flaggedLinkSearch = (context: RedFlagContext): FlaggedPathOptions => searchOf(withDefaults(context));

function evidenceOf(graph: EntityGraph, ties: Tie[], extra: string[] = []): string[] {
  const ids = [...extra];
  for (const tie of ties.slice(0, MAX_EVIDENCE)) {
    ids.push(nodeIdAt(graph, tie.other));
    const edgeId = toGraphEdge(graph, tie.edge).id;
    if (edgeId) ids.push(edgeId);
  }
  return [...new Set(ids)];
}

function addressHubFlags(graph: EntityGraph, node: number, rules: Rules): RedFlag[] {
  const addresses = nodeSchemaAt(graph, node) === 'Address' ? [node] : addressesOf(graph, node).map((t) => t.other);
  return addresses.flatMap((address) => {
    const organisations = organisationsAt(graph, address);
    if (organisations.length < rules.addressHubCompanies) return [];
    const subject = nodeIdAt(graph, address);
    const severity = organisations.length >= rules.addressHubCompanies * 5 ? 'high' : 'medium';
    return [
      {
        code: 'address_hub',
        severity,
        subject,
        evidence: evidenceOf(graph, organisations, [subject]),
        ...addressHubText(subject, organisations.length, rules.addressHubCompanies),
      },
    ];
  });
}

function manyDirectorshipsFlag(graph: EntityGraph, person: number, rules: Rules, today: number): RedFlag[] {
  const ties = activeDirectorships(graph, person, today);
  if (ties.length < rules.manyDirectorships) return [];
  const subject = nodeIdAt(graph, person);
  return [
    {
      code: 'many_directorships',
      severity: 'medium',
      subject,
      evidence: evidenceOf(graph, ties, [subject]),
      ...manyDirectorshipsText(subject, ties.length, rules.manyDirectorships),
    },
  ];
}

function companyAgeFlags(graph: EntityGraph, company: number, rules: Rules, today: number): RedFlag[] {
  const flags: RedFlag[] = [];
  const subject = nodeIdAt(graph, company);
  const founded = graph.nodeDate[company]!;
  if (founded !== 0 && today - founded <= rules.recentIncorporationDays && today >= founded) {
    const text = recentIncorporationText(subject, today - founded, decodeDay(founded) ?? '');
    flags.push({ code: 'recent_incorporation', severity: 'low', subject, evidence: [subject], ...text });
  }
  const changes = directorChangesSince(graph, company, today - Math.round(rules.directorChangesYears * 365.25));
  if (changes.events >= rules.directorChangesMin) {
    const text = directorChangesText(subject, changes.events, rules.directorChangesYears);
    flags.push({
      code: 'frequent_director_changes',
      severity: 'medium',
      subject,
      evidence: evidenceOf(graph, changes.ties, [subject]),
      ...text,
    });
  }
  return flags;
}

function strawManIndicators(
  graph: EntityGraph,
  person: number,
  rules: Rules,
  today: number,
): { indicators: StrawManIndicator[]; ties: Tie[] } {
  const directorships = activeDirectorships(graph, person, today);
  if (directorships.length < rules.strawManMinDirectorships) return { indicators: [], ties: [] };
  const indicators: StrawManIndicator[] = ['many_directorships'];
  const born = graph.nodeDate[person]!;
  if (born !== 0 && (today - born) / 365.25 <= rules.strawManMaxAge) indicators.push('young');
  const hubAddresses = addressesOf(graph, person).filter(
    (t) => organisationsAt(graph, t.other).length >= rules.addressHubCompanies,
  );
  if (hubAddresses.length > 0) indicators.push('hub_address');
  const others = tiesOf(graph, person, null).filter(
    (t) => !['Directorship', 'addressEntity'].includes(toGraphEdge(graph, t.edge).type),
  );
  if (others.length <= rules.strawManMaxOtherTies) indicators.push('few_other_ties');
  return { indicators, ties: [...directorships, ...hubAddresses] };
}

function strawManFlag(graph: EntityGraph, person: number, rules: Rules, today: number): RedFlag[] {
  const { indicators, ties } = strawManIndicators(graph, person, rules, today);
  // Many directorships alone is its own flag; a straw man needs two more signs.
  if (indicators.length < 3) return [];
  const subject = nodeIdAt(graph, person);
  const severity = indicators.length === 4 ? 'high' : 'medium';
  return [
    {
      code: 'straw_man',
      severity,
      subject,
      evidence: evidenceOf(graph, ties, [subject]),
      ...strawManText(subject, indicators),
    },
  ];
}

function flaggedLinkFlags(
  graph: EntityGraph,
  nodeId: string,
  rules: Rules,
  searched: FlaggedPathsResult | null | undefined,
): RedFlag[] {
  const result = searched === undefined ? findPathsToFlagged(graph, nodeId, searchOf(rules)) : searched;
  const flags: RedFlag[] = [];
  if (result?.startFlagged)
    flags.push({
      code: 'flagged_entity',
      severity: 'high',
      subject: nodeId,
      evidence: [nodeId],
      ...flaggedEntityText(nodeId, result.start.topics),
    });
  const paths = result?.paths ?? [];
  const first = paths[0];
  if (!first) return flags;
  const evidence = paths.flatMap((p) => [...p.nodes.map((n) => n.id), ...p.edges.flatMap((e) => (e.id ? [e.id] : []))]);
  const severity = first.length <= 2 ? 'high' : 'medium';
  flags.push({
    code: 'flagged_within_hops',
    severity,
    subject: nodeId,
    evidence: [...new Set(evidence)],
    ...flaggedLinkText(paths.length, rules.flaggedHops, first.length),
  });
  return flags;
}

function personFlags(graph: EntityGraph, person: number, rules: Rules, today: number): RedFlag[] {
  return [...manyDirectorshipsFlag(graph, person, rules, today), ...strawManFlag(graph, person, rules, today)];
}

/**
 * Explained red flags for a node, its addresses and (for companies) its directors. `searched`,
 * when given, is `findPathsToFlagged(graph, nodeId, flaggedLinkSearch(context))` as the caller
 * already ran it.
 */
export function redFlags(
  graph: EntityGraph,
  nodeId: string,
  context: RedFlagContext = {},
  searched?: FlaggedPathsResult | null,
): RedFlag[] {
  const node = findNode(graph, nodeId);
  if (node < 0) return [];
  const rules = withDefaults(context);
  const today = dayOfDate(rules.now);
  const flags = [...flaggedLinkFlags(graph, nodeId, rules, searched), ...addressHubFlags(graph, node, rules)];
  if (nodeSchemaAt(graph, node) === 'Person') flags.push(...personFlags(graph, node, rules, today));
  if (isOrganisation(graph, node)) {
    flags.push(...companyAgeFlags(graph, node, rules, today));
    const directors = tiesOf(graph, node, 'Directorship', 'in').map((t) => t.other);
    for (const director of new Set(directors)) flags.push(...personFlags(graph, director, rules, today));
  }
  return flags;
}
