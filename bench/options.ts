/** Command-line options of `npm run bench`. */
export const BENCHMARKS = ['B1', 'B2', 'B3', 'B4'] as const;
export type BenchmarkName = (typeof BENCHMARKS)[number];
/** `nl`: B2 on a national-scale graph (~17.5M nodes / 25M edges), no peers; not for CI. */
export const SCALES = ['default', 'nl'] as const;
export type BenchScale = (typeof SCALES)[number];

export interface BenchOptions {
  persons: number;
  nodes: number;
  edgesPerNode: number;
  queries: number;
  seed: number;
  smoke: boolean;
  only: BenchmarkName[];
  out: string | null;
  /** Most wall time a slow peer may spend on its timed queries. */
  peerBudgetMs: number;
  databaseUrl: string;
  /** B2 only: `nl` replaces the --nodes graph with the national-scale one. */
  scale: BenchScale;
}

const USAGE =
  'usage: npm run bench -- [--persons N] [--nodes N] [--queries N] [--seed N] [--smoke] ' +
  '[--only B1,B2,B3,B4] [--out results.json] [--peer-budget-s N] [--database-url URL] [--scale nl]';

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a whole number above 0\n${USAGE}`);
  return n;
}

function benchmarks(value: string | undefined): BenchmarkName[] {
  const names = (value ?? '').split(',').map((name) => name.trim().toUpperCase());
  const unknown = names.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) throw new Error(`--only takes ${BENCHMARKS.join(',')}\n${USAGE}`);
  return names as BenchmarkName[];
}

function scale(value: string | undefined): BenchScale {
  const found = SCALES.find((name) => name === value);
  if (!found) throw new Error(`--scale takes ${SCALES.join(' or ')}\n${USAGE}`);
  return found;
}

/** Parses argv (without node and script); the smoke run shrinks the sizes CI can afford. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const smoke = argv.includes('--smoke');
  const options: BenchOptions = {
    persons: smoke ? 2_000 : 1_000_000,
    nodes: smoke ? 5_000 : 1_000_000,
    edgesPerNode: 4,
    queries: smoke ? 300 : 2_000,
    seed: 1,
    smoke,
    only: [...BENCHMARKS],
    out: null,
    peerBudgetMs: smoke ? 10_000 : 60_000,
    databaseUrl: 'postgres://postgres@127.0.0.1:5432/weerbaar_bench',
    scale: 'default',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--smoke') continue;
    i++;
    if (flag === '--persons') options.persons = positive(flag, value);
    else if (flag === '--nodes') options.nodes = positive(flag, value);
    else if (flag === '--queries') options.queries = positive(flag, value);
    else if (flag === '--seed') options.seed = positive(flag, value);
    else if (flag === '--only') options.only = benchmarks(value);
    else if (flag === '--peer-budget-s') options.peerBudgetMs = positive(flag, value) * 1000;
    else if (flag === '--database-url' && value) options.databaseUrl = value;
    else if (flag === '--out' && value) options.out = value;
    else if (flag === '--scale') options.scale = scale(value);
    else throw new Error(`unknown option ${flag ?? ''}\n${USAGE}`);
  }
  return options;
}
