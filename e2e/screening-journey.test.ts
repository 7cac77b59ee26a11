import { describe, expect, it } from 'vitest';
import { expectAccessible, snapshot } from './support/browser.js';
import { DESKTOP, useJourney } from './support/journey.js';
import { loginWithEnrolment } from './support/login.js';

const journey = useJourney();

describe('screening an applicant, as the Bibob-coördinator of Tilburg', () => {
  it('screens the demo applicant, sees the true match on top, the path through the straw man, and records a decision', async () => {
    const context = await journey.browser.newContext(DESKTOP);
    const page = await context.newPage();
    await loginWithEnrolment(page, journey.server.url, 'bibob@tilburg.demo');
    await page.getByTestId('screening-form').waitFor();
    await expectAccessible(page, 'screening form');
    await page.getByTestId('screening-submit').click();
    await expect(page.getByTestId('error-summary').isVisible()).resolves.toBe(true);
    await page.getByTestId('screening-name').fill('J. v.d. Berg');
    await page.getByTestId('screening-birthdate').fill('3-4-1979');
    await page.getByTestId('screening-address').fill('Kerkstraat 12 Tilburg');
    await page.getByTestId('screening-purpose').fill('Bibob-toets exploitatievergunning horeca');
    await snapshot(page, 'screening-form');
    await page.getByTestId('screening-submit').click();

    await page.getByTestId('screening-candidates').waitFor();
    const top = page.getByTestId('screening-candidate').first();
    await expect(top.getAttribute('data-entity-id')).resolves.toBe('demo-person-johannes-van-den-berg');
    await expect(top.getByRole('heading').textContent()).resolves.toContain('Johannes van den Berg');
    await expect(top.getByTestId('candidate-explanation').textContent()).resolves.toMatch(/Geboortedatum/);
    await page.getByTestId('screening-network').locator('canvas').first().waitFor();
    const steps = await page.getByTestId('screening-path-step').allTextContents();
    expect(steps.join(' ')).toContain('Kevin de Vries');
    expect(steps.join(' ')).toContain('Zuidwest Havenhandel B.V.');
    await expect(page.locator('[data-code="straw_man"]').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page, 'screening result');
    await snapshot(page, 'screening-result');

    await top.getByLabel('Zelfde persoon').check();
    await top.getByLabel('Toelichting bij het besluit').fill('Geboortedatum en adres kloppen');
    await top.getByTestId('decision-submit').click();
    await top.getByTestId('candidate-current-decision').waitFor();
    await expect(top.getByTestId('candidate-current-decision').textContent()).resolves.toContain('Zelfde persoon');

    await page.getByLabel('Bibob-advies vragen (LBB)').check();
    await page.getByLabel('Onderbouwing').fill('Zakenpartner is een stroman van een bedrijf met witwassignalen.');
    await page.getByTestId('conclusion-submit').click();
    await page.getByText('De conclusie is vastgelegd.').waitFor();
    await expectAccessible(page, 'screening with decision and conclusion');
    await snapshot(page, 'screening-decided');

    // A revised conclusion becomes the current one; the earlier one stays in the history.
    await page.getByLabel('Nader onderzoek').check();
    await page.getByLabel('Onderbouwing').fill('Eerst de KvK-historie van de stroman opvragen.');
    await page.getByTestId('conclusion-submit').click();
    await page.getByTestId('conclusion-history-row').first().waitFor();
    await expect(page.getByTestId('conclusion-history').textContent()).resolves.toContain('Bibob-advies vragen');

    // Marked TLP:RED, the screening opens only after the reader has said why.
    await page.getByTestId('screening-sharing').waitFor();
    await page.getByLabel('TLP:RED').check();
    await page.getByTestId('tlp-submit').click();
    // The page reads the screening again at once, and so does a reload.
    await page.getByTestId('access-reason').waitFor();
    await page.reload();
    await page.getByTestId('access-reason').waitFor();
    await expectAccessible(page, 'screening access reason');
    await page.getByLabel('Doel').selectOption('bibob_onderzoek');
    await page.getByRole('button', { name: 'Dossier openen' }).click();
    await page.getByTestId('screening-conclusion').waitFor();
    await expect(page.getByTestId('screening-conclusion').textContent()).resolves.toContain('Nader onderzoek');

    await page.getByRole('link', { name: 'Terug naar screening' }).click();
    await page.getByTestId('screening-list').waitFor();
    // The list may first show its cached rows and then the refreshed ones: wait for the conclusion.
    await page.getByTestId('screening-list').getByText('Nader onderzoek').first().waitFor();
    await expectAccessible(page, 'screening list');
    await snapshot(page, 'screening-list');
    await context.close();
  });
});
