/**
 * The progress of `import ftm` on standard error: on a terminal one bar redrawn in place (share of
 * the file read, MB/s, entities/s, time left); elsewhere (CI logs, pipes) a plain line every few
 * seconds, so a log shows the import moving without filling up with redraws.
 */

/** Where the display writes: standard error, or what a test passes. */
export type ProgressOutput = { write(text: string): unknown; isTTY?: boolean; columns?: number };

/** How far the import has come. */
export type ProgressSnapshot = {
  /** Entities written so far. */
  entities: number;
  /** Uncompressed bytes read so far: the rate in MB/s, comparable between plain and gzipped files. */
  bytes: number;
  /** Bytes of the file read so far (compressed bytes for gzip) and the file's size (null when unknown): share and ETA. */
  fileBytes: number;
  totalBytes: number | null;
  isGzip: boolean;
  elapsedMs: number;
};

/** A whole number the way every message of the import writes one: 286,614. */
export const formatCount = (n: number): string => Math.round(n).toLocaleString('en');

const megabytes = (bytes: number): string => (bytes / 1e6).toFixed(1);

/** A duration as m:ss (or h:mm:ss). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

type Figures = { share: number | null; rates: string; amount: string; eta: string | null };

function figuresOf(p: ProgressSnapshot): Figures {
  const seconds = Math.max(p.elapsedMs, 1) / 1000;
  const bytesPerSecond = p.fileBytes / seconds;
  const unit = p.isGzip ? 'MB gzip' : 'MB';
  const rates = `${megabytes(p.bytes / seconds)} MB/s, ${formatCount(p.entities / seconds)} entities/s`;
  if (p.totalBytes === null || p.totalBytes <= 0) {
    return { share: null, rates, amount: `${megabytes(p.fileBytes)} ${unit}`, eta: null };
  }
  const share = Math.min(1, p.fileBytes / p.totalBytes);
  const remaining = Math.max(0, p.totalBytes - p.fileBytes);
  return {
    share,
    rates,
    amount: `${megabytes(p.fileBytes)}/${megabytes(p.totalBytes)} ${unit}`,
    eta: bytesPerSecond > 0 ? formatDuration(remaining / bytesPerSecond) : null,
  };
}

const percent = (share: number): string => `${Math.floor(share * 100)}%`.padStart(4);

/**
 * The terminal's bar, fitted to `columns`:
 * `[████░░░░]  45% 120.3/267.0 MB, 25.1 MB/s, 85,021 entities/s, 250,000 entities, ETA 0:12`.
 * For gzip the amounts are compressed MB ("MB gzip"); the rate is always of the uncompressed JSON.
 */
export function barLine(p: ProgressSnapshot, columns: number): string {
  const f = figuresOf(p);
  const text = `${f.amount}, ${f.rates}, ${formatCount(p.entities)} entities${f.eta === null ? '' : `, ETA ${f.eta}`}`;
  if (f.share === null) return text.slice(0, Math.max(columns - 1, 20));
  const tail = `${percent(f.share)} ${text}`;
  const width = Math.max(10, Math.min(40, columns - tail.length - 4));
  const filled = Math.round(f.share * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${tail}`.slice(0, Math.max(columns - 1, 20));
}

/** The plain line for logs: `import ftm: 45% of 267.0 MB read, 250,000 entities, 25.1 MB/s, 85,021 entities/s, ETA 0:12`. */
export function logLine(p: ProgressSnapshot): string {
  const f = figuresOf(p);
  const read =
    f.share === null ? `${f.amount} read` : `${percent(f.share).trim()} of ${f.amount.split('/')[1] ?? ''} read`;
  return `import ftm: ${read}, ${formatCount(p.entities)} entities, ${f.rates}${f.eta === null ? '' : `, ETA ${f.eta}`}\n`;
}

export type DisplayOptions = {
  /** Least time between two redraws on a terminal, and between two log lines elsewhere. */
  terminalIntervalMs?: number;
  logIntervalMs?: number;
};

/** Draws the progress as the import reports it; `message` prints a line (a bad line) without garbling the bar. */
export class ProgressDisplay {
  private lastDrawnAt = 0;
  private isBarShown = false;
  private readonly isTerminal: boolean;
  private readonly intervalMs: number;

  constructor(
    private readonly out: ProgressOutput,
    options: DisplayOptions = {},
  ) {
    this.isTerminal = out.isTTY === true;
    this.intervalMs = this.isTerminal ? (options.terminalIntervalMs ?? 200) : (options.logIntervalMs ?? 10_000);
  }

  /** Draws `p` unless the last drawing is more recent than the interval; `isFinal` draws a terminal's bar regardless. */
  update(p: ProgressSnapshot, isFinal = false): void {
    if (isFinal ? !this.isTerminal : p.elapsedMs - this.lastDrawnAt < this.intervalMs) return;
    this.lastDrawnAt = p.elapsedMs;
    if (!this.isTerminal) {
      this.out.write(logLine(p));
      return;
    }
    this.out.write(`\r${barLine(p, this.out.columns ?? 80)}\x1b[K`);
    this.isBarShown = true;
  }

  message(text: string): void {
    this.out.write(this.isBarShown ? `\r\x1b[K${text}` : text);
    this.isBarShown = false;
  }

  /** Leaves the bar (at its last state) on its own line before the summary. */
  finish(): void {
    if (this.isBarShown) this.out.write('\n');
    this.isBarShown = false;
  }
}
