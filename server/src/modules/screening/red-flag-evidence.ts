/**
 * Red flags a reader can check: the graph's rules say "young age, many directorships"; a
 * screening record says "22 years (at most 25), 12 active directorships (at least 5)".
 * The thresholds are set here and handed to the rules, so the wording and the rules agree.
 */
import { decodeDay, dayOfDate } from '../entities/graph/graph-dates.js';
import { findNode, isFlagged, toGraphEdge } from '../entities/graph/graph-access.js';
import { activeDirectorships, addressesOf, organisationsAt, tiesOf } from '../entities/graph/graph-relations.js';
import { FLAGGED_LINK_PATHS, RED_FLAG_DEFAULTS, type RedFlag } from '../entities/graph/red-flags.js';
import type { FlagText } from '../entities/graph/red-flag-text.js';
import type { EntityGraph } from '../entities/graph/graph.types.js';

/** The red-flag thresholds of a screening: the graph's defaults, which the flags' texts cite. */
export const SCREENING_FLAG_RULES = RED_FLAG_DEFAULTS;

/** How many paths the flagged-link rule looks for (its own count); a count at this cap means "at least". */
export const FLAGGED_LINK_CAP = FLAGGED_LINK_PATHS;

export type EvidenceContext = {
  now: Date;
  hops: number;
  /** The candidate whose network this is: its paths are the ones drawn in the record. */
  candidateId: string;
  /** Paths drawn in the record from the candidate. */
  shownPaths: number;
};

const joinNl = (parts: string[]) => parts.join('; ');

function strawManEvidence(graph: EntityGraph, flag: RedFlag, ctx: EvidenceContext): FlagText | null {
  const node = findNode(graph, flag.subject);
  if (node < 0) return null;
  const r = SCREENING_FLAG_RULES;
  const today = dayOfDate(ctx.now);
  const directorships = activeDirectorships(graph, node, today).length;
  const nl = [`${directorships} actieve bestuursfuncties (drempel: ten minste ${r.strawManMinDirectorships})`];
  const en = [`${directorships} active directorships (threshold: at least ${r.strawManMinDirectorships})`];
  const born = graph.nodeDate[node] ?? 0;
  if (born !== 0) {
    const age = Math.floor((today - born) / 365.25);
    const date = decodeDay(born) ?? '';
    const young = age <= r.strawManMaxAge;
    nl.push(
      `${age} jaar oud, geboren ${date} (${young ? 'jong' : 'niet jong'}: drempel ten hoogste ${r.strawManMaxAge})`,
    );
    en.push(`${age} years old, born ${date} (${young ? 'young' : 'not young'}: threshold at most ${r.strawManMaxAge})`);
  } else {
    nl.push('geboortedatum onbekend');
    en.push('date of birth unknown');
  }
  const busiest = Math.max(0, ...addressesOf(graph, node).map((t) => organisationsAt(graph, t.other).length));
  nl.push(`ingeschreven op een adres met ${busiest} organisaties (drempel: ten minste ${r.addressHubCompanies})`);
  en.push(`registered at an address with ${busiest} organisations (threshold: at least ${r.addressHubCompanies})`);
  const others = tiesOf(graph, node, null).filter(
    (t) => !['Directorship', 'addressEntity'].includes(toGraphEdge(graph, t.edge).type),
  ).length;
  nl.push(`${others} andere banden (drempel: ten hoogste ${r.strawManMaxOtherTies})`);
  en.push(`${others} other ties (threshold: at most ${r.strawManMaxOtherTies})`);
  return {
    textNl: `${flag.subject} vertoont kenmerken van een stroman (ten minste 3 van 4 nodig): ${joinNl(nl)}.`,
    textEn: `${flag.subject} shows straw-man indicators (at least 3 of 4 needed): ${joinNl(en)}.`,
  };
}

function flaggedLinkEvidence(flag: RedFlag, ctx: EvidenceContext, found: number): FlagText {
  const atLeastNl = found >= FLAGGED_LINK_CAP ? 'ten minste ' : '';
  const atLeastEn = found >= FLAGGED_LINK_CAP ? 'at least ' : '';
  const capNl = found >= FLAGGED_LINK_CAP ? ` (er wordt gezocht tot ${FLAGGED_LINK_CAP})` : '';
  const capEn = found >= FLAGGED_LINK_CAP ? ` (the search stops at ${FLAGGED_LINK_CAP})` : '';
  const head = {
    nl: `${flag.subject} is binnen ${ctx.hops} stappen verbonden met ${atLeastNl}${found} gemarkeerde entiteit(en)${capNl}`,
    en: `${flag.subject} is linked to ${atLeastEn}${found} flagged entit${found === 1 ? 'y' : 'ies'} within ${ctx.hops} hops${capEn}`,
  };
  if (flag.subject === ctx.candidateId) {
    return {
      textNl: `${head.nl}; alle ${ctx.shownPaths} paden staan onder Netwerk.`,
      textEn: `${head.en}; all ${ctx.shownPaths} paths are shown under Network.`,
    };
  }
  return {
    textNl: `${head.nl}, geteld vanaf ${flag.subject} (een organisatie op een pad van de aanvrager). Onder Netwerk staan alleen de ${ctx.shownPaths} paden die bij de aanvrager beginnen; de overige liggen verder dan ${ctx.hops} stappen van de aanvrager of achter een overgeslagen knooppunt.`,
    textEn: `${head.en}, counted from ${flag.subject} (an organisation on a path of the applicant). Network shows only the ${ctx.shownPaths} paths that start at the applicant; the others lie more than ${ctx.hops} hops from the applicant or behind a skipped hub.`,
  };
}

/** Flagged entities a flagged-link flag found: the evidence ids that are flagged nodes, other than the subject. */
function flaggedTargets(graph: EntityGraph, flag: RedFlag): number {
  let count = 0;
  for (const id of flag.evidence) {
    const node = findNode(graph, id);
    if (node >= 0 && id !== flag.subject && isFlagged(graph, node)) count++;
  }
  return count;
}

function thresholdText(flag: RedFlag): FlagText | null {
  const r = SCREENING_FLAG_RULES;
  if (flag.code === 'recent_incorporation')
    return {
      textNl: `${flag.textNl.replace(/\.$/, '')} (drempel: ten hoogste ${r.recentIncorporationDays} dagen).`,
      textEn: `${flag.textEn.replace(/\.$/, '')} (threshold: at most ${r.recentIncorporationDays} days).`,
    };
  if (flag.code === 'frequent_director_changes')
    return {
      textNl: `${flag.textNl.replace(/\.$/, '')} (drempel: ten minste ${r.directorChangesMin}).`,
      textEn: `${flag.textEn.replace(/\.$/, '')} (threshold: at least ${r.directorChangesMin}).`,
    };
  return null;
}

/** The flag with the numbers behind it and the threshold each was compared with. */
export function withEvidence(graph: EntityGraph, flag: RedFlag, ctx: EvidenceContext): RedFlag {
  const text =
    flag.code === 'straw_man'
      ? strawManEvidence(graph, flag, ctx)
      : flag.code === 'flagged_within_hops'
        ? flaggedLinkEvidence(flag, ctx, flaggedTargets(graph, flag))
        : thresholdText(flag);
  return text ? { ...flag, ...text } : flag;
}
