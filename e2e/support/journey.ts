import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/** A desktop browser window in Dutch. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: 'nl-NL' };
/** A phone with a touch screen, in Dutch. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  locale: 'nl-NL',
};

export type Journey = { readonly server: RunningServer; readonly browser: Browser };

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the ${what} has not started (use it inside a test)`);
  return value;
}

/**
 * Starts the built server (a fresh demo database) and Chromium before a journey file's tests and
 * stops both after them.
 */
export function useJourney(): Journey {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}
