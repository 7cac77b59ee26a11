import { createDataset, shareDataset } from '../src/modules/entities/datasets.service.js';
import { flagEntity } from '../src/modules/entities/entities.service.js';
import { importFtmEntities } from '../src/modules/entities/ftm-import.service.js';
import { decideMatch } from '../src/modules/entities/match-decisions.service.js';
import type { RequestContext } from '../src/platform/context.js';
import { describeMatrix, settle, type Arranged } from './support/authorization-matrix.js';

// Datasets and their entities: a dataset of the owner (two entities, an analyst flag and a match
// decision of the owner whose note is the secret) shared whole with the grantee organisation.
// The owner's match decisions stay with the owner: a grantee never sees the note.

const secret = 'Notitie van de eigenaar: informant K. Visser';
let owner: RequestContext;
let n = 0;

describeMatrix({
  family: 'datasets',
  secret,
  secretSeenIn: ['own'],
  lists: ['GET /api/v1/datasets', 'GET /api/v1/entities'],
  async setup(world) {
    owner = await world.ownerAs('riec_analyst');
  },
  async arrange(world, relation, route): Promise<Arranged> {
    const marker = `Matrixpersoon ${++n}a`;
    const dataset = await createDataset(world.t.ctx, world.orgIds.own, {
      name: `matrix-${n}`,
      title: `${marker} register`,
      kind: 'eigen_registratie',
    });
    const a = { id: `mx-${n}-a`, schema: 'Person', properties: { name: [marker] } };
    const b = { id: `mx-${n}-b`, schema: 'Person', properties: { name: [`Matrixpersoon ${n}b`] } };
    await importFtmEntities(world.t.ctx, dataset.id, async function* () {
      yield { line: 1, value: a };
      yield { line: 2, value: b };
    });
    const flag = await flagEntity(owner, dataset.id, a.id, 'Signaal van de eigenaar');
    await decideMatch(owner, {
      left: { datasetId: dataset.id, entityId: a.id },
      right: { datasetId: dataset.id, entityId: b.id },
      decision: 'unsure',
      note: secret,
    });
    const grant = await shareDataset(owner, dataset.id, {
      granteeOrganisationId: world.orgIds.grantee,
      namedUserIds: [],
      purpose: 'bibob_onderzoek',
      legalBasis: 'art. 28 Wet Bibob',
      parts: ['kern'],
      expiresAt: world.later(24),
    });
    await settle(world, owner, relation, grant.id);
    const ids = { datasetId: dataset.id, entityId: a.id, otherEntityId: b.id, grantId: grant.id, flagId: flag.id };
    return { ids, recordId: route === 'GET /api/v1/entities' ? a.id : dataset.id, marker };
  },
  body(world, route, { ids }) {
    const bodies: Record<string, unknown> = {
      'POST /api/v1/datasets/{datasetId}/grants': {
        granteeOrganisationId: world.orgIds.other,
        purpose: 'bibob_onderzoek',
        legalBasis: 'art. 28 Wet Bibob',
        expiresAt: world.later(1),
      },
      'PUT /api/v1/datasets/{datasetId}/tlp': { tlp: 'GREEN' },
      'POST /api/v1/datasets/{datasetId}/entities/{entityId}/flags': { reason: 'Signaal uit de matrix' },
      'POST /api/v1/match-decisions': {
        left: { datasetId: ids['datasetId'], entityId: ids['entityId'] },
        right: { datasetId: ids['datasetId'], entityId: ids['otherEntityId'] },
        decision: 'same',
      },
    };
    return bodies[route];
  },
  send(_world, client, route, url, { marker }) {
    if (route !== 'GET /api/v1/entities') return undefined;
    return client.get(`${url}?q=${encodeURIComponent(marker)}`);
  },
});
