import { z } from 'zod';
import { measureCatalogue } from './measure-catalogue.js';
import type { CatalogueMeasure } from './measure-types.js';

/** Threat levels from low to high, each adding measures on top of the levels below. */
export const recommendationMatrixSchema = z.object({
  levels: z.array(z.object({ level: z.string().regex(/^[a-z][a-z_]*$/), adds: z.array(z.string().min(1)) })).min(1),
});
export type RecommendationMatrix = z.infer<typeof recommendationMatrixSchema>;

export type MatrixIssue = { path: string; message: string };

/** Validates a matrix against a catalogue: unique levels, known codes, each code introduced once. */
export function parseRecommendationMatrix(
  input: unknown,
  catalogue: readonly CatalogueMeasure[] = measureCatalogue,
): { ok: true; value: RecommendationMatrix } | { ok: false; issues: MatrixIssue[] } {
  const parsed = recommendationMatrixSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  const known = new Set(catalogue.map((m) => m.code));
  const seen = new Set<string>();
  const issues: MatrixIssue[] = [];
  const levels = parsed.data.levels.map((l) => l.level);
  if (new Set(levels).size !== levels.length) issues.push({ path: 'levels', message: 'levels must be unique' });
  parsed.data.levels.forEach((level, i) =>
    level.adds.forEach((code, j) => {
      const path = `levels.${i}.adds.${j}`;
      if (!known.has(code)) issues.push({ path, message: `unknown measure code ${code}` });
      // Cumulative upwards: a code listed twice would make it unclear where it starts.
      if (seen.has(code)) issues.push({ path, message: `${code} is already recommended at a lower level` });
      seen.add(code);
    }),
  );
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}

/** Position of a level in the matrix, or -1 when it is not in it. */
export function levelRank(matrix: RecommendationMatrix, level: string): number {
  return matrix.levels.findIndex((l) => l.level === level);
}

/** All measure codes recommended at a level: its own and those of every lower level. */
export function recommendedCodes(matrix: RecommendationMatrix, level: string): string[] {
  const rank = levelRank(matrix, level);
  return rank < 0 ? [] : matrix.levels.slice(0, rank + 1).flatMap((l) => l.adds);
}

function parseDefault(): RecommendationMatrix {
  const result = parseRecommendationMatrix({
    levels: [
      {
        level: 'laag',
        adds: [
          'WP-MELDPROTOCOL',
          'W-ROOKMELDER-BLUSSER',
          'D-SOCIAL-MEDIA-HYGIENE',
          'D-TWEESTAPSVERIFICATIE',
          'WP-AGRESSIETRAINING',
        ],
      },
      {
        level: 'verhoogd',
        adds: [
          'W-WONINGSCHOUW',
          'W-HANG-SLUITWERK',
          'W-BUITENVERLICHTING',
          'W-BRIEVENBUS-BRANDWEREND',
          'W-AFSCHERMING-BRP',
          'W-AFSCHERMING-KVK',
          'WP-AANGIFTE-DOMICILIE',
          'R-ROUTE-VARIEREN',
          'D-APARTE-TELEFOON',
          'D-DOXING-MONITORING',
        ],
      },
      {
        level: 'hoog',
        adds: [
          'W-ALARM-DOORMELDING',
          'W-CAMERA',
          'W-VIDEO-INTERCOM',
          'W-PANIEKKNOP',
          'W-SURVEILLANCE-POLITIE',
          'W-AFSCHERMING-KADASTER',
          'W-WEERBAARHEID-GEZIN',
          'WP-BEGELEIDING-VERGADERING',
          'R-BEGELEIDING-NAAR-HUIS',
          'R-PERSOONLIJK-ALARM',
          'D-VERWIJDERVERZOEKEN',
        ],
      },
      { level: 'acuut', adds: ['R-PERSOONSBEVEILIGING', 'W-OBJECTBEWAKING', 'W-UITWIJKADRES'] },
    ],
  });
  if (!result.ok) throw new Error(`default recommendation matrix is invalid: ${JSON.stringify(result.issues)}`);
  return result.value;
}

export const defaultRecommendationMatrix: RecommendationMatrix = parseDefault();
