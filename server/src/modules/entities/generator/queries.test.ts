import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEMO } from './demo-register.js';
import { generateQueries } from './queries.js';
import { QUERY_VARIANTS } from './query-variants.js';
import { generateRegister } from './register.js';
import { writeRegister } from './write-register.js';

const REGISTER = { persons: 4_000, seed: 21 };

describe('generateQueries', () => {
  const queries = generateQueries({ register: REGISTER, count: 200, seed: 9 });
  const people = new Map([...generateRegister(REGISTER)].filter((e) => e.schema === 'Person').map((e) => [e.id, e]));

  it('starts with the demo applicant and covers every variant', () => {
    expect(queries[0]).toEqual({ id: 'q-0', variant: 'demo', query: DEMO.query, targetId: DEMO.applicantId });
    expect(new Set(queries.map((q) => q.variant))).toEqual(new Set(['demo', ...QUERY_VARIANTS]));
    expect(queries.every((q) => people.has(q.targetId))).toBe(true);
  });

  it('derives each variant from the true entity', () => {
    for (const q of queries.slice(1)) {
      const target = people.get(q.targetId)!;
      const [y, m, d] = target.properties.birthDate![0]!.split('-').map(Number);
      if (q.variant === 'exact') expect(q.query.name).toBe(target.properties.name![0]);
      if (q.variant === 'initials') expect(q.query.name).toMatch(/^[A-Z]\. \S/);
      if (q.variant === 'surname_first') expect(q.query.name).toContain(',');
      if (q.variant === 'ij_y') expect(q.query.name).not.toMatch(/ij/);
      if (q.variant === 'year_only') expect(q.query.birthDate).toBe(String(y));
      if (q.variant === 'day_month_swap') expect(q.query.birthDate).toBe(`${m}-${d}-${y}`);
      if (q.variant !== 'day_month_swap' && q.variant !== 'year_only') expect(q.query.birthDate).toBe(`${d}-${m}-${y}`);
    }
  });

  it('is deterministic', () => {
    expect(generateQueries({ register: REGISTER, count: 200, seed: 9 })).toEqual(queries);
  });
});

describe('writeRegister', () => {
  it('streams identical bytes for the same seed, plain and gzipped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'register-'));
    try {
      const first = await writeRegister(join(dir, 'a.jsonl'), REGISTER);
      await writeRegister(join(dir, 'b.jsonl'), REGISTER);
      await writeRegister(join(dir, 'a.jsonl.gz'), REGISTER);
      const a = await readFile(join(dir, 'a.jsonl'));
      expect(a.equals(await readFile(join(dir, 'b.jsonl')))).toBe(true);
      expect(gunzipSync(await readFile(join(dir, 'a.jsonl.gz'))).equals(a)).toBe(true);
      const lines = a.toString('utf8').trim().split('\n');
      expect(lines).toHaveLength(first.entities);
      expect(JSON.parse(lines[0]!)).toMatchObject({ id: 'a-0', schema: 'Address' });
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
