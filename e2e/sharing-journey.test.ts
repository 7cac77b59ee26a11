import { describe, expect, it } from 'vitest';
import { expectAccessible, snapshot } from './support/browser.js';
import { DESKTOP, useJourney } from './support/journey.js';
import { loginWithEnrolment } from './support/login.js';

const journey = useJourney();

describe('need-to-know sharing, from the adviser to the RIEC and back to the DPO', () => {
  let incidentUrl = '';
  let incidentId = '';

  it('lets the adviser share the core and details of an incident with the RIEC', async () => {
    const page = await (await journey.browser.newContext(DESKTOP)).newPage();
    await loginWithEnrolment(page, journey.server.url, 'adviseur@tilburg.demo');
    await page.getByTestId('incident-link').first().click();
    await page.getByTestId('incident-title').waitFor();
    incidentUrl = page.url();
    incidentId = incidentUrl.split('/').pop() ?? '';
    await page.getByTestId('grant-add').click();
    await page.getByTestId('grant-form').waitFor();
    const riec = page.locator('#grant-granteeOrganisationId option', { hasText: 'RIEC Zeeland-West-Brabant' });
    await page.locator('#grant-granteeOrganisationId').selectOption((await riec.getAttribute('value')) ?? '');
    await page.locator('#grant-purpose').selectOption('riec_casus');
    await page.locator('#grant-legalBasis').fill('art. 6 lid 1 sub e AVG; RIEC-convenant');
    await page.locator('#grant-parts-details').check();
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('#grant-expiresAt').fill(inAMonth);
    await expectAccessible(page, 'grant form');
    await snapshot(page, 'grant-form');
    await page.getByTestId('grant-submit').click();
    await page.getByTestId('grant-row').first().waitFor();
    await expect(page.getByTestId('grant-status').first().getAttribute('data-status')).resolves.toBe('active');
    await page.context().close();
  });

  it('shows the RIEC analyst only the shared parts, after asking why', async () => {
    const page = await (
      await journey.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'nl-NL' })
    ).newPage();
    await loginWithEnrolment(page, journey.server.url, 'analist@riec.demo');
    await page.goto(incidentUrl);
    await page.getByTestId('access-reason').waitFor();
    await expectAccessible(page, 'access reason');
    await page.locator('#reason-purpose').selectOption('riec_casus');
    await page.getByRole('button', { name: 'Dossier openen' }).click();
    await page.getByTestId('shared-notice').waitFor();
    await expect(page.getByTestId('shared-notice').textContent()).resolves.toContain('Gemeente Tilburg');
    await expect(page.getByText('Afgeschermd').first().isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'shared incident');
    await snapshot(page, 'shared-incident-phone');
    await page.context().close();
  });

  it('lets the DPO of the owner see that the RIEC opened it, and why', async () => {
    const page = await (await journey.browser.newContext(DESKTOP)).newPage();
    await loginWithEnrolment(page, journey.server.url, 'fg@tilburg.demo');
    await page.goto(`${journey.server.url}/fg/audit?objectType=incident&objectId=${incidentId}&action=incident.read`);
    await page.getByTestId('audit-table').waitFor();
    const rows = page.getByTestId('audit-row');
    await expect(rows.count()).resolves.toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('audit-table').textContent()).resolves.toContain('RIEC Zeeland-West-Brabant');
    await expectAccessible(page, 'access log');
    await snapshot(page, 'access-log');
    await page.context().close();
  });
});
