import { describe, expect, it } from 'vitest';
import { computePoiHistory, type LinkedIncident } from './poi-history.js';

const incident = (overrides: Partial<LinkedIncident>): LinkedIncident => ({
  id: 'i-1',
  officeholderId: 'oh-1',
  occurredAt: '2026-01-01T10:00:00.000Z',
  forms: ['verbale_agressie'],
  channel: 'face_to_face',
  targets: ['person'],
  severity: 2,
  role: 'dader',
  ...overrides,
});

describe('computePoiHistory', () => {
  it('counts per officeholder, flags fixation at three incidents and sees online turn physical', () => {
    const history = computePoiHistory('poi-1', [
      incident({ id: 'c', occurredAt: '2026-03-01T10:00:00.000Z', channel: 'at_home', severity: 4 }),
      incident({ id: 'a', occurredAt: '2026-01-01T10:00:00.000Z', channel: 'social_media', forms: ['online_haat'] }),
      incident({ id: 'b', occurredAt: '2026-02-01T10:00:00.000Z', channel: 'email', severity: 3 }),
      incident({ id: 'd', officeholderId: 'oh-2', occurredAt: '2026-02-15T10:00:00.000Z', severity: 1 }),
    ]);
    expect(history.timeline.map((x) => x.incidentId)).toEqual(['a', 'b', 'd', 'c']);
    expect(history.officeholders).toEqual([
      expect.objectContaining({ officeholderId: 'oh-1', incidentCount: 3, maxSeverity: 4, isFixated: true }),
      expect.objectContaining({ officeholderId: 'oh-2', incidentCount: 1, isFixated: false }),
    ]);
    expect(history.escalation).toMatchObject({ onlineToPhysical: true, approachedHome: true, maxSeverity: 4 });
  });

  it('calls one incident insufficient and a falling series falling', () => {
    expect(computePoiHistory('p', [incident({})]).escalation.severityTrend).toBe('insufficient_data');
    const falling = computePoiHistory('p', [
      incident({ id: 'x', severity: 5 }),
      incident({ id: 'y', occurredAt: '2026-02-01T10:00:00.000Z', severity: 1 }),
    ]);
    expect(falling.escalation).toMatchObject({ severityTrend: 'falling', onlineToPhysical: false });
  });
});
