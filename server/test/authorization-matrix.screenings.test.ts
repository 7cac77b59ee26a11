import { createDataset } from '../src/modules/entities/datasets.service.js';
import { importFtmEntities } from '../src/modules/entities/ftm-import.service.js';
import { createScreening } from '../src/modules/screening/screening.service.js';
import { decideCandidate } from '../src/modules/screening/screening-decisions.service.js';
import { shareScreening } from '../src/modules/screening/screening-sharing.service.js';
import type { RequestContext } from '../src/platform/context.js';
import { describeMatrix, settle, type Arranged } from './support/authorization-matrix.js';

// Screenings: the owner screens an applicant against its own register (one candidate), records
// a decision whose note is the secret, and shares the screening whole with the grantee. The
// decisions belong to the owner: a grantee reads the screening without them. The screening is
// run by an extra adviser of the owner, so of the matrix users only the Bibob coordinator may
// conclude it.

const secret = 'Beslisnotitie: bron is de CIE';
const candidate = { id: 'kandidaat-1', schema: 'Person', properties: { name: ['Hendrik Matrixsma'] } };
let owner: RequestContext;
let registerId: string;
let n = 0;

describeMatrix({
  family: 'screenings',
  secret,
  secretSeenIn: ['own'],
  lists: ['GET /api/v1/screenings'],
  async setup(world) {
    owner = await world.ownerAs('oov_adviseur');
    const register = await createDataset(world.t.ctx, world.orgIds.own, {
      name: 'matrix-register',
      title: 'Register van de eigenaar',
      kind: 'eigen_registratie',
    });
    registerId = register.id;
    await importFtmEntities(world.t.ctx, registerId, async function* () {
      yield { line: 1, value: candidate };
    });
  },
  async arrange(world, relation): Promise<Arranged> {
    const marker = `Matrix-screening ${++n}`;
    const screening = await createScreening(owner, {
      subject: { schema: 'Person', properties: { name: ['Hendrik Matrixsma'] } },
      purpose: marker,
    });
    await decideCandidate(owner, screening.id, {
      datasetId: registerId,
      entityId: candidate.id,
      decision: 'unsure',
      note: secret,
    });
    const grant = await shareScreening(owner, screening.id, {
      granteeOrganisationId: world.orgIds.grantee,
      namedUserIds: [],
      purpose: 'bibob_onderzoek',
      legalBasis: 'art. 28 Wet Bibob',
      parts: ['kern'],
      expiresAt: world.later(24),
    });
    await settle(world, owner, relation, grant.id);
    return { ids: { screeningId: screening.id, grantId: grant.id }, recordId: screening.id, marker };
  },
  body(world, route) {
    const bodies: Record<string, unknown> = {
      'POST /api/v1/screenings/{screeningId}/decisions': {
        datasetId: registerId,
        entityId: candidate.id,
        decision: 'same',
      },
      'POST /api/v1/screenings/{screeningId}/conclusion': { outcome: 'geen_bezwaar', text: 'Conclusie uit de matrix' },
      'POST /api/v1/screenings/{screeningId}/grants': {
        granteeOrganisationId: world.orgIds.other,
        purpose: 'bibob_onderzoek',
        legalBasis: 'art. 28 Wet Bibob',
        expiresAt: world.later(1),
      },
      'PUT /api/v1/screenings/{screeningId}/tlp': { tlp: 'GREEN' },
    };
    return bodies[route];
  },
  send(_world, client, route, url, arranged) {
    if (route !== 'GET /api/v1/screenings/{screeningId}') return undefined;
    // A shared screening asks the reader why first (once a session).
    const reason = { recordType: 'screening', recordId: arranged.recordId, purpose: 'bibob_onderzoek' };
    return client.post('/api/v1/access-reasons', reason).then(() => client.get(url));
  },
});
