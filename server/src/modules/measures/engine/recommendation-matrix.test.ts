import { describe, expect, it } from 'vitest';
import { defaultRecommendationMatrix, parseRecommendationMatrix, recommendedCodes } from './recommendation-matrix.js';

describe('recommendation matrix', () => {
  it('is cumulative upwards', () => {
    const levels = defaultRecommendationMatrix.levels.map((l) => l.level);
    expect(levels).toEqual(['laag', 'verhoogd', 'hoog', 'acuut']);
    for (let i = 1; i < levels.length; i++) {
      const lower = recommendedCodes(defaultRecommendationMatrix, levels[i - 1] ?? '');
      const higher = recommendedCodes(defaultRecommendationMatrix, levels[i] ?? '');
      expect(higher).toEqual(expect.arrayContaining(lower));
      expect(higher.length).toBeGreaterThan(lower.length);
    }
  });

  it('recommends camera and alarm forwarding from hoog, not below', () => {
    expect(recommendedCodes(defaultRecommendationMatrix, 'hoog')).toEqual(
      expect.arrayContaining(['W-CAMERA', 'W-ALARM-DOORMELDING']),
    );
    expect(recommendedCodes(defaultRecommendationMatrix, 'verhoogd')).not.toContain('W-CAMERA');
    expect(recommendedCodes(defaultRecommendationMatrix, 'acuut')).toContain('W-ALARM-DOORMELDING');
  });

  it('returns nothing for a level it does not know', () => {
    expect(recommendedCodes(defaultRecommendationMatrix, 'rood')).toEqual([]);
  });

  it('rejects unknown codes, codes repeated at a higher level and duplicate levels', () => {
    const result = parseRecommendationMatrix({
      levels: [
        { level: 'laag', adds: ['W-CAMERA', 'X-NIET-BESTAAND'] },
        { level: 'laag', adds: ['W-CAMERA'] },
      ],
    });
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'levels must be unique',
        'unknown measure code X-NIET-BESTAAND',
        'W-CAMERA is already recommended at a lower level',
      ]),
    );
  });
});
