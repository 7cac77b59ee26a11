import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildIncident } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { municipality, type Municipality } from './support/scenario.js';

let t: TestApp;
let m: Municipality;
let adviser: Client;
let wethouder: Client;

beforeEach(async () => {
  t = await createTestApp();
  m = await municipality(t, 'tilburg');
  adviser = await login(t, 'adviseur@tilburg.test');
  wethouder = await login(t, 'wethouder@tilburg.test');
});
afterEach(async () => t.close());

const quick = (overrides: Record<string, unknown> = {}) => ({
  occurredAt: '2026-11-02T08:30:00+01:00',
  forms: ['bedreiging_intimidatie', 'online_haat'],
  channel: 'social_media',
  severity: 4,
  summary: 'Bericht op Facebook: "we weten waar je woont"',
  ...overrides,
});

describe('quick report by an officeholder', () => {
  it('registers an incident about themself with only what is needed now', async () => {
    const res = await wethouder.post('/api/v1/incidents', quick());
    expect(res.statusCode, res.body).toBe(201);
    const incident = res.json();
    expect(incident).toMatchObject({
      officeholder: { id: m.wethouder.id },
      status: 'gemeld',
      forms: ['bedreiging_intimidatie', 'online_haat'],
      occurredAt: '2026-11-02T07:30:00.000Z',
      reference: expect.stringMatching(/^M-2026-[0-9A-F]{8}$/),
    });
    const own = await wethouder.get('/api/v1/incidents');
    expect(own.json().items.map((i: { id: string }) => i.id)).toEqual([incident.id]);
  });

  it('cannot report about someone else, nor see other officeholders’ incidents', async () => {
    const other = await wethouder.post('/api/v1/incidents', quick({ officeholderId: m.raadslid.id }));
    expect(other.statusCode).toBe(400);
    expect(other.json().issues[0].path).toBe('officeholderId');
    const theirs = await buildIncident(m.rc, m.raadslid.id);
    expect((await wethouder.get(`/api/v1/incidents/${theirs.id}`)).statusCode).toBe(404);
    expect((await wethouder.get('/api/v1/incidents')).json().total).toBe(0);
  });
});

describe('the adviser', () => {
  it('lists with filters by period, form, channel, officeholder, process, status and text', async () => {
    const a = await buildIncident(m.rc, m.wethouder.id, {
      forms: ['fysiek_geweld'],
      channel: 'face_to_face',
      municipalProcess: 'handhaving',
      occurredAt: '2026-10-01T10:00:00Z',
    });
    const b = await buildIncident(m.rc, m.raadslid.id, {
      forms: ['online_haat'],
      channel: 'social_media',
      municipalProcess: 'vergunningverlening',
      occurredAt: '2026-10-20T10:00:00Z',
      summary: 'Haat na besluit over windpark',
    });
    const ids = async (query: string) =>
      (await adviser.get(`/api/v1/incidents${query}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids('')).toEqual([b.id, a.id]);
    expect(await ids('?from=2026-10-10')).toEqual([b.id]);
    expect(await ids('?to=2026-10-01')).toEqual([a.id]);
    expect(await ids('?form=fysiek_geweld')).toEqual([a.id]);
    expect(await ids('?form=fysiek_geweld,online_haat')).toEqual([b.id, a.id]);
    expect(await ids('?channel=social_media')).toEqual([b.id]);
    expect(await ids(`?officeholderId=${m.raadslid.id}`)).toEqual([b.id]);
    expect(await ids('?process=handhaving')).toEqual([a.id]);
    expect(await ids('?status=afgehandeld')).toEqual([]);
    expect(await ids('?q=WINDPARK')).toEqual([b.id]);
    expect(await ids('?q=50%25')).toEqual([]);
    const page = (await adviser.get('/api/v1/incidents?pageSize=1&page=2')).json();
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ id: a.id }] });
  });

  it('completes the full record, with a timeline of who changed what', async () => {
    const created = (await wethouder.post('/api/v1/incidents', quick())).json();
    const patch = {
      version: created.version,
      description: 'Bericht onder een post over de weigering van de vergunning.',
      targets: ['person', 'naasten'],
      perpetratorType: 'resident_with_grievance',
      knownPerpetrators: 'J. de Vries (account @jdv)',
      motive: 'decision_anger',
      decisionReference: 'Weigering omgevingsvergunning Ringbaan-Oost 12',
      municipalProcess: 'vergunningverlening',
      impacts: ['health', 'family'],
      internalReportDate: '2026-11-02',
      aangifteDate: '2026-11-03',
      vptCodes: ['VPT'],
      domicilie: 'work_address',
      policeReference: '2026-ZWB-000123',
      employerAangifte: true,
      aftercareOffered: true,
      aftercareNotes: 'Gesprek met bedrijfsmaatschappelijk werk',
    };
    const updated = await adviser.patch(`/api/v1/incidents/${created.id}`, patch);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ ...patch, version: 2 });
    const stale = await adviser.patch(`/api/v1/incidents/${created.id}`, { version: 1, severity: 5 });
    expect(stale.statusCode).toBe(409);

    const events = (await adviser.get(`/api/v1/incidents/${created.id}/events`)).json();
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'updated']);
    expect(events[1].actor.displayName).toBeTruthy();
    expect(events[1].changes.municipalProcess).toEqual(['none', 'vergunningverlening']);
  });

  it('moves status gemeld → in behandeling → afgehandeld with a reason, and refuses other moves', async () => {
    const i = await buildIncident(m.rc, m.wethouder.id);
    const noReason = await adviser.post(`/api/v1/incidents/${i.id}/status`, { status: 'afgehandeld', version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().issues[0].path).toBe('reason');
    const inProgress = await adviser.post(`/api/v1/incidents/${i.id}/status`, { status: 'in_behandeling', version: 1 });
    expect(inProgress.json().status).toBe('in_behandeling');
    const closed = await adviser.post(`/api/v1/incidents/${i.id}/status`, {
      status: 'afgehandeld',
      reason: 'aangifte_gedaan',
      version: 2,
    });
    expect(closed.json()).toMatchObject({ status: 'afgehandeld', statusReason: 'aangifte_gedaan' });
    const back = await adviser.post(`/api/v1/incidents/${i.id}/status`, { status: 'gemeld', version: 3 });
    expect(back.statusCode).toBe(400);
    expect(
      (await wethouder.post(`/api/v1/incidents/${i.id}/status`, { status: 'in_behandeling', version: 3 })).statusCode,
    ).toBe(403);
  });
});

describe('bad input', () => {
  it.each([
    ['an unknown field', { ...quick(), colour: 'red' }, 'body.colour'],
    ['an unknown form', quick({ forms: ['spookbrief'] }), 'body.forms.0'],
    ['no form', quick({ forms: [] }), 'body.forms'],
    ['a wrong type', quick({ severity: 'hoog' }), 'body.severity'],
    ['a severity out of range', quick({ severity: 9 }), 'body.severity'],
    ['a date that is not a date', quick({ occurredAt: 'gisteren' }), 'body.occurredAt'],
    ['a missing summary', { ...quick(), summary: undefined }, 'body.summary'],
  ])('refuses %s with the field path', async (_name, body, path) => {
    const res = await adviser.post('/api/v1/incidents', { ...body, officeholderId: m.wethouder.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('validation_failed');
    expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(path);
    expect((await adviser.get('/api/v1/incidents')).json().total).toBe(0);
  });

  it('refuses a future date and an aangifte before the incident', async () => {
    const future = await adviser.post(
      '/api/v1/incidents',
      quick({ officeholderId: m.wethouder.id, occurredAt: '2026-12-01T10:00:00Z' }),
    );
    expect(future.json().issues[0].path).toBe('occurredAt');
    const early = await adviser.post(
      '/api/v1/incidents',
      quick({ officeholderId: m.wethouder.id, aangifteDate: '2026-10-01' }),
    );
    expect(early.json().issues[0].path).toBe('aangifteDate');
  });

  it('refuses malformed JSON and oversize bodies', async () => {
    const malformed = await adviser.request('POST', '/api/v1/incidents', '{"summary": ', {
      'content-type': 'application/json',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().issues[0].path).toBe('body');
    const huge = await adviser.post(
      '/api/v1/incidents',
      quick({ officeholderId: m.wethouder.id, summary: 'x'.repeat(1_100_000) }),
    );
    expect(huge.statusCode).toBe(413);
  });

  it('stores markup as given and returns it as data, never as markup', async () => {
    const summary = '<script>alert("x")</script> & <b>vet</b>';
    const res = await adviser.post('/api/v1/incidents', quick({ officeholderId: m.wethouder.id, summary }));
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect((await adviser.get(`/api/v1/incidents/${res.json().id}`)).json().summary).toBe(summary);
  });
});

describe('attachments', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const upload = (client: Client, id: string, name: string, type: string, data: Buffer) => {
    const boundary = 'weerbaarboundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return client.request('POST', `/api/v1/incidents/${id}/attachments`, body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  };

  it('stores evidence with its SHA-256 and serves it back as a download', async () => {
    const i = (await wethouder.post('/api/v1/incidents', quick())).json();
    const res = await upload(wethouder, i.id, 'screenshot.png', 'image/png', png);
    expect(res.statusCode, res.body).toBe(201);
    const sha = (await import('node:crypto')).createHash('sha256').update(png).digest('hex');
    expect(res.json()).toMatchObject({
      fileName: 'screenshot.png',
      contentType: 'image/png',
      sizeBytes: png.length,
      sha256: sha,
    });
    const download = await adviser.get(`/api/v1/incidents/${i.id}/attachments/${res.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const events = (await adviser.get(`/api/v1/incidents/${i.id}/events`)).json();
    expect(events.at(-1)).toMatchObject({ kind: 'attachment_added', changes: { sha256: sha } });
  });

  it('refuses a wrong type, content that does not match its type, and oversize files', async () => {
    const i = (await wethouder.post('/api/v1/incidents', quick())).json();
    expect(
      (await upload(wethouder, i.id, 'virus.exe', 'application/x-msdownload', Buffer.from('MZ...'))).statusCode,
    ).toBe(415);
    const fake = await upload(wethouder, i.id, 'photo.png', 'image/png', Buffer.from('<html>not a png</html>'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().issues[0].path).toBe('file');
    const big = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024 + 1)]);
    expect((await upload(wethouder, i.id, 'big.png', 'image/png', big)).statusCode).toBe(413);
    expect((await adviser.get(`/api/v1/incidents/${i.id}`)).json().attachments).toEqual([]);
  });
});

describe('HTTP hygiene', () => {
  it('marks personal data no-store and sends the security headers', async () => {
    const res = await adviser.get('/api/v1/incidents');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers the health check and serves the OpenAPI 3.1 document and its page', async () => {
    expect((await t.app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok', database: 'ok' });
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/incidents/{incidentId}');
    expect((await t.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});
