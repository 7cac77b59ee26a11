import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSync } from 'otplib';
import { expectAccessible, snapshot } from './support/browser.js';
import { DESKTOP, PHONE, useJourney } from './support/journey.js';

const journey = useJourney();
const password = 'Weerbaar-demo-2026';
const family = 'Yasmina El Idrissi';

/** Logs in with e-mail and password, enrols TOTP from the secret on the page and lands signed in. */
async function loginWithEnrolment(page: Page, email: string): Promise<void> {
  await page.goto(`${journey.server.url}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel(/^Wachtwoord/).fill(password);
  await page.getByTestId('login-submit').click();
  const secretElement = page.getByTestId('totp-secret');
  await secretElement.waitFor();
  const secret = await secretElement.getAttribute('data-secret');
  await page.getByLabel('Code van 6 cijfers').fill(generateSync({ secret: secret ?? '' }));
  await page.getByTestId('enrol-submit').click();
  await page.getByTestId('logout').waitFor();
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent()) ?? '';

describe('protective intelligence, from incidents to a work order', () => {
  it('lets the adviser see the advice hoog with its reasons, confirm it and find the plan reopened', async () => {
    const context = await journey.browser.newContext(DESKTOP);
    const page = await context.newPage();
    await loginWithEnrolment(page, 'adviseur@tilburg.demo');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Ambtsdragers' }).click();
    await page.getByRole('link', { name: 'Karim El Idrissi' }).click();
    await page.getByTestId('officeholder-incidents').waitFor();
    expect(await page.getByTestId('officeholder-incidents').locator('li').count()).toBe(3);
    await expect(text(page, 'current-level')).resolves.toBe('Nog niet beoordeeld');
    await expectAccessible(page, 'officeholder overview');
    await snapshot(page, 'officeholder-overview');

    // The plan names the security company and holds the family, which must never reach it.
    await page.getByTestId('tab-maatregelen').click();
    await page.getByTestId('plan-settings-form').waitFor();
    await page
      .getByLabel('Uitvoerende organisatie (beveiligingsbedrijf)')
      .selectOption({ label: 'Beveiliging Zuid B.V.' });
    await page.getByLabel(/^Contactpersoon gemeente/).fill('Sanne de Wit');
    await page.getByLabel(/^Telefoon contactpersoon/).fill('013 555 0101');
    await page.getByLabel('Straat').fill('Lindelaan');
    await page.getByLabel('Huisnummer').fill('12');
    await page.getByLabel('Postcode').fill('5038 AB');
    await page.getByLabel('Plaats').fill('Tilburg');
    await page.getByLabel(/^Gezinsleden/).fill(`${family}, partner`);
    await expectAccessible(page, 'plan settings');
    await page.getByTestId('plan-settings-save').click();
    await page.getByTestId('measure-board').waitFor();

    await page.getByTestId('tab-dreiging').click();
    await page.getByTestId('advice-level').waitFor();
    await expect(text(page, 'advice-level')).resolves.toBe('Hoog');
    const reasons = await text(page, 'advice-reasons');
    expect(reasons).toContain('Benadering van de woning');
    expect(reasons).toContain('Frequentie van incidenten');
    expect(reasons).toMatch(/M-\d{4}-[0-9A-F]{8}/);
    await expect(text(page, 'assessment-rule')).resolves.toContain('motivering verplicht');
    await expectAccessible(page, 'threat advice');
    await snapshot(page, 'officeholder-threat');

    // A decision other than the advice needs a reason; the form says so before the server does.
    await page.getByLabel(/^Acuut/).check();
    await page.getByTestId('assessment-submit').click();
    await page.getByTestId('error-summary').waitFor();
    await expect(text(page, 'error-summary')).resolves.toContain('wijkt af van het advies');
    await expectAccessible(page, 'assessment errors');
    await page.getByLabel(/^Hoog \(advies\)/).check();
    await page.getByLabel('Product (Stelsel Bewaken en Beveiligen)').selectOption({ label: 'Dreigingsinschatting' });
    await page.getByLabel('Bevoegd gezag').selectOption({ label: 'Burgemeester' });
    await page.getByTestId('assessment-submit').click();
    await page.getByTestId('assessment-saved').waitFor();
    const saved = await text(page, 'assessment-saved');
    expect(saved).toContain('heropend');
    expect(saved).toMatch(/werkorder/);
    await snapshot(page, 'assessment-saved');

    await page.getByTestId('to-plan').click();
    const proposed = page.getByTestId('column-voorgesteld');
    await proposed.getByTestId('measure-W-CAMERA').waitFor();
    await proposed.getByTestId('measure-W-ALARM-DOORMELDING').waitFor();
    await expect(text(page, 'current-level')).resolves.toBe('Hoog');
    await expectAccessible(page, 'measure board');
    await snapshot(page, 'measure-board');
    await proposed.getByRole('button', { name: 'Besluiten: Cameratoezicht bij de woning' }).click();
    await page.getByTestId('column-besloten').getByTestId('measure-W-CAMERA').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await snapshot(page, 'measure-board-phone');
    await page.getByTestId('tab-overzicht').click();
    await page.getByTestId('threat-history-table').waitFor();
    await page.locator('.wb-chart svg').waitFor();
    await snapshot(page, 'officeholder-overview-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectAccessible(page, 'officeholder overview after assessment');
    await snapshot(page, 'officeholder-overview-assessed');

    await page.getByTestId('tab-scan').click();
    await page.getByTestId('scan-start').click();
    await page.getByTestId('scan-answers').waitFor();
    await expectAccessible(page, 'security scan');
    await snapshot(page, 'security-scan');

    await page.getByRole('link', { name: 'Personen' }).click();
    await page.getByTestId('poi-new').click();
    await page.getByLabel(/^Naam \(zoals bekend\)/).fill('Onbekende man Ringbaan');
    await page.getByTestId('poi-save').click();
    await page.getByTestId('poi-title').waitFor();
    await page.getByLabel('Incident', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Rol').selectOption({ label: 'Vermoedelijke dader' });
    await page.getByRole('button', { name: 'Koppelen' }).click();
    await page.getByTestId('poi-incidents').waitFor();
    await page.getByText('Fixatie en escalatie').waitFor();
    // A photo, so a receptionist can recognise him (a 1×1 PNG stands in for a real photo).
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await page
      .getByLabel('Foto', { exact: true })
      .setInputFiles({ name: 'ringbaan.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Foto toevoegen' }).click();
    await page.getByRole('img', { name: 'Foto van Onbekende man Ringbaan' }).waitFor();
    await expectAccessible(page, 'person of interest');
    await snapshot(page, 'poi-detail');

    await page.getByRole('link', { name: 'Ondersteuning' }).click();
    await page.getByTestId('support-form').waitFor();
    await expectAccessible(page, 'support');

    await page.getByRole('link', { name: 'Dreigingsbeeld' }).click();
    await page.getByTestId('threat-board').waitFor();
    const karim = page.getByTestId('board-row').filter({ hasText: 'Karim El Idrissi' });
    await expect(karim.textContent()).resolves.toContain('Hoog');
    await expect(karim.textContent()).resolves.toContain('Eerste beoordeling');
    await expectAccessible(page, 'threat board');
    // The demo plan of Bram Kuijpers was due for review a month ago: overdue reviews come first.
    const first = page.getByTestId('board-row').first();
    await expect(first.getAttribute('data-overdue')).resolves.toBe('true');
    await expect(first.textContent()).resolves.toContain('Bram Kuijpers');
    await snapshot(page, 'threat-board');
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Threat board' }).waitFor();
    await expect(karim.textContent()).resolves.toContain('High');
    await expectAccessible(page, 'threat board in English');
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Dreigingsbeeld' }).waitFor();

    await page.getByTestId('notification-bell').click();
    await page.getByTestId('task-list').waitFor();
    await expect(text(page, 'task-list')).resolves.toContain('Dreigingsniveau verhoogd naar hoog');
    await page
      .getByRole('button', { name: /^Markeren als gelezen/ })
      .first()
      .click();
    await page.locator('[data-testid=notification][data-read=true]').first().waitFor();
    await expectAccessible(page, 'tasks and messages');
    await snapshot(page, 'inbox');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Dreigingsbeeld' }).click();
    await page.getByTestId('threat-board').waitFor();
    await snapshot(page, 'threat-board-phone');
    await context.close();
  });

  it('shows the security company its work order without the family', async () => {
    const context = await journey.browser.newContext(PHONE);
    const page = await context.newPage();
    await loginWithEnrolment(page, 'monteur@beveiliging.demo');
    await page.getByTestId('work-order-list').waitFor();
    expect(new URL(page.url()).pathname).toBe('/werkorders');
    await expectAccessible(page, 'work orders');
    await snapshot(page, 'work-orders-phone');
    const list = (await page.locator('main').textContent()) ?? '';
    expect(list).toContain('Inbraakalarm met doormelding');
    expect(list).not.toContain(family);
    await page.getByRole('link', { name: 'Openen: Inbraakalarm met doormelding' }).click();
    await page.getByTestId('work-order-detail').waitFor();
    const detail = (await page.locator('main').textContent()) ?? '';
    expect(detail).toContain('Karim El Idrissi');
    expect(detail).not.toContain(family);
    expect(detail).not.toContain('partner');
    expect(detail).not.toContain('Lindelaan');
    await expectAccessible(page, 'work order detail');
    await page.getByLabel('Ingepland').check();
    await page.getByLabel(/^Toelichting bij de voortgang/).fill('Monteur komt dinsdag.');
    await page.getByTestId('progress-submit').click();
    await page.getByText('De voortgang is opgeslagen.').waitFor();
    await snapshot(page, 'work-order-detail-phone');
    await context.close();
  });
});
