// Verifies a stored audit log in one streaming pass: every event is rehashed, sequence numbers
// are checked for gaps and order, the running RFC 9162 root is kept by an accumulator, and the
// roots at the checkpoint sizes are compared with signed checkpoints. A consistency proof
// between the previous and current checkpoint is built from the log during the same pass and
// verified the way an outside auditor would, so a history rewritten and re-signed with the
// log's key still fails against a checkpoint published before.
//
// Memory is O(log n) plus the capped problem list: it does not grow with the log.

import { readCheckpointUnverified, verifyCheckpoint, type Checkpoint } from './checkpoint.js';
import { fromBase64, toHex } from './encoding.js';
import { DEFAULT_FIRST_SEQUENCE, LogScan, ProblemList, type AuditEventSource, type LogProblem } from './log-scan.js';
import { isSameHash, verifyConsistency, type Hash } from './merkle-tree.js';
import { consistencyProofRanges } from './proof-ranges.js';
import { RangeRootCollector } from './streaming-proof.js';

/** Input for verifyLog; checkpoints are signed note texts as createCheckpoint writes them. */
export type LogVerificationInput = {
  readonly events: AuditEventSource;
  readonly checkpoint?: string;
  readonly previousCheckpoint?: string;
  /** Ed25519 public key (PEM) that signs the checkpoints; without it they count as unsigned. */
  readonly publicKey?: string;
  /** Sequence number of the first event (leaf index 0); the app's table starts at 1. */
  readonly firstSequence?: number;
  /** Per-event problems kept in the result (all are counted); default 100. */
  readonly maxProblems?: number;
};

/** Outcome of verifyLog. */
export type LogVerification = {
  readonly isValid: boolean;
  readonly eventCount: number;
  /** Hex RFC 9162 root recomputed over all events read. */
  readonly rootHash: string;
  readonly checkpoint?: Checkpoint;
  readonly problems: readonly LogProblem[];
  /** All problems found, including those beyond maxProblems. */
  readonly problemCount: number;
};

/** Reads a checkpoint, recording why it cannot be trusted; undefined when unreadable. */
function resolveCheckpoint(
  text: string,
  label: string,
  publicKey: string | undefined,
  problems: ProblemList,
): Checkpoint | undefined {
  if (publicKey === undefined) {
    problems.add('unsigned_checkpoint', `${label}: no public key given, so its signature was not checked`);
  } else {
    const verification = verifyCheckpoint(text, publicKey);
    if (verification.isValid) return verification.checkpoint;
    problems.add('bad_signature', `${label} is not trustworthy: ${verification.reason}`);
  }
  try {
    // Still compare an untrusted checkpoint's root, so the report says what else is wrong.
    return readCheckpointUnverified(text);
  } catch (error) {
    problems.add('malformed_checkpoint', `${label} cannot be read: ${(error as Error).message}`);
    return undefined;
  }
}

/** Compares the log's root at a checkpoint's size with the checkpoint's root. */
function checkAgainstCheckpoint(scan: LogScan, checkpoint: Checkpoint, label: string, problems: ProblemList): void {
  const eventCount = scan.accumulator.size;
  if (eventCount < checkpoint.treeSize) {
    problems.add(
      'truncated',
      `the log has ${eventCount} events but the ${label} covers ${checkpoint.treeSize}: events were removed`,
    );
    return;
  }
  const root = scan.rootsAtSize.get(checkpoint.treeSize);
  if (root === undefined || !isSameHash(root, fromBase64(checkpoint.rootHash))) {
    problems.add(
      'root_mismatch',
      `the first ${checkpoint.treeSize} events do not hash to the ${label}'s root: the logged history was altered`,
    );
  }
}

/** Verifies the consistency proof built from the log between the two checkpoints. */
function checkConsistency(
  previous: Checkpoint,
  current: Checkpoint,
  collector: RangeRootCollector | undefined,
  problems: ProblemList,
): void {
  const fail = (why: string): void =>
    problems.add(
      'inconsistent_checkpoints',
      `the previous checkpoint (size ${previous.treeSize}) is not consistent with the current one (size ${current.treeSize}): ${why}`,
    );
  if (previous.origin !== current.origin) return fail(`they belong to different logs`);
  if (previous.treeSize > current.treeSize) return fail('the log shrank');
  let proof: Hash[];
  try {
    proof = collector?.roots() ?? [];
  } catch {
    return; // the log ended early; reported as truncation already
  }
  const oldRoot = fromBase64(previous.rootHash);
  const newRoot = fromBase64(current.rootHash);
  if (!verifyConsistency(previous.treeSize, current.treeSize, oldRoot, newRoot, proof)) {
    fail('the consistency proof fails, so the history before the previous checkpoint was rewritten');
  }
}

function consistencyCollector(previous?: Checkpoint, current?: Checkpoint): RangeRootCollector | undefined {
  if (previous === undefined || current === undefined) return undefined;
  if (previous.treeSize > current.treeSize) return undefined;
  return new RangeRootCollector(consistencyProofRanges(previous.treeSize, current.treeSize));
}

/** Compares the finished scan with whichever checkpoints were given. */
function checkCheckpoints(
  scan: LogScan,
  checkpoints: { previous?: Checkpoint; current?: Checkpoint },
  collector: RangeRootCollector | undefined,
  problems: ProblemList,
): void {
  const { previous, current } = checkpoints;
  if (current !== undefined) checkAgainstCheckpoint(scan, current, 'checkpoint', problems);
  if (previous !== undefined) {
    checkAgainstCheckpoint(scan, previous, 'previous checkpoint', problems);
  }
  if (previous !== undefined && current !== undefined) {
    checkConsistency(previous, current, collector, problems);
  }
}

/** Checks a stored audit log, and optionally its signed checkpoints, in one pass. */
export async function verifyLog(input: LogVerificationInput): Promise<LogVerification> {
  const problems = new ProblemList(input.maxProblems ?? 100);
  const read = (text: string | undefined, label: string): Checkpoint | undefined =>
    text === undefined ? undefined : resolveCheckpoint(text, label, input.publicKey, problems);
  const checkpoints = {
    current: read(input.checkpoint, 'checkpoint'),
    previous: read(input.previousCheckpoint, 'previous checkpoint'),
  };
  const { current, previous } = checkpoints;
  const watchedSizes = new Set([current?.treeSize, previous?.treeSize].filter((n) => n !== undefined));
  const collector = consistencyCollector(previous, current);
  const firstSequence = input.firstSequence ?? DEFAULT_FIRST_SEQUENCE;
  const scan = new LogScan(problems, firstSequence, watchedSizes, collector);
  for await (const stored of input.events) scan.add(stored);
  checkCheckpoints(scan, checkpoints, collector, problems);
  const result = {
    isValid: problems.count === 0,
    eventCount: scan.accumulator.size,
    rootHash: toHex(scan.accumulator.root()),
    problems: problems.kept,
    problemCount: problems.count,
  };
  return current === undefined ? result : { ...result, checkpoint: current };
}
