import { ConfigError, loadConfig } from './config.js';
import { boot } from './boot.js';
import { buildApp } from './app.js';
import { demoLogins, seedDemoData } from './db/seed/demo-seed.js';
import { startJobPoller } from './platform/jobs/job-runner.js';
import { jobHandlers, scheduleDailyJobs } from './platform/jobs/job-handlers.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const { ctx, handle } = await boot(config);
  const seeded = config.seedDemo ? await seedDemoData(ctx) : false;
  const app = await buildApp(ctx);
  await app.listen({ host: config.host, port: config.port });
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  printBanner(url, config.seedDemo, seeded);
  const jobs = startJobPoller(ctx, jobHandlers, { intervalMs: config.jobPollMs, beforeEach: scheduleDailyJobs });
  const stop = async (): Promise<void> => {
    await jobs.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

function printBanner(url: string, isDemo: boolean, seededNow: boolean): void {
  const lines = [``, `Weerbaar draait op ${url}`, `API-documentatie: ${url}/api/docs`];
  if (isDemo) {
    lines.push(seededNow ? `Demodata aangemaakt.` : `Demodata stond er al.`);
    lines.push(`Demo-logins (alleen voor de demo; bij de eerste keer inloggen stelt u tweestapsverificatie in):`);
    for (const login of demoLogins) lines.push(`  ${login.email.padEnd(30)} ${login.password}   ${login.description}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Weerbaar could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
