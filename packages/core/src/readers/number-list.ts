/**
 * A JSON file that is one long list of numbers (`[0.12, 0.5, ...]`: per-example scores, latencies)
 * read as a stream of bytes, straight into a curve: no text, no parsed array. JSON.parse of a 52 MB
 * list of 5.8 M numbers took 4.5 s and 380 MB on its own; flattening it then took 70-108 s and
 * 3.7 GB. This scanner reads it in one pass, in the memory of one chunk and one curve.
 *
 * It is a fast path, never the judge: anything that is not a list of more than LONG_LIST plain
 * numbers (an object, a string, a nested list, a syntax error) makes it give up, and the file is
 * read the ordinary way, which gives the same document (flatten.ts reads a long list of numbers
 * as the same curve) or the located error.
 */
import type { SeriesAccumulator } from '../series.js';
import { LONG_LIST } from '../flatten.js';

/** Longest number token the scanner accepts; JSON numbers in metrics are far shorter. */
const MAX_TOKEN = 400;
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

const enum State {
  BeforeList,
  BeforeFirst,
  BeforeValue,
  InNumber,
  AfterValue,
  AfterList,
  GaveUp,
}

/**
 * Feed it chunks (`push`), then `finish`: the number of values read, or undefined when the bytes
 * are not a long list of numbers and the caller must read the file the ordinary way.
 */
export class NumberListScanner {
  private state = State.BeforeList;
  private readonly token = new Uint8Array(MAX_TOKEN);
  private tokenLength = 0;
  private count = 0;
  private series: SeriesAccumulator | undefined;

  /** `series` is asked for only once the list is known to be long (so a short one adds no key). */
  constructor(private readonly seriesFor: () => SeriesAccumulator) {}

  get gaveUp(): boolean {
    return this.state === State.GaveUp;
  }

  push(bytes: Uint8Array): void {
    let state = this.state;
    if (state === State.GaveUp) return;
    for (let i = 0; i < bytes.length; i++) {
      let b = bytes[i]!;
      if (state === State.InNumber) {
        // The hot loop: the rest of the token, then its delimiter.
        const token = this.token;
        let length = this.tokenLength;
        while (b !== 0x2c /* , */ && b !== 0x5d /* ] */ && !isBlank(b)) {
          if (length === MAX_TOKEN) return this.giveUp();
          token[length++] = b;
          if (++i === bytes.length) break;
          b = bytes[i]!;
        }
        this.tokenLength = length;
        if (i === bytes.length) break; // the token goes on in the next chunk
        if (!this.endNumber()) return this.giveUp();
        state = b === 0x2c ? State.BeforeValue : b === 0x5d ? State.AfterList : State.AfterValue;
        continue;
      }
      if (isBlank(b)) continue;
      switch (state) {
        case State.BeforeList:
          if (b === 0x5b /* [ */) state = State.BeforeFirst;
          else if (!(b === 0xef || b === 0xbb || b === 0xbf)) return this.giveUp(); // a UTF-8 BOM
          break;
        case State.BeforeFirst:
        case State.BeforeValue:
          if (!startsNumber(b)) return this.giveUp();
          this.token[0] = b;
          this.tokenLength = 1;
          state = State.InNumber;
          break;
        case State.AfterValue:
          if (b === 0x2c) state = State.BeforeValue;
          else if (b === 0x5d) state = State.AfterList;
          else return this.giveUp();
          break;
        default:
          return this.giveUp(); // anything after the closing bracket
      }
    }
    this.state = state;
  }

  finish(): number | undefined {
    if (this.state !== State.AfterList || this.count <= LONG_LIST) return undefined;
    return this.count;
  }

  private giveUp(): void {
    this.state = State.GaveUp;
  }

  private endNumber(): boolean {
    const value = parseToken(this.token, this.tokenLength);
    if (value === undefined) return false;
    const index = this.count++;
    if (this.series !== undefined) {
      this.series.add(index, value);
      return true;
    }
    // The first LONG_LIST + 1 values wait here, so a short list (read the ordinary way, one metric
    // per element) never creates the curve's key.
    this.pending.push(value);
    if (this.pending.length > LONG_LIST) {
      this.series = this.seriesFor();
      this.pending.forEach((v, i) => this.series!.add(i, v));
      this.pending.length = 0;
    }
    return true;
  }

  private readonly pending: number[] = [];
}

function isBlank(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function startsNumber(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || b === 0x2d /* - */ || b === 0x4e /* N */ || b === 0x49; /* I */
}

/**
 * A JSON number (or Python's NaN, Infinity, -Infinity) from its bytes. Up to 15 significant digits
 * and a power of ten up to 22 it is computed exactly (an integer below 2^53 times or divided by an
 * exact power of ten rounds correctly: Clinger's fast path); anything else goes through Number().
 */
function parseToken(t: Uint8Array, n: number): number | undefined {
  let i = 0;
  const negative = t[0] === 0x2d;
  if (negative) i++;
  if (i < n && (t[i] === 0x4e || t[i] === 0x49)) return literal(t, n, negative);
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  const intStart = i;
  while (i < n && t[i]! >= 0x30 && t[i]! <= 0x39) {
    mantissa = mantissa * 10 + (t[i]! - 0x30);
    digits++;
    i++;
  }
  if (i === intStart || (t[intStart] === 0x30 && i - intStart > 1)) return undefined; // "", "01"
  if (i < n && t[i] === 0x2e /* . */) {
    i++;
    const fracStart = i;
    while (i < n && t[i]! >= 0x30 && t[i]! <= 0x39) {
      mantissa = mantissa * 10 + (t[i]! - 0x30);
      digits++;
      scale--;
      i++;
    }
    if (i === fracStart) return undefined;
  }
  if (i < n && (t[i] === 0x65 || t[i] === 0x45) /* e E */) {
    i++;
    let expNegative = false;
    if (t[i] === 0x2b || t[i] === 0x2d) expNegative = t[i++] === 0x2d;
    const expStart = i;
    let exponent = 0;
    while (i < n && t[i]! >= 0x30 && t[i]! <= 0x39 && exponent < 100_000) {
      exponent = exponent * 10 + (t[i]! - 0x30);
      i++;
    }
    if (i === expStart) return undefined;
    scale += expNegative ? -exponent : exponent;
  }
  if (i !== n) return undefined;
  let value: number;
  if (digits <= 15 && scale >= -22 && scale <= 22) {
    value = scale >= 0 ? mantissa * POW10[scale]! : mantissa / POW10[-scale]!;
  } else {
    value = Number(String.fromCharCode(...t.subarray(negative ? 1 : 0, n)));
  }
  return negative ? -value : value;
}

function literal(t: Uint8Array, n: number, negative: boolean): number | undefined {
  const word = String.fromCharCode(...t.subarray(negative ? 1 : 0, n));
  if (word === 'NaN' && !negative) return NaN;
  if (word === 'Infinity') return negative ? -Infinity : Infinity;
  return undefined;
}
