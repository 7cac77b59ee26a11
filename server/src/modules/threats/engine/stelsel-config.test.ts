import { describe, expect, it } from 'vitest';
import { authorityFor, defaultStelselConfig, productChain, stelselConfigSchema } from './stelsel-config.js';

describe('Stelsel Bewaken en Beveiligen configuration', () => {
  it('lists the products in chain order with Dutch and English labels', () => {
    expect(productChain().map((p) => p.code)).toEqual([
      'dreigingsmelding',
      'informatierapport_dreiging',
      'dreigingsinschatting',
      'dreigingsanalyse',
      'risicoanalyse',
    ]);
    expect(defaultStelselConfig.products.find((p) => p.abbreviation === 'IRD')?.label_en).toBe(
      'Threat information report',
    );
  });

  it('assigns the authority per domain and subject', () => {
    expect(authorityFor('decentraal', 'objecten')?.code).toBe('burgemeester');
    expect(authorityFor('decentraal', 'diensten')?.code).toBe('burgemeester');
    expect(authorityFor('decentraal', 'personen')?.code).toBe('officier_van_justitie');
    expect(authorityFor('rijk', 'personen')?.code).toBe('nctv');
  });

  it('rejects two authorities claiming the same domain and subject', () => {
    const clash = { ...defaultStelselConfig.authorities[0], code: 'tweede' };
    const result = stelselConfigSchema.safeParse({
      ...defaultStelselConfig,
      authorities: [...defaultStelselConfig.authorities, clash],
    });
    expect(result.success).toBe(false);
  });
});
