import type { RedFlag, SkippedHub } from '../../api/screening';

/** How an entity is drawn: the kind sets the shape and colour, marks add rings and words. */
export type NodeKind = 'person' | 'organisation' | 'address' | 'other';

const ORGANISATIONS = new Set(['Company', 'Organization', 'LegalEntity', 'PublicBody']);

export function nodeKind(schema: string): NodeKind {
  if (schema === 'Person') return 'person';
  if (ORGANISATIONS.has(schema)) return 'organisation';
  if (schema === 'Address') return 'address';
  return 'other';
}

/** Entities the red flags single out, so the network can mark them. */
export type NetworkMarks = { strawMen: ReadonlySet<string>; hubs: ReadonlySet<string> };

/** Straw men from the straw-man flags; hubs from the address-hub flags and the skipped hubs. */
export function marksOf(redFlags: readonly RedFlag[], skippedHubs: readonly SkippedHub[]): NetworkMarks {
  const strawMen = new Set(redFlags.filter((f) => f.code === 'straw_man').map((f) => f.subject));
  const hubs = new Set([
    ...redFlags.filter((f) => f.code === 'address_hub').map((f) => f.subject),
    ...skippedHubs.map((h) => h.id),
  ]);
  return { strawMen, hubs };
}

/** Shapes and colours of the drawing; the legend shows the same (Cytoscape shape names). */
export const NODE_STYLE: Record<
  NodeKind,
  { shape: 'ellipse' | 'round-rectangle' | 'triangle' | 'hexagon'; color: string }
> = {
  person: { shape: 'ellipse', color: '#1f6fb2' },
  organisation: { shape: 'round-rectangle', color: '#5b4a99' },
  address: { shape: 'triangle', color: '#6b7780' },
  other: { shape: 'hexagon', color: '#6b7780' },
};
export const FLAGGED_COLOR = '#b00020';
export const STRAW_MAN_COLOR = '#e07b00';
export const HUB_COLOR = '#c99a00';
