import type { EngineResult, MeasureStatus } from './measure-types.js';

/**
 * Allowed status moves of a measure. `afgewezen` and `beeindigd` are final: a measure needed
 * again is proposed as a new plan line, so the history of the old one stays intact.
 */
export const planTransitions: Readonly<Record<MeasureStatus, readonly MeasureStatus[]>> = {
  voorgesteld: ['besloten', 'afgewezen'],
  besloten: ['in_uitvoering', 'beeindigd'],
  in_uitvoering: ['actief', 'beeindigd'],
  actief: ['beeindigd'],
  afgewezen: [],
  beeindigd: [],
};

const order: readonly MeasureStatus[] = ['voorgesteld', 'besloten', 'in_uitvoering', 'actief'];

export type TransitionErrorCode = 'no_change' | 'final_status' | 'skips_step' | 'moves_backwards' | 'wrong_closing';

export type TransitionError = {
  code: TransitionErrorCode;
  from: MeasureStatus;
  to: MeasureStatus;
  allowed: readonly MeasureStatus[];
  reason_nl: string;
  reason_en: string;
};

const statusLabels: Record<MeasureStatus, { nl: string; en: string }> = {
  voorgesteld: { nl: 'voorgesteld', en: 'proposed' },
  besloten: { nl: 'besloten', en: 'decided' },
  in_uitvoering: { nl: 'in uitvoering', en: 'in progress' },
  actief: { nl: 'actief', en: 'active' },
  afgewezen: { nl: 'afgewezen', en: 'rejected' },
  beeindigd: { nl: 'beëindigd', en: 'ended' },
};

function classify(from: MeasureStatus, to: MeasureStatus): TransitionErrorCode {
  if (from === to) return 'no_change';
  if (planTransitions[from].length === 0) return 'final_status';
  if (to === 'afgewezen' || to === 'beeindigd') return 'wrong_closing';
  const gap = order.indexOf(to) - order.indexOf(from);
  return order.includes(to) && gap < 0 ? 'moves_backwards' : 'skips_step';
}

function reasons(code: TransitionErrorCode, from: MeasureStatus, to: MeasureStatus): { nl: string; en: string } {
  const f = statusLabels[from];
  const t = statusLabels[to];
  switch (code) {
    case 'no_change':
      return { nl: `De maatregel is al ${f.nl}.`, en: `The measure is already ${f.en}.` };
    case 'final_status':
      return {
        nl: `Een ${f.nl} maatregel kan niet meer wijzigen; stel een nieuwe maatregel voor.`,
        en: `A measure that is ${f.en} cannot change; propose a new one.`,
      };
    case 'moves_backwards':
      return {
        nl: `Van ${f.nl} terug naar ${t.nl} kan niet; beëindig de maatregel of stel een nieuwe voor.`,
        en: `Going back from ${f.en} to ${t.en} is not allowed; end the measure or propose a new one.`,
      };
    case 'wrong_closing':
      return to === 'afgewezen'
        ? {
            nl: 'Alleen een voorstel kan worden afgewezen; beëindig een besloten maatregel.',
            en: 'Only a proposal can be rejected; end a decided measure instead.',
          }
        : { nl: 'Een voorstel wordt afgewezen, niet beëindigd.', en: 'A proposal is rejected, not ended.' };
    case 'skips_step':
      return {
        nl: `Van ${f.nl} naar ${t.nl} slaat een stap over (besluit en uitvoering gaan voor).`,
        en: `From ${f.en} to ${t.en} skips a step (decision and execution come first).`,
      };
  }
}

/** Checks a status move and names the reason when it is not allowed; never throws. */
export function assertTransition(
  from: MeasureStatus,
  to: MeasureStatus,
): EngineResult<{ from: MeasureStatus; to: MeasureStatus }, TransitionError> {
  const allowed = planTransitions[from];
  if (allowed.includes(to)) return { ok: true, value: { from, to } };
  const code = classify(from, to);
  const reason = reasons(code, from, to);
  return { ok: false, error: { code, from, to, allowed, reason_nl: reason.nl, reason_en: reason.en } };
}

/** Statuses in which a measure is still live: proposed, decided, being carried out or active. */
export function isLiveStatus(status: MeasureStatus): boolean {
  return status !== 'afgewezen' && status !== 'beeindigd';
}
