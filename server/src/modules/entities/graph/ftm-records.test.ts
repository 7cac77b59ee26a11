import { Model, defaultModel } from '@alephdata/followthemoney';
import { describe, expect, it } from 'vitest';
import { buildGraphFromFtm, FTM_EDGE_ENDS, ftmToGraphRecords } from './ftm-records.js';
import type { FtmEntityData } from './ftm-records.js';
import { findPathsToFlagged } from './flagged-paths.js';

describe('FtM records', () => {
  it('uses the source and target properties the FtM model defines', () => {
    const model = new Model(defaultModel);
    for (const [schema, [source, target]] of Object.entries(FTM_EDGE_ENDS)) {
      expect(model.getSchema(schema).edge).toMatchObject({ source, target });
    }
  });

  it('turns entities into nodes, edges and address edges, in any order', () => {
    const entities: FtmEntityData[] = [
      {
        id: 'd',
        schema: 'Directorship',
        properties: { director: ['p'], organization: ['c'], role: ['bestuurder'], startDate: ['2020-02-02'] },
      },
      { id: 'p', schema: 'Person', properties: { name: ['Jan'], birthDate: ['1980-01-01'], addressEntity: ['a'] } },
      { id: 'c', schema: 'Company', properties: { name: ['X B.V.'], topics: ['crime.fin'] } },
      { id: 'a', schema: 'Address', properties: { full: ['Kerkstraat 1'] } },
      { id: 'pay', schema: 'Payment', properties: { payer: ['p'], beneficiary: ['c'] } },
    ];
    expect(ftmToGraphRecords(entities[1]!)).toEqual([
      {
        kind: 'node',
        node: { id: 'p', schema: 'Person', topics: [], birthDate: '1980-01-01', incorporationDate: undefined },
      },
      { kind: 'edge', edge: { id: '', schema: 'addressEntity', source: 'p', target: 'a', role: 'resident' } },
    ]);
    expect(ftmToGraphRecords(entities[4]!)).toEqual([]);
    const graph = buildGraphFromFtm(entities);
    expect(graph.nodeCount).toBe(3);
    const path = findPathsToFlagged(graph, 'a')?.paths[0];
    expect(path?.nodes.map((n) => n.id)).toEqual(['a', 'p', 'c']);
    expect(path?.edges[1]).toMatchObject({ id: 'd', role: 'bestuurder', startDate: '2020-02-02' });
  });
});
