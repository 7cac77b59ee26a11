import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessThreat } from './assess-threat.js';
import { defaultThreatConfig } from './threat-config.js';
import {
  factorStatuses,
  threatFactorNames,
  threatIncidentChannels,
  threatIncidentForms,
  threatIncidentTargets,
} from './threat-input.js';
import type { FactorCoding, ThreatIncident } from './threat-input.js';

const asOf = '2025-06-15T12:00:00.000Z';
const asOfMs = Date.parse(asOf);
const scaleCodes = defaultThreatConfig.scale.map((l) => l.code);
const rank = (level: string): number => scaleCodes.indexOf(level);

// Ages from ten days in the future to beyond the horizon, at minute resolution, so window
// boundaries and excluded incidents are exercised too.
const incidentBody = fc.record({
  occurredAt: fc.integer({ min: -10 * 1440, max: 400 * 1440 }).map((m) => new Date(asOfMs - m * 60_000).toISOString()),
  forms: fc.uniqueArray(fc.constantFrom(...threatIncidentForms), { minLength: 1, maxLength: 3 }),
  channel: fc.constantFrom(...threatIncidentChannels),
  targets: fc.uniqueArray(fc.constantFrom(...threatIncidentTargets), { minLength: 1, maxLength: 2 }),
  severity: fc.integer({ min: 1, max: 5 }),
  perpetratorIds: fc.option(fc.uniqueArray(fc.constantFrom('p1', 'p2', 'p3'), { maxLength: 2 }), { nil: undefined }),
  atResidence: fc.option(fc.boolean(), { nil: undefined }),
});

const incidents = fc
  .array(incidentBody, { maxLength: 12 })
  .map((list) => list.map((body, i): ThreatIncident => ({ id: `inc-${i}`, ...body })));

const factors: fc.Arbitrary<FactorCoding> = fc.dictionary(
  fc.constantFrom(...threatFactorNames),
  fc.constantFrom(...factorStatuses),
);

describe('assessThreat — properties', () => {
  it('never lowers the level (or score) when an incident is added', () => {
    fc.assert(
      fc.property(incidents, incidentBody, factors, (list, extra, coding) => {
        const before = assessThreat({ incidents: list, factors: coding, asOf });
        const after = assessThreat({ incidents: [...list, { id: 'extra', ...extra }], factors: coding, asOf });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(rank(after.level)).toBeGreaterThanOrEqual(rank(before.level));
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic and independent of input order', () => {
    const shuffled = incidents.chain((list) =>
      fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
    );
    fc.assert(
      fc.property(shuffled, factors, ([list, reordered], coding) => {
        const first = assessThreat({ incidents: list, factors: coding, asOf });
        expect(assessThreat({ incidents: list, factors: coding, asOf })).toStrictEqual(first);
        expect(assessThreat({ incidents: reordered, factors: coding, asOf })).toStrictEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the level when a factor goes from unknown to present', () => {
    fc.assert(
      fc.property(incidents, factors, fc.constantFrom(...threatFactorNames), (list, coding, factor) => {
        const unknown = assessThreat({ incidents: list, factors: { ...coding, [factor]: 'unknown' }, asOf });
        const present = assessThreat({ incidents: list, factors: { ...coding, [factor]: 'present' }, asOf });
        expect(present.score).toBeGreaterThanOrEqual(unknown.score);
        expect(rank(present.level)).toBeGreaterThanOrEqual(rank(unknown.level));
      }),
      { numRuns: 300 },
    );
  });

  it('yields a finite score and a level on the scale', () => {
    fc.assert(
      fc.property(incidents, factors, (list, coding) => {
        const advice = assessThreat({ incidents: list, factors: coding, asOf });
        expect(Number.isFinite(advice.score)).toBe(true);
        expect(advice.score).toBeGreaterThanOrEqual(0);
        expect(scaleCodes).toContain(advice.level);
        expect(advice.contributions.every((c) => c.points > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
