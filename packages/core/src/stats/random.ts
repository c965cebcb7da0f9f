/**
 * A small seeded pseudo-random generator, so that bootstrap intervals in reports are reproducible:
 * the same seed and the same data give the same interval on every machine and Node version.
 *
 * xoshiro128** 1.1 (Blackman & Vigna), 32-bit state words via Math.imul; seeded from any finite
 * number through splitmix32, so nearby seeds (1, 2, 3) give unrelated streams.
 */
export interface Random {
  /** Uniform in [0, 1), 53 random bits. */
  next(): number;
  /** Uniform whole number in [0, n), for n up to 2^32. */
  int(n: number): number;
  /** Standard normal deviate (Marsaglia's polar method). */
  normal(): number;
}

export const DEFAULT_SEED = 20240611;

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export function createRandom(seed: number = DEFAULT_SEED): Random {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  // Fold the whole number (including bits above 2^32 and a fractional part) into the seed state.
  const whole = Math.floor(seed);
  const frac = Math.floor((seed - whole) * 2 ** 32) >>> 0;
  const st = { s: (whole >>> 0) ^ Math.imul(Math.floor(whole / 2 ** 32) >>> 0, 0x27d4eb2d) ^ frac };
  let a = splitmix32(st);
  let b = splitmix32(st);
  let c = splitmix32(st);
  let d = splitmix32(st);
  if ((a | b | c | d) === 0) a = 1; // the all-zero state is the one forbidden state

  function nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  }

  let spare: number | undefined;
  const random: Random = {
    next() {
      const hi = nextUint32() >>> 5; // 27 bits
      const lo = nextUint32() >>> 6; // 26 bits
      return (hi * 67108864 + lo) / 9007199254740992;
    },
    int(n) {
      return Math.floor(random.next() * n);
    },
    normal() {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      for (;;) {
        const u = 2 * random.next() - 1;
        const v = 2 * random.next() - 1;
        const s = u * u + v * v;
        if (s > 0 && s < 1) {
          const m = Math.sqrt((-2 * Math.log(s)) / s);
          spare = v * m;
          return u * m;
        }
      }
    },
  };
  return random;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
