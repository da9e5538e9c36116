/**
 * The working buffer of the normaliser: one UTF-16 unit per normalised character, the original offset of
 * the code point it came from, and how it was folded. Struct-of-arrays in typed arrays, reused across calls
 * (JavaScript runs one normalisation at a time per isolate), so a check allocates no per-character objects.
 */
export class TextBuffer {
  units: Uint16Array;
  starts: Int32Array;
  kinds: Uint8Array;
  length = 0;

  constructor(capacity = 4096) {
    this.units = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.kinds = new Uint8Array(capacity);
  }

  reset(expected: number): void {
    this.length = 0;
    if (this.units.length < expected) this.resize(expected);
  }

  /** Makes room for `extra` more units, keeping what is there. */
  reserve(extra: number): void {
    if (this.length + extra > this.units.length)
      this.resize(Math.max(this.units.length * 2, this.length + extra));
  }

  push(unit: number, start: number, kind: number): void {
    if (this.length === this.units.length) this.resize(this.units.length * 2);
    const at = this.length++;
    this.units[at] = unit;
    this.starts[at] = start;
    this.kinds[at] = kind;
  }

  /** The normalised text (Node's UTF-16 decoder is several times faster than `String.fromCharCode`). */
  text(): string {
    return Buffer.from(this.units.buffer, this.units.byteOffset, this.length * 2).toString('utf16le');
  }

  /** A copy of the offset map that the result can own after the buffer is reused. */
  startsCopy(): Int32Array {
    return this.starts.slice(0, this.length);
  }

  private resize(capacity: number): void {
    const units = new Uint16Array(capacity);
    const starts = new Int32Array(capacity);
    const kinds = new Uint8Array(capacity);
    units.set(this.units.subarray(0, this.length));
    starts.set(this.starts.subarray(0, this.length));
    kinds.set(this.kinds.subarray(0, this.length));
    this.units = units;
    this.starts = starts;
    this.kinds = kinds;
  }
}

/** Set on a space unit that stood for two or more whitespace characters: a word break for spaced letters. */
export const WIDE_SPACE = 0x80;
