/** Growable typed arrays used while building; the built graph holds exact-size arrays. */

type TypedArray = Uint8Array | Uint16Array | Uint32Array;

/** A typed array that doubles when full, so builders never hold JS arrays of numbers. */
export class Growable<T extends TypedArray> {
  data: T;
  length = 0;

  constructor(
    private readonly make: (size: number) => T,
    capacity = 1024,
  ) {
    this.data = make(capacity);
  }

  /** Appends one value. */
  push(value: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Makes room for at least `size` elements. */
  reserve(size: number): void {
    if (size <= this.data.length) return;
    const next = this.make(Math.max(size, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }

  /** Returns an exact-size copy. */
  toArray(): T {
    const out = this.make(this.length);
    out.set(this.data.subarray(0, this.length));
    return out;
  }
}

export const u8 = (n: number): Uint8Array => new Uint8Array(n);
export const u16 = (n: number): Uint16Array => new Uint16Array(n);
export const u32 = (n: number): Uint32Array => new Uint32Array(n);
