/** Plain-text tables of benchmark results for stdout. */
import type { BenchmarkResult, PeerResult, TargetCheck } from './results.js';

interface Column {
  title: string;
  value: (peer: PeerResult) => string | undefined;
}

const fixed = (n: number | undefined, digits: number): string | undefined =>
  n === undefined ? undefined : n.toFixed(digits);

const COLUMNS: Column[] = [
  { title: 'peer', value: (p) => p.peer },
  { title: 'what', value: (p) => p.what },
  { title: 'p50 ms', value: (p) => fixed(p.latency?.p50Ms, 3) },
  { title: 'p99 ms', value: (p) => fixed(p.latency?.p99Ms, 3) },
  { title: 'q/s', value: (p) => fixed(p.latency?.throughputQps, 0) },
  { title: 'queries', value: (p) => fixed(p.latency?.queries, 0) },
  { title: 'build ms', value: (p) => fixed(p.buildMs, 0) },
  { title: 'mem MB', value: (p) => fixed(p.memoryMb, 1) },
  { title: 'recall@10', value: (p) => fixed(p.recallAt10, 3) },
  { title: 'precision', value: (p) => fixed(p.precision, 3) },
  { title: 'W recall same q', value: (p) => fixed(p.weerbaarRecallSameQueries, 3) },
  {
    title: 'W faster p50',
    value: (p) => (p.weerbaarSpeedupP50 === undefined ? undefined : `${fixed(p.weerbaarSpeedupP50, 1)}x`),
  },
  { title: 'same answers', value: (p) => (p.answersAgree === undefined ? undefined : p.answersAgree ? 'yes' : 'NO') },
  { title: 'status', value: (p) => (p.status === 'ok' ? 'ok' : `${p.status}: ${p.message ?? ''}`) },
];

/** Left-aligned text table; columns with no value in any row are left out. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function peerTable(peers: PeerResult[]): string {
  const used = COLUMNS.filter((c) => peers.some((p) => c.value(p) !== undefined));
  return table(
    used.map((c) => c.title),
    peers.map((p) => used.map((c) => c.value(p) ?? '')),
  );
}

function mark(check: TargetCheck): string {
  if (check.pass === null) return 'n/a';
  const word = check.pass ? 'PASS' : 'MISS';
  return check.atScale ? word : `${word.toLowerCase()} (below target size)`;
}

function extras(peers: PeerResult[]): string[] {
  const seen = new Set<string>();
  return peers
    .filter((p) => (p.extra || p.memoryNote) && !seen.has(p.peer) && seen.add(p.peer))
    .map((p) => {
      const extra = Object.entries(p.extra ?? {}).map(([k, v]) => `${k}=${v}`);
      return `  ${p.peer}: ${[p.memoryNote ? `memory = ${p.memoryNote}` : '', ...extra].filter(Boolean).join('; ')}`;
    });
}

/** One benchmark as text: peers, targets, notes and failures. */
export function formatBenchmark(result: BenchmarkResult): string {
  const size = Object.entries(result.size)
    .map(([k, v]) => `${k}=${v.toLocaleString('en')}`)
    .join(', ');
  const parts = [`\n== ${result.name}: ${result.title} (${size})`, peerTable(result.peers)];
  const details = extras(result.peers);
  if (details.length) parts.push(['details:', ...details].join('\n'));
  if (result.checks.length)
    parts.push(
      table(
        ['target (issue 4)', 'measured', 'result'],
        result.checks.map((c) => [c.target, c.measured, mark(c)]),
      ),
    );
  parts.push(...result.notes.map((n) => `note: ${n}`));
  parts.push(...result.failures.map((f) => `FAILURE: ${f}`));
  return parts.join('\n');
}
