import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const productionKey = `k1:${Buffer.alloc(32, 7).toString('base64')}`;

describe('configuration', () => {
  it('has working defaults for a development start', () => {
    const config = loadConfig({ DATABASE_URL: 'sqlite::memory:' });
    expect(config).toMatchObject({
      env: 'development',
      host: '127.0.0.1',
      port: 3000,
      seedDemo: true,
      sessionIdleMinutes: 15,
      sessionAbsoluteHours: 12,
    });
  });

  it('refuses a production start with insecure defaults, naming every problem', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' });
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/SESSION_SECRET/);
      expect(problems).toMatch(/SEED_DEMO/);
      expect(problems).toMatch(/ENCRYPTION_KEYS/);
    }
  });

  it('never seeds demo accounts in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      SEED_DEMO: 'never',
      ENCRYPTION_KEYS: productionKey,
    });
    expect(config.seedDemo).toBe(false);
  });

  it('names a bad value and its variable', () => {
    expect(() => loadConfig({ PORT: 'zeventig' })).toThrow(/PORT/);
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES/);
  });
});
