import { describe, expect, it } from 'vitest';
import { compareDecision, needsReassessment } from './threat-decision.js';
import type { ReassessmentInput } from './threat-decision.js';
import { buildIncident } from './threat-factories.js';

describe('compareDecision', () => {
  it('needs no reason when the decision follows the advice', () => {
    expect(compareDecision({ level: 'hoog' }, 'hoog')).toEqual({
      ok: true,
      value: { advisedLevel: 'hoog', decidedLevel: 'hoog', direction: 'same', steps: 0, reasonRequired: false },
    });
  });

  it('requires a reason for a decision above or below the advice', () => {
    const lower = compareDecision({ level: 'hoog' }, 'laag');
    expect(lower.ok && lower.value).toMatchObject({ direction: 'lower', steps: -2, reasonRequired: true });
    const higher = compareDecision({ level: 'verhoogd' }, 'acuut');
    expect(higher.ok && higher.value).toMatchObject({ direction: 'higher', steps: 2, reasonRequired: true });
  });

  it('returns a typed error for a level that is not on the scale', () => {
    const result = compareDecision({ level: 'hoog' }, 'rood');
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_level', level: 'rood' } });
  });
});

describe('needsReassessment', () => {
  const base: ReassessmentInput = {
    lastAssessment: { assessedAt: '2025-05-01T00:00:00Z', incidentIds: ['a'] },
    newIncidents: [],
    changedFactors: [],
    validUntil: '2025-08-01T00:00:00Z',
    asOf: '2025-06-01T00:00:00Z',
  };
  const codes = (input: Partial<ReassessmentInput>): string[] =>
    needsReassessment({ ...base, ...input }).map((r) => r.code);

  it('returns no reasons when nothing changed', () => {
    expect(needsReassessment(base)).toEqual([]);
  });

  it('asks for a first assessment when there is none', () => {
    expect(codes({ lastAssessment: null })).toEqual(['no_assessment']);
  });

  it('names new incidents and flags serious ones as urgent, ignoring ones already assessed', () => {
    const mild = buildIncident({ id: 'b', severity: 1 });
    const atHome = buildIncident({ id: 'c', channel: 'at_home' });
    const reasons = needsReassessment({ ...base, newIncidents: [buildIncident({ id: 'a' }), mild, atHome] });
    expect(reasons).toEqual([
      expect.objectContaining({ code: 'new_incident', isUrgent: false, refs: ['b', 'c'] }),
      expect.objectContaining({ code: 'serious_incident', isUrgent: true, refs: ['c'] }),
    ]);
  });

  it('names changed factors, urgent when one became present', () => {
    const unchanged = { factor: 'fixation' as const, from: 'unknown' as const, to: 'unknown' as const };
    expect(codes({ changedFactors: [unchanged] })).toEqual([]);
    const reasons = needsReassessment({
      ...base,
      changedFactors: [{ factor: 'leakage', from: 'unknown', to: 'present' }],
    });
    expect(reasons).toEqual([expect.objectContaining({ code: 'factor_changed', isUrgent: true, refs: ['leakage'] })]);
  });

  it('reports expiry and an approaching expiry', () => {
    expect(codes({ validUntil: '2025-06-01T00:00:00Z' })).toEqual(['expired']);
    expect(codes({ validUntil: '2025-06-05T00:00:00Z' })).toEqual(['expiring_soon']);
    expect(codes({ validUntil: '2025-06-05T00:00:00Z', expiringWithinDays: 2 })).toEqual([]);
    expect(codes({ validUntil: null })).toEqual([]);
  });
});
