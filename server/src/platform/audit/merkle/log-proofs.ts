// Proofs a third party can check without the log: that an event is in the log at a signed
// checkpoint (inclusion), and that a later checkpoint extends an earlier one (consistency).
// Both are built in one streaming pass that stops as soon as the needed prefix is read.

import {
  readCheckpointUnverified,
  verifyCheckpoint,
  type Checkpoint,
  type CheckpointVerification,
} from './checkpoint.js';
import { leafHashOfEvent, type JsonObject } from './canonical.js';
import { fromBase64, fromHex, toHex } from './encoding.js';
import { MerkleAccumulator } from './merkle-accumulator.js';
import { isSameHash, verifyConsistency, verifyInclusion, type Hash } from './merkle-tree.js';
import { consistencyProofRanges, inclusionProofRanges } from './proof-ranges.js';
import { RangeRootCollector } from './streaming-proof.js';
import { DEFAULT_FIRST_SEQUENCE, type AuditEventSource } from './log-scan.js';

/** Everything needed to show, to someone holding only the public key, that an event was logged. */
export type InclusionProofBundle = {
  /** Signed checkpoint text the proof leads to. */
  readonly checkpoint: string;
  readonly sequence: number;
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly event: JsonObject;
  /** Hex leaf hash of the event. */
  readonly leafHash: string;
  /** Hex audit path, leaf sibling first. */
  readonly auditPath: readonly string[];
};

/** A consistency proof between two tree sizes, hashes in hex. */
export type ConsistencyProofBundle = {
  readonly oldSize: number;
  readonly newSize: number;
  readonly oldRootHash: string;
  readonly newRootHash: string;
  readonly proof: readonly string[];
};

/** Outcome of checking a proof bundle. */
export type ProofVerification = { readonly isValid: true } | { readonly isValid: false; readonly reason: string };

type ProofOptions = { readonly firstSequence?: number };

/**
 * Reads leaf hashes (recomputed from the events) for the first `size` events, feeding each to
 * `onLeaf`; throws when sequence numbers are not contiguous or the log is too short.
 */
async function scanPrefix(
  events: AuditEventSource,
  size: number,
  firstSequence: number,
  onLeaf: (index: number, leaf: Hash, event: JsonObject) => void,
): Promise<Hash> {
  const accumulator = new MerkleAccumulator();
  if (size === 0) return accumulator.root();
  for await (const stored of events) {
    const index = accumulator.size;
    if (stored.sequence !== firstSequence + index) {
      throw new Error(`event ${stored.sequence} found where ${firstSequence + index} belongs; verify the log first`);
    }
    const leaf = leafHashOfEvent(stored.event);
    onLeaf(index, leaf, stored.event);
    accumulator.append(leaf);
    // Leaving the loop early closes the iterator, so a database cursor is released.
    if (accumulator.size === size) break;
  }
  if (accumulator.size < size) {
    throw new Error(`the log has only ${accumulator.size} events, fewer than ${size}`);
  }
  return accumulator.root();
}

/** Builds an inclusion proof for the event with `sequence` up to a signed checkpoint of this log. */
export async function proveInclusion(
  events: AuditEventSource,
  sequence: number,
  checkpointText: string,
  options: ProofOptions = {},
): Promise<InclusionProofBundle> {
  const checkpoint = readCheckpointUnverified(checkpointText);
  const firstSequence = options.firstSequence ?? DEFAULT_FIRST_SEQUENCE;
  const leafIndex = sequence - firstSequence;
  const collector = new RangeRootCollector(inclusionProofRanges(leafIndex, checkpoint.treeSize));
  let found: { leaf: Hash; event: JsonObject } | undefined;
  const root = await scanPrefix(events, checkpoint.treeSize, firstSequence, (index, leaf, event) => {
    collector.add(index, leaf);
    if (index === leafIndex) found = { leaf, event };
  });
  assertRootMatches(root, checkpoint);
  if (found === undefined) throw new Error(`event ${sequence} was not found`);
  return {
    checkpoint: checkpointText,
    sequence,
    leafIndex,
    treeSize: checkpoint.treeSize,
    event: found.event,
    leafHash: toHex(found.leaf),
    auditPath: collector.roots().map(toHex),
  };
}

function assertRootMatches(root: Hash, checkpoint: Checkpoint): void {
  // A proof towards a root the log does not have would only mislead; refuse to make one.
  if (!isSameHash(root, fromBase64(checkpoint.rootHash))) {
    throw new Error(`the log does not match the checkpoint at size ${checkpoint.treeSize}; verify the log`);
  }
}

/** Builds a consistency proof that the log at `newSize` extends the log at `oldSize`. */
export async function proveConsistency(
  events: AuditEventSource,
  oldSize: number,
  newSize: number,
  options: ProofOptions = {},
): Promise<ConsistencyProofBundle> {
  const collector = new RangeRootCollector(consistencyProofRanges(oldSize, newSize));
  const oldRoot = new MerkleAccumulator();
  const newRoot = await scanPrefix(events, newSize, options.firstSequence ?? DEFAULT_FIRST_SEQUENCE, (index, leaf) => {
    collector.add(index, leaf);
    if (index < oldSize) oldRoot.append(leaf);
  });
  return {
    oldSize,
    newSize,
    oldRootHash: toHex(oldRoot.root()),
    newRootHash: toHex(newRoot),
    proof: collector.roots().map(toHex),
  };
}

function decodeHashes(hexes: readonly string[]): Hash[] | undefined {
  try {
    return hexes.map(fromHex);
  } catch {
    return undefined;
  }
}

/** Checks an inclusion bundle using only the log's public key (and, optionally, its origin). */
export function verifyInclusionBundle(
  bundle: InclusionProofBundle,
  publicKeyPem: string,
  expected: { readonly origin?: string } = {},
): ProofVerification {
  const signed: CheckpointVerification = verifyCheckpoint(bundle.checkpoint, publicKeyPem, expected);
  if (!signed.isValid) return { isValid: false, reason: signed.reason };
  const { checkpoint } = signed;
  if (bundle.treeSize !== checkpoint.treeSize) {
    return { isValid: false, reason: 'the proof is for another tree size than the checkpoint' };
  }
  let leaf: Hash;
  try {
    leaf = leafHashOfEvent(bundle.event);
  } catch {
    return { isValid: false, reason: 'the event is not valid JSON' };
  }
  if (toHex(leaf) !== bundle.leafHash) return { isValid: false, reason: 'the event does not match its leaf hash' };
  const path = decodeHashes(bundle.auditPath);
  const root = fromBase64(checkpoint.rootHash);
  if (path === undefined || !verifyInclusion(leaf, bundle.leafIndex, checkpoint.treeSize, path, root)) {
    return { isValid: false, reason: 'the audit path does not lead to the checkpoint root' };
  }
  return { isValid: true };
}

/** Checks that a newer signed checkpoint extends an older one, given a consistency proof (hex). */
export function verifyCheckpointConsistency(
  oldCheckpointText: string,
  newCheckpointText: string,
  proof: readonly string[],
  publicKeyPem: string,
): ProofVerification {
  const older = verifyCheckpoint(oldCheckpointText, publicKeyPem);
  if (!older.isValid) return { isValid: false, reason: `older checkpoint: ${older.reason}` };
  const newer = verifyCheckpoint(newCheckpointText, publicKeyPem, {
    origin: older.checkpoint.origin,
  });
  if (!newer.isValid) return { isValid: false, reason: `newer checkpoint: ${newer.reason}` };
  const path = decodeHashes(proof);
  const oldRoot = fromBase64(older.checkpoint.rootHash);
  const newRoot = fromBase64(newer.checkpoint.rootHash);
  const { treeSize: m } = older.checkpoint;
  const { treeSize: n } = newer.checkpoint;
  if (path === undefined || !verifyConsistency(m, n, oldRoot, newRoot, path)) {
    return { isValid: false, reason: `the log at size ${n} does not extend the log at size ${m}` };
  }
  return { isValid: true };
}
