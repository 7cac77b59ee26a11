import type { FtmEntityData } from '../graph/ftm-records.js';

export type { FtmEntityData };

/** Builds a plain FtM entity, dropping empty values and wrapping single values in arrays. */
export function ftmEntity(
  id: string,
  schema: string,
  properties: Record<string, string | readonly string[] | undefined>,
): FtmEntityData {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(properties)) {
    if (value === undefined || value === '') continue;
    const values = typeof value === 'string' ? [value] : value.filter((v) => v !== '');
    if (values.length > 0) out[name] = values;
  }
  return { id, schema, properties: out };
}
