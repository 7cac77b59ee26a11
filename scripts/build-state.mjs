// Whether the compiled server and web app are at least as new as their sources, so
// `npm start` and the CLI rebuild only when something changed.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function newestMtime(dir) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

function mtime(file) {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
}

export const paths = {
  root,
  serverEntry: path.join(root, 'dist/server/main.js'),
  cliEntry: path.join(root, 'dist/server/cli.js'),
  webIndex: path.join(root, 'dist/web/index.html'),
};

export function isServerFresh() {
  const built = mtime(paths.cliEntry);
  return built > 0 && built >= newestMtime(path.join(root, 'server/src'));
}

export function isWebFresh() {
  const built = mtime(paths.webIndex);
  return built > 0 && built >= newestMtime(path.join(root, 'web'));
}
