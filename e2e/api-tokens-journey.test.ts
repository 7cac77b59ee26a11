import { describe, expect, it } from 'vitest';
import { expectAccessible, snapshot } from './support/browser.js';
import { DESKTOP, useJourney } from './support/journey.js';
import { loginWithEnrolment } from './support/login.js';

const journey = useJourney();

describe('API keys, as the Bibob-coördinator of Tilburg', () => {
  it('creates a key (shown once), uses it on the yente API, and revokes it after a confirmation', async () => {
    const context = await journey.browser.newContext(DESKTOP);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.server.url });
    const page = await context.newPage();
    await loginWithEnrolment(page, journey.server.url, 'bibob@tilburg.demo');
    await page.getByTestId('api-tokens-link').click();
    await page.getByTestId('api-token-form').waitFor();
    // The list loads after the form shows: wait for its empty state rather than test it at once.
    await page.getByText('U heeft nog geen API-sleutels.').waitFor();
    await expect(page.getByTestId('api-token-base-url').textContent()).resolves.toBe(`${journey.server.url}/api/yente`);
    await expectAccessible(page, 'API keys, empty');

    await page.getByTestId('api-token-create').click();
    await expect(page.getByTestId('error-summary').textContent()).resolves.toContain(
      'Vul een naam voor de sleutel in.',
    );
    await page.getByLabel('Naam van de sleutel').fill('Zaaksysteem Bibob');
    await page.getByTestId('api-token-create').click();
    const secretElement = page.getByTestId('api-token-secret');
    await secretElement.waitFor();
    const secret = (await secretElement.textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await page.getByText('hij wordt hierna nooit meer getoond').waitFor();
    await page.getByTestId('api-token-copy').click();
    await page.getByText('De sleutel is gekopieerd.').waitFor();
    // A string: the e2e project is type-checked without the DOM library.
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(secret);
    await expectAccessible(page, 'API keys, secret shown');
    await snapshot(page, 'api-token-created');

    const withKey = { headers: { authorization: `ApiKey ${secret}` } };
    expect((await fetch(`${journey.server.url}/api/yente/catalog`, withKey)).status).toBe(200);
    expect((await fetch(`${journey.server.url}/api/yente/catalog`)).status).toBe(401);

    // The secret is never shown again: a reload lists the key without it.
    await page.reload();
    const row = page.getByTestId('api-token-row');
    await row.first().waitFor();
    await expect(row.count()).resolves.toBe(1);
    await expect(row.first().textContent()).resolves.toContain('Zaaksysteem Bibob');
    await expect(page.getByTestId('api-token-secret').count()).resolves.toBe(0);
    await expect(page.content()).resolves.not.toContain(secret);

    await row.first().getByTestId('api-token-revoke').click();
    await page.getByTestId('api-token-confirm').waitFor();
    await expectAccessible(page, 'API keys, revoke confirmation');
    await page.getByTestId('api-token-revoke-yes').click();
    await page.getByText('Sleutel "Zaaksysteem Bibob" is ingetrokken.').waitFor();
    await expect(row.first().textContent()).resolves.toContain('Ingetrokken');
    expect((await fetch(`${journey.server.url}/api/yente/catalog`, withKey)).status).toBe(401);
    await snapshot(page, 'api-token-revoked');
    await context.close();
  });
});
