// The per-event half of log verification: rehash each event, check its sequence number and
// feed the running tree. Kept apart from the checkpoint checks so each stays small.

import { leafHashOfEvent, type JsonObject } from './canonical.js';
import { toHex } from './encoding.js';
import { MerkleAccumulator } from './merkle-accumulator.js';
import { emptyTreeRoot, type Hash } from './merkle-tree.js';
import type { RangeRootCollector } from './streaming-proof.js';

/** One row of the audit log as stored: its sequence number, stored leaf hash (hex) and event. */
export type StoredAuditEvent = {
  readonly sequence: number;
  readonly leafHash: string;
  readonly event: JsonObject;
};

/** Events in stored order, from an array, a generator or a database cursor. */
export type AuditEventSource = Iterable<StoredAuditEvent> | AsyncIterable<StoredAuditEvent>;

/** What kind of tampering or defect a problem points at. */
export type LogProblemKind =
  | 'leaf_hash_mismatch'
  | 'sequence_gap'
  | 'sequence_out_of_order'
  | 'malformed_event'
  | 'truncated'
  | 'root_mismatch'
  | 'malformed_checkpoint'
  | 'bad_signature'
  | 'unsigned_checkpoint'
  | 'inconsistent_checkpoints';

/** One finding, with a message fit for an auditor's report. */
export type LogProblem = {
  readonly kind: LogProblemKind;
  readonly message: string;
  readonly sequence?: number;
};

/** Default sequence number of the first event, matching the audit_events table. */
export const DEFAULT_FIRST_SEQUENCE = 1;

/** Findings so far. Per-event findings are capped (a corrupted million-row log must not make a
 * million-entry report); findings about the log as a whole are always kept. */
export class ProblemList {
  readonly kept: LogProblem[] = [];
  count = 0;
  #eventProblemsKept = 0;
  constructor(private readonly eventProblemLimit: number) {}

  /** Records a finding about the log as a whole (never dropped). */
  add(kind: LogProblemKind, message: string): void {
    this.count += 1;
    this.kept.push({ kind, message });
  }

  /** Records a finding about one event (kept up to the limit, always counted). */
  addForEvent(kind: LogProblemKind, message: string, sequence: number): void {
    this.count += 1;
    if (this.#eventProblemsKept >= this.eventProblemLimit) return;
    this.#eventProblemsKept += 1;
    this.kept.push(Number.isSafeInteger(sequence) ? { kind, message, sequence } : { kind, message });
  }
}

/** Streaming state of one verification pass. */
export class LogScan {
  readonly accumulator = new MerkleAccumulator();
  readonly rootsAtSize = new Map<number, Hash>();
  #previousSequence: number;

  constructor(
    private readonly problems: ProblemList,
    firstSequence: number,
    private readonly watchedSizes: ReadonlySet<number>,
    private readonly collector: RangeRootCollector | undefined,
  ) {
    this.#previousSequence = firstSequence - 1;
    if (watchedSizes.has(0)) this.rootsAtSize.set(0, emptyTreeRoot());
  }

  /** Checks one stored event and adds its recomputed leaf to the tree. */
  add(stored: StoredAuditEvent): void {
    const leaf = this.#leafOf(stored);
    this.#checkSequence(stored.sequence);
    const index = this.accumulator.size;
    this.collector?.add(index, leaf);
    this.accumulator.append(leaf);
    if (this.watchedSizes.has(index + 1)) this.rootsAtSize.set(index + 1, this.accumulator.root());
  }

  /** The leaf recomputed from the event, which is what the tree must commit to. */
  #leafOf(stored: StoredAuditEvent): Hash {
    const { sequence, leafHash, event } = stored;
    let leaf: Hash;
    try {
      leaf = leafHashOfEvent(event);
    } catch (error) {
      this.problems.addForEvent(
        'malformed_event',
        `event ${sequence} cannot be hashed: ${(error as Error).message}`,
        sequence,
      );
      // A placeholder keeps later leaves at their positions; the root check fails regardless.
      return emptyTreeRoot();
    }
    const recomputed = toHex(leaf);
    if (recomputed !== leafHash) {
      this.problems.addForEvent(
        'leaf_hash_mismatch',
        `event ${sequence} (or its stored hash) was changed after it was logged: stored leaf hash ${leafHash}, content hashes to ${recomputed}`,
        sequence,
      );
    }
    return leaf;
  }

  /** Each sequence number must be the previous one plus one. */
  #checkSequence(sequence: number): void {
    const previous = this.#previousSequence;
    // Compared with the previous row rather than a running maximum, so one event moved far
    // away yields two findings instead of one for every event in between.
    if (!Number.isSafeInteger(sequence)) {
      this.problems.addForEvent('malformed_event', `event after ${previous} has no whole sequence number`, sequence);
      return;
    }
    if (sequence > previous + 1) {
      const missing =
        sequence === previous + 2 ? `event ${previous + 1} was` : `events ${previous + 1} to ${sequence - 1} were`;
      this.problems.addForEvent(
        'sequence_gap',
        `the log skips from ${previous} to ${sequence}: ${missing} deleted or moved`,
        sequence,
      );
    } else if (sequence <= previous) {
      this.problems.addForEvent(
        'sequence_out_of_order',
        `event ${sequence} comes after ${previous}: the log was reordered or an event duplicated`,
        sequence,
      );
    }
    this.#previousSequence = sequence;
  }
}
