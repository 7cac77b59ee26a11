import { describe, expect, it } from 'vitest';
import { fundingSummary } from './funding.js';
import type { PlanMeasure } from './measure-types.js';

const m = (id: string, code: string, costEuro: number | null, overrides: Partial<PlanMeasure> = {}): PlanMeasure => ({
  id,
  code,
  status: 'besloten',
  residenceId: 'res-1',
  costEuro,
  ...overrides,
});

describe('fundingSummary', () => {
  it('covers up to €2,400 per residence and reports the excess', () => {
    const summary = fundingSummary([
      m('1', 'W-ALARM-DOORMELDING', 1850),
      m('2', 'W-CAMERA', 900),
      m('3', 'W-HANG-SLUITWERK', 450.5),
    ]);
    const residence = summary.residences[0];
    expect(residence).toMatchObject({
      residenceId: 'res-1',
      eligibleEuro: 3200.5,
      coveredEuro: 2400,
      exceedingEuro: 800.5,
      remainingCapEuro: 0,
    });
    // Filled in code order: alarm, camera (partly), then locks entirely above the cap.
    expect(residence?.lines.map((l) => [l.code, l.coveredEuro, l.exceedingEuro])).toEqual([
      ['W-ALARM-DOORMELDING', 1850, 0],
      ['W-CAMERA', 550, 350],
      ['W-HANG-SLUITWERK', 0, 450.5],
    ]);
    expect(summary.totals).toEqual({ coveredEuro: 2400, exceedingEuro: 800.5, notEligibleEuro: 0 });
  });

  it('keeps a separate cap for each residence', () => {
    const summary = fundingSummary([m('1', 'W-CAMERA', 2000), m('2', 'W-CAMERA', 2000, { residenceId: 'res-2' })]);
    expect(summary.residences.map((r) => [r.residenceId, r.coveredEuro, r.exceedingEuro])).toEqual([
      ['res-1', 2000, 0],
      ['res-2', 2000, 0],
    ]);
  });

  it('lists measures outside the scheme separately and skips proposals and rejections by default', () => {
    const summary = fundingSummary([
      m('1', 'W-MOBIELE-SURVEILLANCE', 300),
      m('2', 'W-CAMERA', 800, { residenceId: null }),
      m('3', 'W-CAMERA', 800, { status: 'voorgesteld' }),
      m('4', 'W-CAMERA', 800, { status: 'afgewezen' }),
    ]);
    expect(summary.residences).toEqual([]);
    expect(summary.notEligible.map((n) => [n.measureId, n.reason])).toEqual([
      ['1', 'not_in_scheme'],
      ['2', 'no_residence'],
    ]);
    expect(
      fundingSummary([m('3', 'W-CAMERA', 800, { status: 'voorgesteld' })], { includeProposed: true }).totals
        .coveredEuro,
    ).toBe(800);
  });

  it('uses the catalogue upper estimate when there is no quote yet', () => {
    const line = fundingSummary([m('1', 'W-VIDEO-INTERCOM', null)]).residences[0]?.lines[0];
    expect(line).toMatchObject({ costEuro: 900, isEstimate: true });
  });
});
