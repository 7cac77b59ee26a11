import { describe, expect, it } from 'vitest';
import { buildGraph } from './graph-builder.js';
import { findPathsToFlagged } from './flagged-paths.js';
import { flaggedLinkSearch, redFlags } from './red-flags.js';
import type { EdgeRecord, NodeRecord } from './graph.types.js';

const NOW = new Date('2025-06-01T00:00:00Z');

/** A straw man at a letterbox address directing shells, one of them linked to a flagged firm. */
function network(): { nodes: NodeRecord[]; edges: EdgeRecord[] } {
  const nodes: NodeRecord[] = [
    { id: 'straw', schema: 'Person', birthDate: '2003-02-01' },
    { id: 'citizen', schema: 'Person', birthDate: '1970-01-01' },
    { id: 'letterbox', schema: 'Address' },
    { id: 'fresh', schema: 'Company', incorporationDate: '2025-03-01' },
    { id: 'dirty', schema: 'Company', topics: ['crime.fin'] },
  ];
  const edges: EdgeRecord[] = [
    { id: '', schema: 'addressEntity', source: 'straw', target: 'letterbox' },
    { id: 'd-dirty', schema: 'Directorship', source: 'straw', target: 'dirty', startDate: '2024-01-01' },
    { id: 'd-fresh', schema: 'Directorship', source: 'straw', target: 'fresh', startDate: '2025-03-01' },
    { id: 'd-citizen', schema: 'Directorship', source: 'citizen', target: 'fresh', startDate: '2025-03-01' },
  ];
  for (let i = 0; i < 25; i++) {
    nodes.push({ id: `shell${i}`, schema: 'Company' });
    edges.push({ id: '', schema: 'addressEntity', source: `shell${i}`, target: 'letterbox' });
    if (i < 12)
      edges.push({
        id: `d${i}`,
        schema: 'Directorship',
        source: 'straw',
        target: `shell${i}`,
        startDate: '2024-06-01',
      });
  }
  // Directors come and go at "fresh": four events within three years.
  edges.push({
    id: 'old1',
    schema: 'Directorship',
    source: 'shell20',
    target: 'fresh',
    startDate: '2025-03-01',
    endDate: '2025-04-01',
  });
  return { nodes, edges };
}

describe('redFlags', () => {
  const { nodes, edges } = network();
  const graph = buildGraph(nodes, edges);

  it('explains a straw man: many directorships, young, hub address, little else', () => {
    const flags = redFlags(graph, 'straw', { now: NOW });
    const codes = flags.map((f) => f.code).sort();
    expect(codes).toEqual(['address_hub', 'flagged_within_hops', 'many_directorships', 'straw_man']);
    const straw = flags.find((f) => f.code === 'straw_man')!;
    expect(straw.severity).toBe('high');
    expect(straw.textNl).toContain('stroman');
    expect(straw.textEn).toContain('young age');
    expect(straw.evidence).toEqual(expect.arrayContaining(['straw', 'shell0', 'd0', 'letterbox']));
    const hub = flags.find((f) => f.code === 'address_hub')!;
    expect(hub.subject).toBe('letterbox');
    expect(hub.textEn).toContain('25 organisations');
    expect(flags.find((f) => f.code === 'flagged_within_hops')?.evidence).toEqual(['straw', 'dirty', 'd-dirty']);
  });

  it('flags a fresh company, its director churn and its straw-man director', () => {
    const flags = redFlags(graph, 'fresh', { now: NOW, directorChangesMin: 4 });
    const codes = flags.map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining(['recent_incorporation', 'frequent_director_changes', 'straw_man', 'flagged_within_hops']),
    );
    expect(flags.find((f) => f.code === 'recent_incorporation')?.textNl).toBe(
      'fresh is 92 dagen geleden opgericht (2025-03-01).',
    );
    expect(flags.find((f) => f.code === 'straw_man')?.subject).toBe('straw');
  });

  it('honours thresholds and stays quiet about an ordinary person', () => {
    expect(
      redFlags(graph, 'straw', {
        now: NOW,
        manyDirectorships: 50,
        strawManMinDirectorships: 50,
        addressHubCompanies: 100,
      }).map((f) => f.code),
    ).toEqual(['flagged_within_hops']);
    expect(redFlags(graph, 'citizen', { now: NOW, flaggedHops: 1 })).toEqual([]);
    expect(redFlags(graph, 'dirty', { now: NOW }).map((f) => f.code)).toContain('flagged_entity');
    expect(redFlags(graph, 'unknown', { now: NOW })).toEqual([]);
  });

  it('answers the same from a path search the caller ran already (flaggedLinkSearch)', () => {
    const contexts = [{ now: NOW }, { now: NOW, flaggedHops: 1 }, { now: NOW, flaggedHops: 4, hubDegreeCap: 5 }];
    for (const context of contexts) {
      for (const { id } of [...nodes, { id: 'unknown' }]) {
        const searched = findPathsToFlagged(graph, id, flaggedLinkSearch(context));
        expect(redFlags(graph, id, context, searched)).toEqual(redFlags(graph, id, context));
      }
    }
    // The search handed in is the one the flags rest on.
    expect(redFlags(graph, 'straw', { now: NOW }, null).map((f) => f.code)).not.toContain('flagged_within_hops');
  });
});
