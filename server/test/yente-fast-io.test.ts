/**
 * POST /api/yente/match takes a cheap road for validation and serialisation (yente-fast-io.ts).
 * It must end where zod would: the same accepted values, zod's own errors for everything else,
 * and answers byte for byte as zod's serialiser writes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { createTestApp, type TestApp } from './support/test-app.js';
import { screeningWorld, type ScreeningWorld } from './support/screening-fixtures.js';
import { DEMO } from '../src/modules/entities/generator/demo-register.js';
import { matchValidatorCompiler } from '../src/modules/screening/yente/yente-fast-io.js';
import { datasetParams, matchBody, matchQuery, matchResponse } from '../src/modules/screening/yente/yente.schema.js';

let t: TestApp;
let w: ScreeningWorld;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await screeningWorld(t);
  token = (await w.bibob.post('/api/v1/me/api-tokens', { name: 'fast-io' })).json<{ token: string }>().token;
}, 120_000);
afterAll(async () => t.close());

const match = (url: string, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/yente/match/${url}`,
    headers: { authorization: `ApiKey ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });

describe('yente match: the fast serialiser', () => {
  it('writes every answer exactly as zod would (no field more or less, same order)', async () => {
    const bodies = [
      {
        queries: {
          q: { schema: 'Person', properties: { name: [DEMO.query.name], birthDate: [DEMO.query.birthDate] } },
        },
      },
      {
        queries: {
          a: { schema: 'Person', properties: { name: [DEMO.query.name] } },
          b: { schema: 'Company', properties: { name: ['Holding'] } },
        },
      },
      { queries: { q: { id: 'x-1', schema: 'Person', properties: { name: ['Nobody Known Here'] } } } },
    ];
    for (const dataset of ['default', 'kvk-extract']) {
      for (const [i, body] of bodies.entries()) {
        const res = await match(`${dataset}${i === 1 ? '?limit=10&threshold=0.5' : ''}`, body);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.body).toBe(JSON.stringify(matchResponse.encode(JSON.parse(res.body))));
      }
    }
  });
});

describe('yente match: the fast validator', () => {
  const compile = (schema: unknown, httpPart: string) =>
    matchValidatorCompiler({ schema, method: 'POST', url: '/match/:dataset', httpPart });
  const zod = (schema: unknown, httpPart: string) =>
    validatorCompiler({ schema: schema as typeof matchBody, method: 'POST', url: '/match/:dataset', httpPart });

  it('accepts what zod accepts, with the same value', () => {
    const bodies: unknown[] = [
      { queries: { q: { schema: 'Person', properties: { name: ['A'] } } } },
      { queries: { q: { schema: 'Person' } } },
      { queries: { q: { schema: 'Person', id: 'x', properties: { name: ['A'] }, extra: 1 } } },
      { queries: {} },
      { queries: { q: { schema: 'Person' } }, weights: { name: 1 } },
    ];
    for (const body of bodies) {
      const fast = compile(matchBody, 'body')(structuredClone(body));
      const slow = zod(matchBody, 'body')(structuredClone(body));
      expect(fast).toEqual(slow);
    }
    for (const query of [{}, Object.create(null) as object, { limit: '10' }]) {
      expect(compile(matchQuery, 'querystring')(query)).toEqual(zod(matchQuery, 'querystring')(query));
    }
    expect(compile(datasetParams, 'params')({ dataset: 'default' })).toEqual({ value: { dataset: 'default' } });
  });

  it('leaves every invalid input to zod: the same errors', () => {
    const bad: unknown[] = [
      null,
      [],
      {},
      { queries: [] },
      { queries: { q: { properties: {} } } },
      { queries: { q: { schema: 1 } } },
      { queries: { q: { schema: 'Person', properties: [] } } },
      { queries: { q: { schema: 'Person', id: 7 } } },
      { queries: { q: 'Person' } },
      { queries: {}, weights: { name: 'heavy' } },
    ];
    for (const body of bad) {
      const fast = compile(matchBody, 'body')(structuredClone(body));
      expect(fast).toHaveProperty('error');
      expect(fast).toEqual(zod(matchBody, 'body')(structuredClone(body)));
    }
    for (const params of [{ dataset: '' }, { dataset: 'x'.repeat(201) }, { dataset: 'a', extra: 'b' }]) {
      expect(compile(datasetParams, 'params')(params)).toEqual(zod(datasetParams, 'params')(params));
      expect(compile(datasetParams, 'params')(params)).toHaveProperty('error');
    }
    expect(compile(matchQuery, 'querystring')({ limit: '0' })).toHaveProperty('error');
  });

  it('answers a malformed request with yente’s 422 as before', async () => {
    const res = await match('default', { queries: { q: { properties: { name: ['A'] } } } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      detail: [expect.objectContaining({ loc: ['body', 'queries', 'q', 'schema'], type: 'value_error' })],
    });
  });
});
