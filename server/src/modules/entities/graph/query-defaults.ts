/**
 * Defaults shared by graph queries. An address with 900 companies or a formation agent
 * would connect everyone to everyone within two hops, so nodes above the cap are reported
 * but not expanded; nodes above the soft limit are expanded but make a path rank lower.
 */
export const DEFAULT_HUB_DEGREE_CAP = 500;
export const DEFAULT_HUB_DEGREE_SOFT = 100;
/** Bounds the work (and the answer) of one query on a dense part of the graph. */
export const DEFAULT_MAX_NODES = 200_000;
