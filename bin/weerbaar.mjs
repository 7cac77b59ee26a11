#!/usr/bin/env node
// The `weerbaar` command: runs the compiled CLI, building it first when the sources are newer.
import { spawnSync } from 'node:child_process';
import { isServerFresh, paths } from '../scripts/build-state.mjs';

if (!isServerFresh()) {
  const result = spawnSync('npm', ['run', '--silent', 'build:server'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    cwd: paths.root,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import(paths.cliEntry);
