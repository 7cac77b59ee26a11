import { describe, expect, it } from 'vitest';
import { expectAccessible, snapshot } from './support/browser.js';
import { DESKTOP, PHONE, useJourney } from './support/journey.js';
import { loginWithEnrolment } from './support/login.js';

const journey = useJourney();
const summary = 'Man bij de voordeur: "we weten waar je woont" <script>alert(1)</script>';

describe('incident intake, from a phone to the adviser', () => {
  let reference = '';

  it('lets a wethouder enrol TOTP and report an incident on a phone in a few steps', async () => {
    const context = await journey.browser.newContext(PHONE);
    const page = await context.newPage();
    await loginWithEnrolment(page, journey.server.url, 'wethouder@tilburg.demo');
    await expectAccessible(page, 'my incidents');
    await page.getByTestId('report-incident').click();
    const form = page.getByTestId('quick-report-form');
    await form.waitFor();
    await expectAccessible(page, 'quick report');
    await page.getByTestId('quick-report-submit').click();
    await expect(page.getByTestId('error-summary').isVisible()).resolves.toBe(true);
    await page.getByLabel('Wat is er gebeurd?').fill(summary);
    await page.getByLabel('Aan huis').check();
    await page.getByLabel('Bedreiging/intimidatie').check();
    await page.getByLabel('4 – Ernstig').check();
    await snapshot(page, 'quick-report-phone');
    await page.getByTestId('quick-report-submit').click();
    await page.getByTestId('report-confirmation').waitFor();
    reference = (await page.getByTestId('incident-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^M-\d{4}-[0-9A-F]{8}$/);
    await expectAccessible(page, 'report confirmation');
    await snapshot(page, 'report-confirmation-phone');
    await context.close();
  });

  it('shows the report in the adviser’s list and opens it, with markup shown as text', async () => {
    const context = await journey.browser.newContext(DESKTOP);
    const page = await context.newPage();
    let alerted = false;
    page.on('dialog', async (dialog) => {
      alerted = true;
      await dialog.dismiss();
    });
    await loginWithEnrolment(page, journey.server.url, 'adviseur@tilburg.demo');
    await page.getByTestId('incident-table').waitFor();
    await expectAccessible(page, 'incident list');
    await snapshot(page, 'incident-list');
    await page.getByRole('link', { name: reference }).click();
    await page.getByTestId('incident-title').waitFor();
    await expect(page.getByTestId('incident-title').textContent()).resolves.toContain(reference);
    await expect(page.getByText(summary).first().isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'incident detail');
    await snapshot(page, 'incident-detail');
    expect(alerted).toBe(false);
    await context.close();
  });
});
