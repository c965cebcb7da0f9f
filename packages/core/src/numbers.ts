/**
 * How text becomes a number, in one place, so every reader agrees:
 * - decimal and exponent forms (`0.93`, `-1e-3`, `.5`, `+2`), surrounding blanks ignored;
 * - the non-finite spellings Python, NumPy, pandas and C write: `nan`, `NaN`, `inf`, `-inf`,
 *   `Infinity`, `-Infinity` (any case), because a run that diverged must show up as diverged;
 * - nothing else: hex, `1,5`, `12ms`, `true` and the empty string are not numbers.
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  if (DECIMAL.test(s)) return Number(s);
  return parseNonFinite(s);
}

export function parseNonFinite(s: string): number | undefined {
  switch (s.toLowerCase()) {
    case 'nan':
    case '+nan':
    case '-nan':
      return NaN;
    case 'inf':
    case '+inf':
    case 'infinity':
    case '+infinity':
      return Infinity;
    case '-inf':
    case '-infinity':
      return -Infinity;
    default:
      return undefined;
  }
}

/** JSON cannot hold NaN or ±Infinity: written out, they become these strings. */
export function numberToJson(value: number): number | string {
  if (Number.isFinite(value)) return value;
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}

/** The inverse of `numberToJson`, for documents mlci wrote itself. */
export function numberFromJson(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  return undefined;
}
