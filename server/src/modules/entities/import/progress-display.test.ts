import { describe, expect, it } from 'vitest';
import {
  barLine,
  formatCount,
  formatDuration,
  logLine,
  ProgressDisplay,
  type ProgressOutput,
  type ProgressSnapshot,
} from './progress-display.js';

const at = (elapsedMs: number, fileBytes: number, extra: Partial<ProgressSnapshot> = {}): ProgressSnapshot => ({
  entities: Math.round(fileBytes / 200),
  bytes: fileBytes,
  fileBytes,
  totalBytes: 200_000_000,
  isGzip: false,
  elapsedMs,
  ...extra,
});

const output = (isTTY: boolean, columns?: number): ProgressOutput & { text: string } => ({
  text: '',
  isTTY,
  ...(columns ? { columns } : {}),
  write(chunk: string) {
    this.text += chunk;
    return true;
  },
});

describe('import progress figures', () => {
  it('formats counts and durations', () => {
    expect(formatCount(86483)).toBe('86,483');
    expect(formatCount(1234567.6)).toBe('1,234,568');
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75.4)).toBe('1:15');
    expect(formatDuration(3_725)).toBe('1:02:05');
  });

  it('draws a bar with share, amount, both rates and the time left, fitted to the terminal', () => {
    // 90 MB of 200 MB in 10 s: 9 MB/s, 45,000 entities/s, 110 MB left = 12 s.
    const line = barLine(at(10_000, 90_000_000), 120);
    expect(line).toMatch(
      /^\[█+░+\] {2}45% 90\.0\/200\.0 MB, 9\.0 MB\/s, 45,000 entities\/s, 450,000 entities, ETA 0:12$/,
    );
    expect(line.length).toBeLessThan(120);
    const filled = (line.match(/█/g) ?? []).length;
    const width = filled + (line.match(/░/g) ?? []).length;
    expect(filled / width).toBeCloseTo(0.45, 1);
    expect(barLine(at(10_000, 90_000_000), 60).length).toBeLessThan(60);
  });

  it('says gzip when the bytes are compressed ones and leaves out share and ETA when the size is unknown', () => {
    // The amounts are compressed bytes (against the file's size); the rate is of the JSON inside.
    expect(barLine(at(1_000, 5_000_000, { isGzip: true, bytes: 40_000_000 }), 200)).toContain(
      '5.0/200.0 MB gzip, 40.0 MB/s, 25,000 entities/s',
    );
    const unknown = barLine(at(1_000, 5_000_000, { totalBytes: null }), 200);
    expect(unknown).not.toMatch(/%|ETA|\[/);
    expect(unknown).toContain('5.0 MB, 5.0 MB/s');
  });

  it('writes a plain line for logs', () => {
    expect(logLine(at(10_000, 90_000_000))).toBe(
      'import ftm: 45% of 200.0 MB read, 450,000 entities, 9.0 MB/s, 45,000 entities/s, ETA 0:12\n',
    );
  });
});

describe('ProgressDisplay', () => {
  it('on a terminal redraws one line in place, keeps bad lines readable and ends with a newline', () => {
    const out = output(true, 100);
    const display = new ProgressDisplay(out, { terminalIntervalMs: 200 });
    display.update(at(100, 1_000_000)); // too soon after the start
    expect(out.text).toBe('');
    display.update(at(300, 2_000_000));
    display.update(at(400, 3_000_000)); // within the interval: skipped
    display.message('line 7: bad\n');
    display.update(at(600, 4_000_000));
    display.update(at(650, 200_000_000), true);
    display.finish();
    // "<EL>" stands for the escape sequence that erases the rest of the line.
    const draws = out.text.replaceAll('\x1b[K', '<EL>').split('\r').filter(Boolean);
    expect(draws[0]).toMatch(/^\[.*\] {3}1% 2\.0\/200\.0 MB.*<EL>$/);
    expect(draws[1]).toBe('<EL>line 7: bad\n');
    expect(draws[2]).toMatch(/^\[.*\] {3}2% 4\.0\/200\.0 MB/);
    expect(draws[3]).toMatch(/^\[█+\] 100% 200\.0\/200\.0 MB.*ETA 0:00<EL>\n$/);
  });

  it('elsewhere writes a plain line now and then, never a carriage return', () => {
    const out = output(false);
    const display = new ProgressDisplay(out, { logIntervalMs: 1_000 });
    for (let ms = 0; ms <= 3_500; ms += 250) display.update(at(ms, ms * 10_000));
    display.message('line 3: bad\n');
    display.update(at(3_600, 200_000_000), true);
    display.finish();
    expect(out.text).not.toContain('\r');
    expect(out.text.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^import ftm: 5% of 200\.0 MB read/),
      expect.stringMatching(/^import ftm: 10% of/),
      expect.stringMatching(/^import ftm: 15% of/),
      'line 3: bad',
    ]);
  });
});
