import { z } from 'zod';

// The Stelsel Bewaken en Beveiligen is being reformed, so its products and authorities are data
// the platform validates at boot rather than code paths.

export const stelselSubjects = ['personen', 'objecten', 'diensten'] as const;
export type StelselSubject = (typeof stelselSubjects)[number];

export const stelselDomains = ['decentraal', 'rijk'] as const;
export type StelselDomain = (typeof stelselDomains)[number];

const code = z.string().regex(/^[a-z][a-z_]*$/);

const productSchema = z.object({
  code,
  abbreviation: z.string().min(1).optional(),
  /** Position in the chain; a later product builds on the earlier ones. */
  order: z.number().int().min(1),
  label_nl: z.string().min(1),
  label_en: z.string().min(1),
  description_nl: z.string().min(1),
  description_en: z.string().min(1),
});

const authoritySchema = z.object({
  code,
  label_nl: z.string().min(1),
  label_en: z.string().min(1),
  domain: z.enum(stelselDomains),
  subjects: z.array(z.enum(stelselSubjects)).min(1),
});

/** Schema of the configured products and authorities of the Stelsel Bewaken en Beveiligen. */
export const stelselConfigSchema = z
  .object({ products: z.array(productSchema).min(1), authorities: z.array(authoritySchema).min(1) })
  .superRefine((config, ctx) => {
    const unique = (values: (string | number)[]): boolean => new Set(values).size === values.length;
    if (!unique(config.products.map((p) => p.code)) || !unique(config.products.map((p) => p.order)))
      ctx.addIssue({ code: 'custom', path: ['products'], message: 'product codes and orders must be unique' });
    if (!unique(config.authorities.map((a) => a.code)))
      ctx.addIssue({ code: 'custom', path: ['authorities'], message: 'authority codes must be unique' });
    const claims = config.authorities.flatMap((a) => a.subjects.map((s) => `${a.domain}:${s}`));
    if (!unique(claims))
      ctx.addIssue({
        code: 'custom',
        path: ['authorities'],
        message: 'each domain and subject needs exactly one authority',
      });
  });
export type StelselConfig = z.infer<typeof stelselConfigSchema>;
export type StelselProduct = StelselConfig['products'][number];
export type StelselAuthority = StelselConfig['authorities'][number];

export const defaultStelselConfig: StelselConfig = stelselConfigSchema.parse({
  products: [
    {
      code: 'dreigingsmelding',
      order: 1,
      label_nl: 'Dreigingsmelding',
      label_en: 'Threat notification',
      description_nl: 'Melding van een concrete dreiging tegen een persoon, object of dienst.',
      description_en: 'Notification of a concrete threat against a person, object or service.',
    },
    {
      code: 'informatierapport_dreiging',
      abbreviation: 'IRD',
      order: 2,
      label_nl: 'Informatierapport dreiging',
      label_en: 'Threat information report',
      description_nl: 'Bundelt de beschikbare informatie over een (mogelijke) dreiging.',
      description_en: 'Brings together the available information about a (possible) threat.',
    },
    {
      code: 'dreigingsinschatting',
      order: 3,
      label_nl: 'Dreigingsinschatting',
      label_en: 'Threat estimate',
      description_nl: 'Weging van de dreiging op basis van de beschikbare informatie.',
      description_en: 'Weighing of the threat on the basis of the available information.',
    },
    {
      code: 'dreigingsanalyse',
      order: 4,
      label_nl: 'Dreigingsanalyse',
      label_en: 'Threat analysis',
      description_nl: 'Uitgebreide analyse van de dreiging, haar herkomst en ontwikkeling.',
      description_en: 'Extended analysis of the threat, its origin and development.',
    },
    {
      code: 'risicoanalyse',
      order: 5,
      label_nl: 'Risicoanalyse',
      label_en: 'Risk analysis',
      description_nl: 'Dreiging afgezet tegen kwetsbaarheid en gevolgen; basis voor het besluit over maatregelen.',
      description_en: 'Threat set against vulnerability and impact; basis for the decision on measures.',
    },
  ],
  authorities: [
    {
      code: 'burgemeester',
      label_nl: 'Burgemeester',
      label_en: 'Mayor',
      domain: 'decentraal',
      subjects: ['objecten', 'diensten'],
    },
    {
      code: 'officier_van_justitie',
      label_nl: 'Officier van justitie',
      label_en: 'Public prosecutor',
      domain: 'decentraal',
      subjects: ['personen'],
    },
    {
      code: 'nctv',
      label_nl: 'Nationaal Coördinator Terrorismebestrijding en Veiligheid',
      label_en: 'National Coordinator for Counterterrorism and Security',
      domain: 'rijk',
      subjects: ['personen', 'objecten', 'diensten'],
    },
  ],
});

/** The authority that decides on security measures for a subject in a domain, if configured. */
export function authorityFor(
  domain: StelselDomain,
  subject: StelselSubject,
  config: StelselConfig = defaultStelselConfig,
): StelselAuthority | null {
  return config.authorities.find((a) => a.domain === domain && a.subjects.includes(subject)) ?? null;
}

/** Products in chain order, from first notification to risk analysis. */
export function productChain(config: StelselConfig = defaultStelselConfig): StelselProduct[] {
  return [...config.products].sort((a, b) => a.order - b.order);
}
