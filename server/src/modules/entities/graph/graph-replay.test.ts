import { describe, expect, it } from 'vitest';
import { buildGraphFromFtm, ftmToGraphRecords, type FtmEntityData } from './ftm-records.js';
import { GraphBuilder } from './graph-builder.js';
import { GraphReplay } from './graph-replay.js';
import { serializeGraph } from './snapshot.js';

const person = (id: string, addresses: string[] = [], topics: string[] = []): FtmEntityData => ({
  id,
  schema: 'Person',
  properties: { name: [id], addressEntity: addresses, topics, birthDate: ['1980-01-02'] },
});
const address = (id: string): FtmEntityData => ({ id, schema: 'Address', properties: { full: [id] } });
const directorship = (id: string, director: string, organization: string, endDate?: string): FtmEntityData => ({
  id,
  schema: 'Directorship',
  properties: { director: [director], organization: [organization], ...(endDate ? { endDate: [endDate] } : {}) },
});

const entities: FtmEntityData[] = [
  person('a-1', ['z-2']),
  directorship('b-d1', 'a-1', 'c-co', '2024-05-01'),
  { id: 'c-co', schema: 'Company', properties: { name: ['Co'], topics: ['sanction'], addressEntity: ['z-1'] } },
  { id: 'd-pay', schema: 'Payment', properties: { payer: ['a-1'] } },
  person('e-2', ['z-1', 'z-3']),
  address('z-1'),
  address('z-2'),
];

function replayAll(list: FtmEntityData[], changed: ReadonlyMap<string, FtmEntityData>) {
  const replay = new GraphReplay(buildGraphFromFtm(list));
  const builder = new GraphBuilder();
  for (const entity of list) {
    const fresh = changed.get(entity.id);
    if (!fresh) {
      replay.replay(builder, entity.id);
      continue;
    }
    for (const r of ftmToGraphRecords(fresh)) {
      if (r.kind === 'node') builder.addNode(r.node);
      else builder.addEdge(r.edge);
    }
  }
  return { graph: builder.build(), replay };
}

describe('GraphReplay', () => {
  it('re-plays every entity of a graph into the same graph', () => {
    const { graph, replay } = replayAll(entities, new Map());
    expect(serializeGraph(graph).equals(serializeGraph(buildGraphFromFtm(entities)))).toBe(true);
    // Nodes of a-1, c-co, e-2, z-1, z-2 and the directorship; not the payment or the placeholder z-3.
    expect(replay.entityCount()).toBe(6);
    expect(replay.holds('d-pay')).toBe(false);
    expect(replay.holds('z-3')).toBe(false);
    expect(replay.ambiguous).toEqual([]);
  });

  it('gives what a build of the changed entities gives, and names entities whose edge order it cannot know', () => {
    const changes = [person('a-1', [], ['crime']), directorship('b-d1', 'a-1', 'c-co')];
    const next = entities.map((e) => changes.find((c) => c.id === e.id) ?? e);
    const { graph } = replayAll(entities, new Map(changes.map((c) => [c.id, c])));
    expect(serializeGraph(graph).equals(serializeGraph(buildGraphFromFtm(next)))).toBe(true);
    // e-2 names z-1 and z-3, both new once a-1 names no address.
    const reordered = [person('a-1', ['z-3']), person('e-2', ['z-1', 'z-3']), address('z-1')];
    const after = replayAll(reordered, new Map([['a-1', person('a-1')]]));
    expect(after.replay.ambiguous).toEqual(['e-2']);
  });
});
