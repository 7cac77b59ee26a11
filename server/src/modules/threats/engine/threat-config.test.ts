import { describe, expect, it } from 'vitest';
import { defaultThreatConfig, minPriorRecencyFactor, parseThreatConfig } from './threat-config.js';

function messagesOf(input: unknown): string[] {
  const result = parseThreatConfig(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('threat configuration', () => {
  it('accepts the default with the laag / verhoogd / hoog / acuut scale', () => {
    expect(parseThreatConfig(defaultThreatConfig).success).toBe(true);
    expect(defaultThreatConfig.scale.map((l) => l.code)).toEqual(['laag', 'verhoogd', 'hoog', 'acuut']);
  });

  it('accepts another scale, since the stelsel is being reformed', () => {
    const scale = [
      { code: 'geen', label_nl: 'Geen', label_en: 'None', minScore: 0 },
      { code: 'wel', label_nl: 'Wel', label_en: 'Present', minScore: 20 },
    ];
    expect(parseThreatConfig({ ...defaultThreatConfig, scale }).success).toBe(true);
  });

  it('rejects a scale that does not start at 0 or does not rise', () => {
    const [low, mid] = defaultThreatConfig.scale;
    expect(messagesOf({ ...defaultThreatConfig, scale: [{ ...low, minScore: 5 }, mid] })).toContain(
      'the lowest level must start at 0',
    );
    expect(messagesOf({ ...defaultThreatConfig, scale: [low, { ...mid, minScore: 0 }] })).toContain(
      'minScore must increase strictly from low to high',
    );
  });

  it('rejects a trend weight that could make an extra incident lower the advice', () => {
    const messages = messagesOf({ ...defaultThreatConfig, trend: { pointsPerSeverity: 5, maxPoints: 20 } });
    expect(messages.some((m) => m.includes('earns less than the trend'))).toBe(true);
  });

  it('rejects negative weights, a form weight below 1 and a missing factor weight', () => {
    expect(
      parseThreatConfig({ ...defaultThreatConfig, factorPoints: { ...defaultThreatConfig.factorPoints, pathway: -1 } })
        .success,
    ).toBe(false);
    expect(
      parseThreatConfig({ ...defaultThreatConfig, formWeights: { ...defaultThreatConfig.formWeights, doxing: 0.5 } })
        .success,
    ).toBe(false);
    const partial = Object.fromEntries(
      Object.entries(defaultThreatConfig.factorPoints).filter(([factor]) => factor !== 'fixation'),
    );
    expect(parseThreatConfig({ ...defaultThreatConfig, factorPoints: partial }).success).toBe(false);
  });

  it('rejects combinations on patterns that can switch off', () => {
    const combination = { id: 'x', label_nl: 'x', label_en: 'x', factors: [], patterns: ['trend'], points: 1 };
    expect(parseThreatConfig({ ...defaultThreatConfig, combinations: [combination] }).success).toBe(false);
  });

  it('finds the weakest recency factor inside the prior window', () => {
    expect(minPriorRecencyFactor(defaultThreatConfig)).toBe(0.6);
    const bands = [
      { maxAgeDays: 60, factor: 1 },
      { maxAgeDays: 100, factor: 0.5 },
      { maxAgeDays: 365, factor: 0.2 },
    ];
    expect(minPriorRecencyFactor({ ...defaultThreatConfig, recencyBands: bands })).toBe(0.2);
  });
});
