import { createDataset } from '../src/modules/entities/datasets.service.js';
import { importFtmEntities } from '../src/modules/entities/ftm-import.service.js';
import { linkPoiToEntity } from '../src/modules/pois/poi-entity-links.js';
import { addPoiPhoto } from '../src/modules/pois/poi-photos.service.js';
import { sharePoi } from '../src/modules/pois/poi-sharing.service.js';
import { createPoi, linkIncident } from '../src/modules/pois/pois.service.js';
import type { RequestContext } from '../src/platform/context.js';
import { actingAs, buildIncident, buildOfficeholder } from './support/factories.js';
import { describeMatrix, multipartPng, settle, type Arranged, type Place } from './support/authorization-matrix.js';

// Persons of interest: a POI of the owner (addresses and notes hold the secret) shared with the
// grantee for part `kern` only, so addresses, notes, photos, incident links and entity links
// stay with the owner. A grantee records its own duplicate decisions about a shared POI.

const secret = 'Geheimpad 13, 6666 XX Nergenshuizen';
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
let owner: RequestContext;
let incidentId: string;
let registerId: string;
const twinOf: Partial<Record<Place, string>> = {};
let n = 0;

const poiInput = (displayName: string) => ({
  displayName,
  names: [],
  birthDate: null,
  addresses: [{ street: 'Geheimpad', houseNumber: '13', postcode: '6666 XX', city: 'Nergenshuizen', note: secret }],
  onlineHandles: [],
  notes: secret,
});

describeMatrix({
  family: 'pois',
  secret,
  secretSeenIn: ['own'],
  lists: ['GET /api/v1/pois'],
  async setup(world) {
    owner = await world.ownerAs('oov_adviseur');
    const officeholder = await buildOfficeholder(owner);
    incidentId = (await buildIncident(owner, officeholder.id)).id;
    registerId = (
      await createDataset(world.t.ctx, world.orgIds.own, {
        name: 'matrix-netwerk',
        title: 'Netwerk',
        kind: 'eigen_registratie',
      })
    ).id;
    await importFtmEntities(world.t.ctx, registerId, async function* () {
      yield { line: 1, value: { id: 'netwerk-1', schema: 'Person', properties: { name: ['Netwerkpersoon Een'] } } };
      yield { line: 2, value: { id: 'netwerk-2', schema: 'Person', properties: { name: ['Netwerkpersoon Twee'] } } };
    });
    // A POI of each organisation to decide a duplicate against.
    for (const place of ['own', 'grantee', 'other'] as const) {
      const rc = await actingAs(world.t.ctx, world.userIds.get(`${place}:oov_adviseur`) ?? '');
      twinOf[place] = (await createPoi(rc, { ...poiInput(`Tweeling ${place}`), addresses: [], notes: '' })).id;
    }
  },
  async arrange(world, relation, route): Promise<Arranged> {
    const marker = `Matrix-POI ${++n}`;
    const poi = await createPoi(owner, poiInput(marker));
    const ids: Record<string, string> = { poiId: poi.id, incidentId };
    if (route.includes('/incidents/')) await linkIncident(owner, poi.id, { incidentId, role: 'dader' });
    if (route.includes('/photos/')) {
      ids['photoId'] = (
        await addPoiPhoto(owner, poi.id, { fileName: 'a.png', contentType: 'image/png', data: png })
      ).id;
    }
    if (route.includes('/entity-links/')) {
      ids['linkId'] = (await linkPoiToEntity(owner, poi.id, { datasetId: registerId, entityId: 'netwerk-1' })).id;
    }
    const grant = await sharePoi(owner, poi.id, {
      granteeOrganisationId: world.orgIds.grantee,
      namedUserIds: [],
      purpose: 'riec_casus',
      legalBasis: 'art. 6 lid 1 sub e AVG',
      parts: ['kern'],
      expiresAt: world.later(24),
    });
    await settle(world, owner, relation, grant.id);
    return { ids: { ...ids, grantId: grant.id }, recordId: poi.id, marker };
  },
  body(world, route, _arranged, place) {
    const bodies: Record<string, unknown> = {
      'PATCH /api/v1/pois/{poiId}': { version: 1, notes: 'Overschreven' },
      'POST /api/v1/pois/{poiId}/incidents': { incidentId, role: 'betrokkene' },
      'POST /api/v1/pois/{poiId}/duplicate-decisions': { otherPoiId: twinOf[place], decision: 'different' },
      'POST /api/v1/pois/{poiId}/entity-links': { datasetId: registerId, entityId: 'netwerk-2' },
      'POST /api/v1/pois/{poiId}/grants': {
        granteeOrganisationId: world.orgIds.other,
        purpose: 'riec_casus',
        legalBasis: 'art. 6 AVG',
        parts: ['kern'],
        expiresAt: world.later(1),
      },
      'PUT /api/v1/pois/{poiId}/tlp': { tlp: 'GREEN' },
    };
    return bodies[route];
  },
  send(_world, client, route, url, arranged) {
    if (route === 'GET /api/v1/pois/{poiId}') {
      // A shared person of interest asks the reader why first (once a session).
      const reason = { recordType: 'poi', recordId: arranged.recordId, purpose: 'riec_casus' };
      return client.post('/api/v1/access-reasons', reason).then(() => client.get(url));
    }
    if (route !== 'POST /api/v1/pois/{poiId}/photos') return undefined;
    const { payload, headers } = multipartPng();
    return client.request('POST', url, payload, headers);
  },
});
