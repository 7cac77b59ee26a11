/**
 * Bounded min-heap that keeps the `size` best (score, record) pairs. Ties prefer the lower
 * record number, so selection is deterministic and survives a snapshot round trip.
 */

export interface TopK {
  scores: Float64Array;
  records: Int32Array;
  size: number;
}

/** An empty selection of at most `capacity` entries. */
export function createTopK(capacity: number): TopK {
  return { scores: new Float64Array(capacity), records: new Int32Array(capacity), size: 0 };
}

function isWorse(heap: TopK, i: number, j: number): boolean {
  const a = heap.scores[i] ?? 0;
  const b = heap.scores[j] ?? 0;
  return a < b || (a === b && (heap.records[i] ?? 0) > (heap.records[j] ?? 0));
}

function swap(heap: TopK, i: number, j: number): void {
  const score = heap.scores[i] ?? 0;
  const record = heap.records[i] ?? 0;
  heap.scores[i] = heap.scores[j] ?? 0;
  heap.records[i] = heap.records[j] ?? 0;
  heap.scores[j] = score;
  heap.records[j] = record;
}

function siftDown(heap: TopK, start: number): void {
  let i = start;
  for (;;) {
    const left = 2 * i + 1;
    let worst = i;
    if (left < heap.size && isWorse(heap, left, worst)) worst = left;
    if (left + 1 < heap.size && isWorse(heap, left + 1, worst)) worst = left + 1;
    if (worst === i) return;
    swap(heap, i, worst);
    i = worst;
  }
}

/** Offers a (score, record) pair; it is kept when the heap has room or it beats the worst. */
export function offerTopK(heap: TopK, score: number, record: number): void {
  if (heap.size < heap.scores.length) {
    heap.scores[heap.size] = score;
    heap.records[heap.size] = record;
    heap.size += 1;
    for (let i = heap.size - 1; i > 0 && isWorse(heap, i, (i - 1) >> 1); i = (i - 1) >> 1) swap(heap, i, (i - 1) >> 1);
    return;
  }
  const worstScore = heap.scores[0] ?? 0;
  if (score > worstScore || (score === worstScore && record < (heap.records[0] ?? 0))) {
    heap.scores[0] = score;
    heap.records[0] = record;
    siftDown(heap, 0);
  }
}
