import { describe, expect, it } from 'vitest';
import type { MeasurePlan, PlanMeasure } from './measure-types.js';
import { recommendedCodes, defaultRecommendationMatrix } from './recommendation-matrix.js';
import { isReviewOverdue, nextReviewDate, reopenPlan } from './reopen-plan.js';
import type { ReopenInput } from './reopen-plan.js';
import type { OfficeholderRecord } from './work-order.js';

const asOf = '2025-06-15T09:00:00.000Z';

const wethouder: OfficeholderRecord = {
  id: 'oh-1',
  displayName: 'J. de Vries',
  role: 'wethouder',
  homeAddress: { street: 'Lindenlaan', houseNumber: '12', postcode: '1234 AB', city: 'Voorbeeldstad' },
  phone: '06-12345678',
  naasten: [
    { name: 'Sanne de Vries', relation: 'echtgenote' },
    { name: 'Daan de Vries', relation: 'kind' },
  ],
  incidents: [{ id: 'inc-7', summary: 'Dreigbrief over bestemmingsplan' }],
};

// A plan that already holds every measure recommended at verhoogd, all active.
function planAt(level: string, overrides: Partial<MeasurePlan> = {}): MeasurePlan {
  const measures: PlanMeasure[] = recommendedCodes(defaultRecommendationMatrix, level).map((code, i) => ({
    id: `pm-${i}`,
    code,
    status: 'actief',
    residenceId: code.startsWith('W-') ? 'res-1' : null,
  }));
  return {
    id: 'plan-1',
    officeholderId: 'oh-1',
    ownerId: 'adviseur-1',
    measures,
    reviewDueAt: '2025-09-01T00:00:00.000Z',
    ...overrides,
  };
}

function reopen(input: Partial<ReopenInput>) {
  const result = reopenPlan({
    plan: planAt('verhoogd'),
    previousLevel: 'verhoogd',
    newLevel: 'hoog',
    asOf,
    officeholder: wethouder,
    ...input,
  });
  if (!result.ok) throw new Error(result.error.message_en);
  return result.value;
}

describe('reopenPlan — level rises', () => {
  it('MUST: verhoogd → hoog proposes camera and alarm forwarding, a deadline task and a masked work order', () => {
    const outcome = reopen({ contact: { name: 'Veiligheidsadviseur gemeente', phone: '14 0123' } });
    expect(outcome.direction).toBe('up');
    expect(outcome.proposals.map((p) => p.code)).toEqual(expect.arrayContaining(['W-CAMERA', 'W-ALARM-DOORMELDING']));
    expect(outcome.task).toMatchObject({
      kind: 'act_on_raised_level',
      assigneeId: 'adviseur-1',
      dueAt: '2025-06-18T09:00:00.000Z',
    });
    expect(outcome.task?.measureCodes).toEqual(outcome.proposals.map((p) => p.code));

    const alarmOrder = outcome.workOrders.find((w) => w.measureCode === 'W-ALARM-DOORMELDING');
    expect(alarmOrder).toMatchObject({
      executor: 'beveiligingsbedrijf',
      stage: 'voorbereiding',
      recipientName: 'J. de Vries',
    });
    expect(outcome.workOrders.map((w) => w.measureCode)).toContain('W-CAMERA');
    const serialised = JSON.stringify(outcome.workOrders);
    for (const secret of [
      'Sanne',
      'Daan',
      'echtgenote',
      'Dreigbrief',
      'inc-7',
      '06-12345678',
      'wethouder',
      'Lindenlaan',
    ])
      expect(serialised).not.toContain(secret);
  });

  it('does not propose what is already live, and marks codes that were rejected before', () => {
    const plan = planAt('verhoogd');
    const withCamera = {
      ...plan,
      measures: [
        ...plan.measures,
        { id: 'x1', code: 'W-CAMERA', status: 'besloten' as const },
        { id: 'x2', code: 'W-PANIEKKNOP', status: 'afgewezen' as const },
      ],
    };
    const outcome = reopen({ plan: withCamera });
    expect(outcome.proposals.map((p) => p.code)).not.toContain('W-CAMERA');
    expect(outcome.proposals.find((p) => p.code === 'W-PANIEKKNOP')?.wasProposedBefore).toBe(true);
  });

  it('gives no work order for measures the officeholder carries out personally', () => {
    const outcome = reopen({ plan: planAt('laag'), previousLevel: 'laag' });
    expect(outcome.proposals.map((p) => p.code)).toContain('R-ROUTE-VARIEREN');
    expect(outcome.workOrders.map((w) => w.measureCode)).not.toContain('R-ROUTE-VARIEREN');
  });

  it('uses the deadline of the new level (acuut: one day) and sets the next review', () => {
    const outcome = reopen({ newLevel: 'acuut' });
    expect(outcome.task?.dueAt).toBe('2025-06-16T09:00:00.000Z');
    expect(outcome.proposals.map((p) => p.code)).toEqual(expect.arrayContaining(['R-PERSOONSBEVEILIGING', 'W-CAMERA']));
    expect(outcome.nextReviewAt).toBe(nextReviewDate('acuut', asOf));
  });
});

describe('reopenPlan — level falls or stays', () => {
  it('only proposes scale-down and never changes the plan', () => {
    const plan = planAt('hoog', {
      measures: [...planAt('hoog').measures, { id: 'hand', code: 'R-VERVOER-CHAUFFEUR', status: 'actief' }],
    });
    const snapshot = structuredClone(plan);
    const outcome = reopen({ plan, previousLevel: 'hoog', newLevel: 'verhoogd' });
    expect(outcome.direction).toBe('down');
    expect(outcome.proposals).toEqual([]);
    expect(outcome.workOrders).toEqual([]);
    expect(outcome.scaleDownProposals.map((p) => p.code)).toEqual(
      expect.arrayContaining(['W-CAMERA', 'W-ALARM-DOORMELDING']),
    );
    expect(outcome.scaleDownProposals.map((p) => p.code)).not.toContain('R-VERVOER-CHAUFFEUR');
    expect(outcome.scaleDownProposals.map((p) => p.code)).not.toContain('W-HANG-SLUITWERK');
    expect(outcome.task).toMatchObject({ kind: 'weigh_scale_down', dueAt: '2025-07-15T09:00:00.000Z' });
    expect(plan).toEqual(snapshot);
  });

  it('does nothing when the level is unchanged', () => {
    const outcome = reopen({ previousLevel: 'hoog', newLevel: 'hoog' });
    expect(outcome).toMatchObject({
      direction: 'same',
      proposals: [],
      scaleDownProposals: [],
      task: null,
      workOrders: [],
    });
  });

  it('returns a typed error for an unknown level', () => {
    const result = reopenPlan({
      plan: planAt('laag'),
      previousLevel: 'laag',
      newLevel: 'rood',
      asOf,
      officeholder: wethouder,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_level', level: 'rood' } });
  });
});

describe('isReviewOverdue', () => {
  it('is overdue after the review date, not before, and never for a closed plan', () => {
    expect(isReviewOverdue({ reviewDueAt: '2025-06-14T00:00:00Z' }, asOf)).toBe(true);
    expect(isReviewOverdue({ reviewDueAt: '2025-06-16T00:00:00Z' }, asOf)).toBe(false);
    expect(isReviewOverdue({ reviewDueAt: '2025-06-14T00:00:00Z', closedAt: '2025-06-01T00:00:00Z' }, asOf)).toBe(
      false,
    );
  });

  it('treats an open plan without a planned review as overdue', () => {
    expect(isReviewOverdue({ reviewDueAt: null }, asOf)).toBe(true);
  });
});
