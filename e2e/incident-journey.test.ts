import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { expectAccessible, launchBrowser, snapshot } from './support/browser.js';
import { loginWithEnrolment } from './support/login.js';

let server: RunningServer;
let browser: Browser;
const summary = 'Man bij de voordeur: "we weten waar je woont" <script>alert(1)</script>';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('incident intake, from a phone to the adviser', () => {
  let reference = '';

  it('lets a wethouder enrol TOTP and report an incident on a phone in a few steps', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'nl-NL',
    });
    const page = await context.newPage();
    await loginWithEnrolment(page, server.url, 'wethouder@tilburg.demo');
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
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const page = await context.newPage();
    let alerted = false;
    page.on('dialog', async (dialog) => {
      alerted = true;
      await dialog.dismiss();
    });
    await loginWithEnrolment(page, server.url, 'adviseur@tilburg.demo');
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
