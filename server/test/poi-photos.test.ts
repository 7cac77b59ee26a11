import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { login, type Client } from './support/http-client.js';
import { municipality } from './support/scenario.js';

let t: TestApp;
let adviser: Client;
let poiId: string;
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const boundary = 'poiphoto';
const upload = (client: Client, name: string, type: string, data: Buffer) =>
  client.request(
    'POST',
    `/api/v1/pois/${poiId}/photos`,
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    { 'content-type': `multipart/form-data; boundary=${boundary}` },
  );

beforeAll(async () => {
  t = await createTestApp();
  await municipality(t, 'tilburg');
  await municipality(t, 'breda');
  adviser = await login(t, 'adviseur@tilburg.test');
  poiId = (await adviser.post('/api/v1/pois', { displayName: 'Ruud de Groot' })).json<{ id: string }>().id;
});
afterAll(async () => t.close());

describe('photos of a person of interest', () => {
  it('stores a photo with its SHA-256, lists it and serves it back, audited', async () => {
    const res = await upload(adviser, 'ruud.png', 'image/png', png);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      fileName: 'ruud.png',
      contentType: 'image/png',
      sha256: createHash('sha256').update(png).digest('hex'),
    });
    const listed = (await adviser.get(`/api/v1/pois/${poiId}/photos`)).json();
    expect(listed).toHaveLength(1);
    const photo = await adviser.get(`/api/v1/pois/${poiId}/photos/${listed[0].id}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    const reads = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'poi.photo.read')
      .execute();
    expect(reads).toHaveLength(1);
  });

  it('refuses what is not a photo, or not what it claims to be', async () => {
    expect((await upload(adviser, 'brief.pdf', 'application/pdf', Buffer.from('%PDF-1.4'))).statusCode).toBe(415);
    const fake = await upload(adviser, 'x.png', 'image/png', Buffer.from('not a png'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().issues[0].path).toBe('file');
  });

  it('shows nothing to another organisation', async () => {
    const stranger = await login(t, 'adviseur@breda.test');
    expect((await stranger.get(`/api/v1/pois/${poiId}/photos`)).statusCode).toBe(404);
    expect((await upload(stranger, 'y.png', 'image/png', png)).statusCode).toBe(404);
  });
});
