import { describe, expect, it } from 'vitest';
import { assessThreat, levelForScore } from './assess-threat.js';
import { buildIncident, daysBefore } from './threat-factories.js';
import { threatFactorNames } from './threat-input.js';

const asOf = '2025-06-15T12:00:00.000Z';

// The brief's worked example: three threats within a month, escalating towards the home.
const threeThreats = [
  buildIncident({
    id: 'sm',
    occurredAt: daysBefore(asOf, 27),
    forms: ['bedreiging_intimidatie'],
    channel: 'social_media',
    severity: 3,
  }),
  buildIncident({
    id: 'brief',
    occurredAt: daysBefore(asOf, 14),
    forms: ['bedreiging_intimidatie'],
    channel: 'letter',
    severity: 4,
  }),
  buildIncident({
    id: 'thuis',
    occurredAt: daysBefore(asOf, 3),
    forms: ['bedreiging_intimidatie'],
    channel: 'at_home',
    severity: 4,
  }),
];

describe('assessThreat — worked examples', () => {
  it('advises hoog for three threats in a month, naming frequency, trend and the approach of the home', () => {
    const advice = assessThreat({ incidents: threeThreats, factors: {}, asOf });
    expect(advice.level).toBe('hoog');
    const refs = advice.contributions.map((c) => c.ref);
    expect(refs).toEqual(expect.arrayContaining(['frequency', 'trend', 'home_approach', 'sm', 'brief', 'thuis']));
    const home = advice.contributions.find((c) => c.ref === 'home_approach');
    expect(home?.explanation).toContain('thuis');
    expect(home?.label_nl).toBe('Benadering van de woning');
    expect(advice.incidentsConsidered).toEqual(['sm', 'brief', 'thuis']);
    expect(advice.summary_nl).toMatch(/^Advies hoog .*benadering van de woning/);
  });

  it('stays hoog at the edges of "severity 3–4"', () => {
    for (const severity of [3, 4]) {
      const incidents = threeThreats.map((i) => ({ ...i, severity }));
      expect(assessThreat({ incidents, factors: {}, asOf }).level).toBe('hoog');
    }
  });

  it('advises laag for one mild verbal incident months ago', () => {
    const incident = buildIncident({ occurredAt: daysBefore(asOf, 100), severity: 1 });
    const advice = assessThreat({ incidents: [incident], factors: {}, asOf });
    expect(advice.level).toBe('laag');
    expect(advice.contributions).toHaveLength(1);
    expect(advice.contributions[0]?.kind).toBe('incident');
  });

  it('advises acuut for a direct threat, access to weapons and an approach of the home', () => {
    const atHome = buildIncident({
      id: 'deur',
      occurredAt: daysBefore(asOf, 2),
      forms: ['bedreiging_intimidatie'],
      channel: 'at_home',
      severity: 3,
    });
    const advice = assessThreat({
      incidents: [atHome],
      factors: { direct_threat: 'present', access_to_weapons: 'present' },
      asOf,
    });
    expect(advice.level).toBe('acuut');
    expect(advice.contributions.map((c) => c.ref)).toEqual(
      expect.arrayContaining([
        'direct_threat',
        'access_to_weapons',
        'home_approach',
        'combination:threat_with_means_at_home',
      ]),
    );
  });
});

describe('assessThreat — explanation', () => {
  it('reports unknown factors as information gaps without points', () => {
    const advice = assessThreat({ incidents: [], factors: { fixation: 'absent', leakage: 'present' }, asOf });
    expect(advice.informationGaps.map((g) => g.factor)).toEqual(
      threatFactorNames.filter((f) => f !== 'fixation' && f !== 'leakage'),
    );
    expect(advice.contributions.map((c) => c.ref)).toEqual(['leakage']);
    expect(advice.score).toBe(6);
  });

  it('sums the contributions into the score', () => {
    const advice = assessThreat({ incidents: threeThreats, factors: { grievance: 'present' }, asOf });
    const sum = advice.contributions.reduce((acc, c) => acc + Math.round(c.points * 100), 0) / 100;
    expect(advice.score).toBe(sum);
  });

  it('ignores incidents after asOf and beyond the horizon', () => {
    const future = buildIncident({ id: 'future', occurredAt: daysBefore(asOf, -1) });
    const ancient = buildIncident({ id: 'ancient', occurredAt: daysBefore(asOf, 400) });
    const advice = assessThreat({ incidents: [future, ancient], factors: {}, asOf });
    expect(advice.incidentsConsidered).toEqual([]);
    expect(advice.score).toBe(0);
    expect(advice.level).toBe('laag');
  });

  it('detects escalation from online to physical only in time order and for a possibly shared actor', () => {
    const online = buildIncident({
      id: 'online',
      occurredAt: daysBefore(asOf, 20),
      forms: ['online_haat'],
      channel: 'social_media',
      perpetratorIds: ['p1'],
    });
    const physical = buildIncident({
      id: 'fysiek',
      occurredAt: daysBefore(asOf, 5),
      forms: ['fysiek_geweld'],
      channel: 'face_to_face',
      perpetratorIds: ['p1'],
    });
    const refs = (list: (typeof online)[]): string[] =>
      assessThreat({ incidents: list, factors: {}, asOf }).contributions.map((c) => c.ref);
    expect(refs([online, physical])).toContain('online_to_physical');
    expect(refs([online, physical])).toContain('repeat_perpetrator');
    expect(refs([{ ...online, occurredAt: daysBefore(asOf, 1) }, physical])).not.toContain('online_to_physical');
    expect(refs([online, { ...physical, perpetratorIds: ['p2'] }])).not.toContain('online_to_physical');
  });

  it('counts threats to family and property at the residence', () => {
    const family = buildIncident({ id: 'kind', occurredAt: daysBefore(asOf, 10), targets: ['naasten'] });
    const car = buildIncident({
      id: 'auto',
      occurredAt: daysBefore(asOf, 8),
      forms: ['vernieling'],
      channel: 'other',
      targets: ['property'],
      atResidence: true,
    });
    const refs = assessThreat({ incidents: [family, car], factors: {}, asOf }).contributions.map((c) => c.ref);
    expect(refs).toEqual(expect.arrayContaining(['naasten_targeted', 'home_approach']));
  });

  it('maps scores onto the scale by minimum score', () => {
    expect(levelForScore(0).code).toBe('laag');
    expect(levelForScore(10).code).toBe('verhoogd');
    expect(levelForScore(24.99).code).toBe('verhoogd');
    expect(levelForScore(1000).code).toBe('acuut');
  });
});
