import path from 'node:path';
import type { TestApp } from './test-app.js';
import { buildOrganisation, buildUser } from './factories.js';
import { login, type Client } from './http-client.js';
import { importFile, tempDir } from './entity-fixtures.js';
import { writeRegister } from '../../src/modules/entities/generator/write-register.js';
import { DEMO } from '../../src/modules/entities/generator/demo-register.js';

/** The "Done when" applicant, as the screening form sends it. */
export const demoSubject = {
  schema: 'Person',
  properties: { name: [DEMO.query.name], birthDate: [DEMO.query.birthDate], address: [DEMO.query.address] },
};

export const screeningBody = (overrides: Record<string, unknown> = {}) => ({
  subject: demoSubject,
  purpose: 'Bibob-toets exploitatievergunning horeca',
  caseReference: 'BIBOB-2026-014',
  ...overrides,
});

export type ScreeningWorld = {
  riec: Client;
  bibob: Client;
  stranger: Client;
  datasetId: string;
  tilburgId: string;
  bredaId: string;
  grantId: string;
};

/** A RIEC with the generated register (demo story included), shared with Tilburg for Bibob; Breda sees nothing. */
export async function screeningWorld(t: TestApp): Promise<ScreeningWorld> {
  const riecId = (await buildOrganisation(t.ctx, { slug: 'riec-s', name: 'RIEC Screening', type: 'riec' })).id;
  const tilburgId = (await buildOrganisation(t.ctx, { slug: 'gemeente-tilburg-s', name: 'Gemeente Tilburg' })).id;
  const bredaId = (await buildOrganisation(t.ctx, { slug: 'gemeente-breda-s', name: 'Gemeente Breda' })).id;
  await buildUser(t.ctx, riecId, ['riec_analyst'], { email: 'analist@riec-s.test' });
  await buildUser(t.ctx, tilburgId, ['bibob_coordinator'], { email: 'bibob@tilburg-s.test' });
  await buildUser(t.ctx, bredaId, ['bibob_coordinator'], { email: 'bibob@breda-s.test' });
  const file = path.join(tempDir(), 'register.jsonl.gz');
  await writeRegister(file, { persons: 300, seed: 1 });
  await importFile(t.ctx, file, { dataset: 'kvk-extract', org: 'riec-s', kind: 'openbaar_register' });
  const riec = await login(t, 'analist@riec-s.test');
  const datasets = (await riec.get('/api/v1/datasets')).json<{ id: string; name: string }[]>();
  const datasetId = datasets.find((d) => d.name === 'kvk-extract')?.id ?? '';
  const grant = await riec.post(`/api/v1/datasets/${datasetId}/grants`, {
    granteeOrganisationId: tilburgId,
    purpose: 'bibob_onderzoek',
    legalBasis: 'art. 28 Wet Bibob',
    expiresAt: '2027-06-01T00:00:00Z',
  });
  const bibob = await login(t, 'bibob@tilburg-s.test');
  const stranger = await login(t, 'bibob@breda-s.test');
  return { riec, bibob, stranger, datasetId, tilburgId, bredaId, grantId: grant.json<{ id: string }>().id };
}
