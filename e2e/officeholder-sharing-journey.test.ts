import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.js';
import { DESKTOP, useJourney } from './support/journey.js';
import { loginWithEnrolment } from './support/login.js';

const journey = useJourney();

describe('need-to-know sharing of an officeholder with the security company', () => {
  let officeholderUrl = '';

  it('lets the adviser share the home of an officeholder with the security company', async () => {
    const page = await (await journey.browser.newContext(DESKTOP)).newPage();
    await loginWithEnrolment(page, journey.server.url, 'adviseur@tilburg.demo');
    await page.goto(`${journey.server.url}/ambtsdragers`);
    await page.getByRole('link', { name: 'Karim El Idrissi' }).click();
    await page.getByTestId('officeholder-title').waitFor();
    officeholderUrl = page.url();
    await expect(page.getByTestId('tlp-badge').getAttribute('data-tlp')).resolves.toBe('AMBER');
    await page.getByTestId('grant-add').click();
    await page.getByTestId('grant-form').waitFor();
    const company = page.locator('#grant-granteeOrganisationId option', { hasText: 'Beveiliging Zuid' });
    await page.locator('#grant-granteeOrganisationId').selectOption((await company.getAttribute('value')) ?? '');
    await page.locator('#grant-purpose').selectOption('uitvoering_beveiligingsmaatregel');
    await page.locator('#grant-legalBasis').fill('art. 6 lid 1 sub e AVG; opdracht beveiligingsmaatregel');
    await page.locator('#grant-parts-woning').check();
    await page.locator('#grant-expiresAt').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await expectAccessible(page, 'officeholder grant form');
    await page.getByTestId('grant-submit').click();
    await page.getByTestId('grant-row').first().waitFor();
    await expect(page.getByTestId('grant-status').first().getAttribute('data-status')).resolves.toBe('active');
    await page.context().close();
  });

  it('shows the security company the shared parts only, after asking why', async () => {
    const page = await (
      await journey.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'nl-NL' })
    ).newPage();
    await loginWithEnrolment(page, journey.server.url, 'monteur@beveiliging.demo');
    await page.goto(officeholderUrl);
    await page.getByTestId('access-reason').waitFor();
    await page.locator('#reason-purpose').selectOption('uitvoering_beveiligingsmaatregel');
    await page.getByTestId('access-reason').locator('button[type="submit"]').click();
    await page.getByTestId('shared-officeholder').waitFor();
    const text = (await page.getByTestId('shared-officeholder').textContent()) ?? '';
    expect(text).toContain('Karim El Idrissi');
    expect(text).toContain('Gemeente Tilburg');
    expect(text).toContain('Afgeschermd');
    await expectAccessible(page, 'shared officeholder');
    await page.context().close();
  });
});
