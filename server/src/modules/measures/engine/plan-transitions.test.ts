import { describe, expect, it } from 'vitest';
import { measureStatuses } from './measure-types.js';
import { assertTransition, planTransitions } from './plan-transitions.js';

describe('plan transitions', () => {
  it('allows the normal life of a measure', () => {
    const path = ['voorgesteld', 'besloten', 'in_uitvoering', 'actief', 'beeindigd'] as const;
    for (let i = 1; i < path.length; i++)
      expect(assertTransition(path[i - 1] ?? 'voorgesteld', path[i] ?? 'voorgesteld').ok).toBe(true);
    expect(assertTransition('voorgesteld', 'afgewezen').ok).toBe(true);
    expect(assertTransition('besloten', 'beeindigd').ok).toBe(true);
  });

  it('refuses actief straight from voorgesteld and names why', () => {
    const result = assertTransition('voorgesteld', 'actief');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'skips_step', from: 'voorgesteld', to: 'actief', allowed: ['besloten', 'afgewezen'] },
    });
    expect(result.ok ? '' : result.error.reason_en).toContain('skips a step');
  });

  it('treats afgewezen and beeindigd as final', () => {
    expect(assertTransition('afgewezen', 'voorgesteld')).toMatchObject({ ok: false, error: { code: 'final_status' } });
    expect(assertTransition('beeindigd', 'actief')).toMatchObject({ ok: false, error: { code: 'final_status' } });
  });

  it('names backwards moves, no-ops and the wrong way to close', () => {
    expect(assertTransition('actief', 'besloten')).toMatchObject({ ok: false, error: { code: 'moves_backwards' } });
    expect(assertTransition('besloten', 'besloten')).toMatchObject({ ok: false, error: { code: 'no_change' } });
    expect(assertTransition('besloten', 'afgewezen')).toMatchObject({ ok: false, error: { code: 'wrong_closing' } });
    expect(assertTransition('voorgesteld', 'beeindigd')).toMatchObject({ ok: false, error: { code: 'wrong_closing' } });
  });

  it('agrees with the transition table for every pair', () => {
    for (const from of measureStatuses)
      for (const to of measureStatuses) {
        const result = assertTransition(from, to);
        expect(result.ok, `${from} → ${to}`).toBe(planTransitions[from].includes(to));
        if (!result.ok) expect(result.error.reason_nl.length).toBeGreaterThan(0);
      }
  });
});
