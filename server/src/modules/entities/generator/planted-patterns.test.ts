import { describe, expect, it } from 'vitest';
import { buildGraphFromFtm } from '../graph/ftm-records.js';
import { findPathsToFlagged } from '../graph/flagged-paths.js';
import { redFlags } from '../graph/red-flags.js';
import { degreeOf, findNode, isFlagged, nodeIdAt, topicsOf } from '../graph/graph-access.js';
import { DEMO } from './demo-register.js';
import { generateRegister } from './register.js';
import { planRegister } from './register-plan.js';

const OPTIONS = { persons: 5_000, seed: 5 };
const register = [...generateRegister(OPTIONS)];
const graph = buildGraphFromFtm(register);
const NOW = new Date('2025-06-01T00:00:00Z');

describe('planted patterns', () => {
  it('has hub addresses with hundreds of companies', () => {
    const hub = findNode(graph, 'ah-0');
    expect(degreeOf(graph, hub)).toBeGreaterThanOrEqual(200);
    const flags = redFlags(graph, 'ah-0', { now: NOW });
    expect(flags.find((f) => f.code === 'address_hub')?.subject).toBe('ah-0');
  });

  it('has straw men with many directorships who look like straw men', () => {
    const plan = planRegister(OPTIONS);
    const counts = Array.from(
      { length: plan.strawMen },
      (_, k) => register.filter((e) => e.schema === 'Directorship' && e.properties.director?.[0] === `sm-${k}`).length,
    );
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(10);
    expect(redFlags(graph, 'sm-0', { now: NOW }).map((f) => f.code)).toEqual(
      expect.arrayContaining(['straw_man', 'many_directorships', 'address_hub']),
    );
  });

  it('flags criminal clusters with FtM topics', () => {
    const topics = new Set<string>();
    for (let i = 0; i < graph.nodeCount; i++) if (isFlagged(graph, i)) topicsOf(graph, i).forEach((t) => topics.add(t));
    expect([...topics]).toEqual(expect.arrayContaining(['crime', 'crime.fin', 'crime.traffick', 'sanction', 'poi']));
    expect(nodeIdAt(graph, findNode(graph, 'cf-0-0'))).toBe('cf-0-0');
  });

  it('connects ordinary persons to flagged entities through straw men', () => {
    const bridged = register.filter((e) => e.id.startsWith('bridge-')).map((e) => e.properties.organization?.[0]);
    const directors = register.filter(
      (e) =>
        e.schema === 'Directorship' &&
        bridged.includes(e.properties.organization?.[0]) &&
        e.properties.director?.[0]?.startsWith('p-'),
    );
    expect(directors.length).toBeGreaterThan(0);
    const applicant = directors[0]!.properties.director![0]!;
    const paths = findPathsToFlagged(graph, applicant, { maxHops: 4 })?.paths ?? [];
    const viaStrawMan = paths.find((p) => p.nodes.some((n) => n.id.startsWith('sm-')));
    expect(viaStrawMan?.length).toBe(3);
    expect(viaStrawMan?.target.flagged).toBe(true);
  });
});

describe('demo applicant', () => {
  it('exists with the documented data', () => {
    const person = register.find((e) => e.id === DEMO.applicantId);
    expect(person?.properties).toMatchObject({
      name: ['Johannes van den Berg'],
      birthDate: ['1979-04-03'],
      lastName: ['van den Berg'],
    });
    const address = register.find((e) => e.id === DEMO.applicantAddressId);
    expect(address?.properties.full).toEqual(['Kerkstraat 12, 5038 AB Tilburg']);
  });

  it('reaches a flagged company through a straw man in three hops', () => {
    const result = findPathsToFlagged(graph, DEMO.applicantId);
    const first = result?.paths[0];
    expect(first?.nodes.map((n) => n.id)).toEqual([
      DEMO.applicantId,
      DEMO.applicantCompanyId,
      DEMO.strawManId,
      DEMO.flaggedCompanyId,
    ]);
    expect(first?.edges.map((e) => e.type)).toEqual(['Directorship', 'Directorship', 'Directorship']);
    const codes = redFlags(graph, DEMO.applicantCompanyId, { now: NOW }).map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['flagged_within_hops', 'straw_man']));
  });
});
