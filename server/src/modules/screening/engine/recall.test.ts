import { describe, expect, it } from 'vitest';
import { buildIndex } from './candidate-index.js';
import { queryIndex } from './candidate-query.js';
import { plantQuery } from './planted-variants.js';
import { createRandom, generatePeople } from './synthetic-people.js';

// ~20k synthetic Dutch persons; each query is a planted variant of one of them.
const PERSONS = 20_000;
const QUERIES = 1_500;

describe('recall on planted variants', () => {
  const people = generatePeople(PERSONS, 2024);
  const index = buildIndex(people);
  const random = createRandom(99);
  const planted = Array.from({ length: QUERIES }, () =>
    plantQuery(random, people[Math.floor(random() * PERSONS)] ?? people[0]!),
  );
  const outcomes = planted.map((query) => {
    const results = queryIndex(index, query.query, { limit: 10 });
    return { query, rank: results.findIndex((result) => result.id === query.targetId) };
  });

  it('finds the true entity in the top 10 for at least 98% of queries', () => {
    const recall = outcomes.filter((outcome) => outcome.rank >= 0).length / outcomes.length;
    expect(recall).toBeGreaterThanOrEqual(0.98);
  });

  it('ranks the true entity first in every clear case', () => {
    const clear = outcomes.filter((outcome) => outcome.query.isClear);
    expect(clear.length).toBeGreaterThan(50);
    const misses = clear
      .filter((outcome) => outcome.rank !== 0)
      .map((outcome) => [outcome.query.query.names[0], outcome.query.mutations]);
    expect(misses).toEqual([]);
  });
});
