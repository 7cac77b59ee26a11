import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { generateSync } from 'otplib';
import { expectAccessible, snapshot } from './browser.js';

export const demoPassword = 'Weerbaar-demo-2026';

/** Logs a demo account in for the first time: password, then TOTP enrolment from the page's secret. */
export async function loginWithEnrolment(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await expectAccessible(page, 'login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel(/^Wachtwoord/).fill(demoPassword);
  await page.getByTestId('login-submit').click();
  const secretElement = page.getByTestId('totp-secret');
  await secretElement.waitFor();
  await expectAccessible(page, 'TOTP enrolment');
  await snapshot(page, `enrol-${email}`);
  const secret = await secretElement.getAttribute('data-secret');
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  await page.getByLabel('Code van 6 cijfers').fill(generateSync({ secret: secret ?? '' }));
  await page.getByTestId('enrol-submit').click();
  await page.getByTestId('logout').waitFor();
}
