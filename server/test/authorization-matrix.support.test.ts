import { shareSupportRequest } from '../src/modules/support/support-sharing.service.js';
import { addSupportNote } from '../src/modules/support/support-workflow.service.js';
import { createSupportRequest } from '../src/modules/support/support.service.js';
import type { RequestContext } from '../src/platform/context.js';
import { buildOfficeholder, buildOrganisation } from './support/factories.js';
import { describeMatrix, settle, type Arranged } from './support/authorization-matrix.js';

// Support requests are confidential by default (TLP:RED): an adviser of the owner municipality
// files one (the requester, not a matrix user) and names every matrix user of the grantee
// organisation for part `kern`; the conversation (a note holding the secret) is not shared.
// Nobody else of the owner organisation sees the request; named readers only read.

const secret = 'Gesprek: de wethouder overweegt aftreden';
let owner: RequestContext;
let officeholderId: string;
let supportOrganisationId: string;
let n = 0;

describeMatrix({
  family: 'support',
  secret,
  secretSeenIn: [],
  lists: ['GET /api/v1/support-requests'],
  async setup(world) {
    owner = await world.ownerAs('oov_adviseur');
    officeholderId = (await buildOfficeholder(owner)).id;
    supportOrganisationId = (await buildOrganisation(world.t.ctx, { type: 'ondersteuningsteam' })).id;
  },
  async arrange(world, relation): Promise<Arranged> {
    const marker = `Matrix-hulpvraag ${++n}`;
    const request = await createSupportRequest(owner, {
      officeholderId,
      supportOrganisationId,
      kind: 'vertrouwelijk_advies',
      forWhom: 'ambtsdrager',
      summary: marker,
      details: 'Vertrouwelijk advies gevraagd',
    });
    await addSupportNote(owner, request.id, secret);
    const named = [...world.userIds.entries()].filter(([k]) => k.startsWith('grantee:')).map(([, id]) => id);
    const grant = await shareSupportRequest(owner, request.id, {
      organisationId: world.orgIds.grantee,
      userIds: named,
      parts: ['kern'],
      expiresAt: world.later(24),
    });
    await settle(world, owner, relation, grant.id);
    return { ids: { requestId: request.id, grantId: grant.id }, recordId: request.id, marker };
  },
  body(world, route) {
    const bodies: Record<string, unknown> = {
      'POST /api/v1/support-requests/{requestId}/status': { status: 'in_behandeling', version: 1 },
      'POST /api/v1/support-requests/{requestId}/withdraw': { version: 1 },
      'POST /api/v1/support-requests/{requestId}/notes': { body: 'Notitie uit de matrix' },
      'POST /api/v1/support-requests/{requestId}/shares': {
        organisationId: world.orgIds.other,
        userIds: [world.userIds.get('other:oov_adviseur')],
        expiresAt: world.later(1),
      },
    };
    return bodies[route];
  },
});
