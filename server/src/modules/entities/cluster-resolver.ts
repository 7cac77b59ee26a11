import type { MatchDecisionValue } from './entities.table.js';

/** One recorded decision about a pair of entity keys (`datasetId/entityId`). */
export type PairDecision = { left: string; right: string; decision: MatchDecisionValue; at: string; id: string };

/** Key of an entity across datasets; FtM ids need not be unique between datasets. */
export const entityKey = (datasetId: string, entityId: string): string => `${datasetId}/${entityId}`;

/** The two halves of an entity key. */
export function splitEntityKey(key: string): { datasetId: string; entityId: string } {
  const slash = key.indexOf('/');
  return { datasetId: key.slice(0, slash), entityId: key.slice(slash + 1) };
}

/** The pair in canonical order, so (a, b) and (b, a) are one pair. */
export function normalisePair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/**
 * The decision that counts for each pair: the latest (by time, then id, so that two decisions
 * in the same millisecond still resolve the same way whatever order they are read in).
 */
export function latestDecisions(decisions: readonly PairDecision[]): Map<string, PairDecision> {
  const latest = new Map<string, PairDecision>();
  for (const d of decisions) {
    const [left, right] = normalisePair(d.left, d.right);
    const pair = `${left}\u0000${right}`;
    const current = latest.get(pair);
    if (!current || d.at > current.at || (d.at === current.at && d.id > current.id)) latest.set(pair, d);
  }
  return latest;
}

/** Clusters of entities joined by "same" decisions, each with one canonical key (its smallest). */
export type Clusters = {
  canonicalOf(key: string): string;
  membersOf(key: string): string[];
};

/** Resolves the latest "same" decisions into clusters with union-find; the order of input does not matter. */
export function resolveClusters(decisions: readonly PairDecision[]): Clusters {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) ?? root;
    // Path compression keeps later look-ups flat.
    let node = key;
    while (node !== root) {
      const next = parent.get(node) ?? root;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const d of latestDecisions(decisions).values()) {
    if (d.decision !== 'same') continue;
    const a = find(d.left);
    const b = find(d.right);
    if (a === b) continue;
    // The smaller key becomes the root, so the canonical key is the cluster's minimum.
    if (a < b) parent.set(b, a);
    else parent.set(a, b);
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
  }
  const members = new Map<string, string[]>();
  for (const key of parent.keys()) {
    const root = find(key);
    const list = members.get(root) ?? [];
    list.push(key);
    members.set(root, list);
  }
  for (const list of members.values()) list.sort();
  return {
    canonicalOf: (key) => (parent.has(key) ? find(key) : key),
    membersOf: (key) => (parent.has(key) ? [...(members.get(find(key)) ?? [key])] : [key]),
  };
}
