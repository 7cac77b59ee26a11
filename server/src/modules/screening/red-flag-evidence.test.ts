import { describe, expect, it } from 'vitest';
import { buildGraph } from '../entities/graph/graph-builder.js';
import { redFlags } from '../entities/graph/red-flags.js';
import type { EdgeRecord, NodeRecord } from '../entities/graph/graph.types.js';
import { SCREENING_FLAG_RULES, withEvidence } from './red-flag-evidence.js';

const NOW = new Date('2026-01-15T12:00:00Z');

/** An applicant directing a company that a young straw man (14 directorships, letterbox address) co-directs. */
function network() {
  const nodes: NodeRecord[] = [
    { id: 'applicant', schema: 'Person', birthDate: '1979-04-03' },
    { id: 'straw', schema: 'Person', birthDate: '2003-02-01' },
    { id: 'horeca', schema: 'Company' },
    { id: 'letterbox', schema: 'Address' },
  ];
  const edges: EdgeRecord[] = [
    { id: 'd-app', schema: 'Directorship', source: 'applicant', target: 'horeca', startDate: '2015-01-01' },
    { id: 'd-straw', schema: 'Directorship', source: 'straw', target: 'horeca', startDate: '2024-01-01' },
    { id: '', schema: 'addressEntity', source: 'straw', target: 'letterbox' },
  ];
  for (let i = 0; i < 30; i++) {
    nodes.push({ id: `shell${i}`, schema: 'Company', ...(i < 3 ? { topics: ['crime.fin'] } : {}) });
    edges.push({ id: '', schema: 'addressEntity', source: `shell${i}`, target: 'letterbox' });
    if (i < 13)
      edges.push({
        id: `d${i}`,
        schema: 'Directorship',
        source: 'straw',
        target: `shell${i}`,
        startDate: '2024-06-01',
      });
  }
  return buildGraph(nodes, edges);
}

describe('withEvidence', () => {
  const graph = network();
  const context = { ...SCREENING_FLAG_RULES, now: NOW, flaggedHops: 4, hubDegreeCap: 100 };
  const evidence = { now: NOW, hops: 4, candidateId: 'applicant', shownPaths: 3 };

  it('gives the straw-man flag its numbers and thresholds: age, directorships, address, other ties', () => {
    const flag = redFlags(graph, 'horeca', context).find((f) => f.code === 'straw_man' && f.subject === 'straw');
    expect(flag).toBeDefined();
    const explained = withEvidence(graph, flag!, evidence);
    expect(explained.textNl).toContain('14 actieve bestuursfuncties (drempel: ten minste 5)');
    expect(explained.textNl).toContain('22 jaar oud, geboren 2003-02-01 (jong: drempel ten hoogste 25)');
    expect(explained.textNl).toContain('adres met 30 organisaties (drempel: ten minste 20)');
    expect(explained.textNl).toContain('0 andere banden (drempel: ten hoogste 1)');
    expect(explained.textEn).toContain('22 years old');
    expect(explained.evidence).toEqual(flag!.evidence);
  });

  it('counts flagged entities from the evidence and says where the paths are', () => {
    const own = redFlags(graph, 'applicant', context).find((f) => f.code === 'flagged_within_hops');
    expect(own).toBeDefined();
    const explainedOwn = withEvidence(graph, own!, evidence);
    expect(explainedOwn.textNl).toContain('verbonden met 3 gemarkeerde entiteit(en); alle 3 paden staan onder Netwerk');
    const other = redFlags(graph, 'horeca', context).find((f) => f.code === 'flagged_within_hops');
    const explainedOther = withEvidence(graph, other!, evidence);
    expect(explainedOther.textNl).toContain('geteld vanaf horeca');
    expect(explainedOther.textEn).toContain('counted from horeca');
  });

  it('leaves flags that already cite their threshold unchanged', () => {
    const many = redFlags(graph, 'horeca', context).find((f) => f.code === 'many_directorships');
    expect(many).toBeDefined();
    expect(withEvidence(graph, many!, evidence)).toEqual(many);
  });
});
