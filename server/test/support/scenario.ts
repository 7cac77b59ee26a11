import type { TestApp } from './test-app.js';
import { actingAs, buildOfficeholder, buildOrganisation, buildUser } from './factories.js';
import { login, type Client } from './http-client.js';

/** One municipality with an adviser, an officeholder with an account and one without. */
export async function municipality(t: TestApp, name: string) {
  const org = await buildOrganisation(t.ctx, { slug: `gemeente-${name}`, name: `Gemeente ${name}` });
  const adviserUser = await buildUser(t.ctx, org.id, ['oov_adviseur'], { email: `adviseur@${name}.test` });
  const wethouderUser = await buildUser(t.ctx, org.id, ['officeholder'], { email: `wethouder@${name}.test` });
  const rc = await actingAs(t.ctx, adviserUser.id);
  const wethouder = await buildOfficeholder(rc, { fullName: `Wethouder ${name}`, userId: wethouderUser.id });
  const raadslid = await buildOfficeholder(rc, { fullName: `Raadslid ${name}`, office: 'raadslid' });
  return { org, adviserUser, wethouderUser, rc, wethouder, raadslid };
}

export type Municipality = Awaited<ReturnType<typeof municipality>>;

export async function loginAs(t: TestApp, email: string): Promise<Client> {
  return login(t, email);
}
