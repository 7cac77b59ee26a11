import { z } from 'zod';

/** The four areas of the CCV scan for officeholders. */
export const ccvScanAreas = ['woning', 'werkpakket', 'reisbewegingen', 'digitale_omgeving'] as const;
export type CcvScanArea = (typeof ccvScanAreas)[number];

export const measureKinds = [
  'bouwkundig',
  'elektronisch',
  'organisatorisch',
  'digitaal',
  'adresafscherming',
  'persoonsbeveiliging',
  'objectbewaking',
  'training',
] as const;
export type MeasureKind = (typeof measureKinds)[number];

export const measureExecutors = [
  'beveiligingsbedrijf',
  'gemeente',
  'politie',
  'ambtshouder',
  'leverancier_ict',
] as const;
export type MeasureExecutor = (typeof measureExecutors)[number];

export const costUnits = ['eenmalig', 'per_maand', 'per_dag'] as const;
export type CostUnit = (typeof costUnits)[number];

/** Code prefix per scan area, so a code alone tells where a measure belongs. */
export const areaCodePrefix: Record<CcvScanArea, string> = {
  woning: 'W-',
  werkpakket: 'WP-',
  reisbewegingen: 'R-',
  digitale_omgeving: 'D-',
};

export const catalogueMeasureSchema = z
  .object({
    code: z.string().regex(/^(W|WP|R|D)-[A-Z0-9]+(-[A-Z0-9]+)*$/),
    name_nl: z.string().min(1),
    name_en: z.string().min(1),
    description_nl: z.string().min(1),
    description_en: z.string().min(1),
    area: z.enum(ccvScanAreas),
    kind: z.enum(measureKinds),
    cost: z.object({ minEuro: z.number().min(0), maxEuro: z.number().min(0), unit: z.enum(costUnits) }),
    executor: z.enum(measureExecutors),
    /** Counts towards the preventive scheme's cap per residence. */
    preventiveSchemeEligible: z.boolean(),
    /** The executor needs the address for as long as the measure runs (guarding, alarm response). */
    needsAddressWhileActive: z.boolean(),
  })
  .refine((m) => m.cost.minEuro <= m.cost.maxEuro, { message: 'minEuro must not exceed maxEuro', path: ['cost'] })
  .refine((m) => m.code.startsWith(areaCodePrefix[m.area]), {
    message: 'code prefix must match the scan area',
    path: ['code'],
  });
export type CatalogueMeasure = z.infer<typeof catalogueMeasureSchema>;

export const measureStatuses = [
  'voorgesteld',
  'besloten',
  'in_uitvoering',
  'actief',
  'afgewezen',
  'beeindigd',
] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

/** One measure in an officeholder's plan. */
export type PlanMeasure = {
  id: string;
  code: string;
  status: MeasureStatus;
  /** The residence the measure is installed at, when it is tied to one. */
  residenceId?: string | null;
  /** Actual or quoted cost; falls back to the catalogue when absent. */
  costEuro?: number | null;
};

/** A measure plan per officeholder; the owner is the municipality's security adviser. */
export type MeasurePlan = {
  id: string;
  officeholderId: string;
  ownerId: string;
  measures: readonly PlanMeasure[];
  /** Next planned review; null when none is planned. */
  reviewDueAt: string | null;
  closedAt?: string | null;
};

/** Finds a catalogue entry by code; lets callers plug in a municipality's own catalogue. */
export type CatalogueLookup = (code: string) => CatalogueMeasure | undefined;

export type EngineResult<T, E> = { ok: true; value: T } | { ok: false; error: E };
