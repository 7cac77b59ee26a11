// `npm start`: build what is stale, then run the server (which migrates, seeds demo data on
// an empty database and prints the URL and demo logins).
import { spawnSync } from 'node:child_process';
import { isServerFresh, isWebFresh, paths } from './build-state.mjs';

function run(script) {
  const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit', cwd: paths.root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!isServerFresh()) {
  process.stdout.write('Server bouwen…\n');
  run('build:server');
}
if (!isWebFresh()) {
  process.stdout.write('Webapp bouwen…\n');
  run('build:web');
}
await import(paths.serverEntry);
