/**
 * Numbers as people read them. Arithmetic on binary floats leaves noise (0.3 - 0.1 is
 * 0.19999999999999998); every delta mlci shows or compares with a limit is first rounded to 12
 * significant digits, far below any metric's real precision and far above the noise.
 */
export function roundNoise(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return fastRound12(value) ?? Number(value.toPrecision(12));
}

/** Exact powers of ten: 10^0 .. 10^22 are doubles without rounding. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * `Number(value.toPrecision(12))` without a string, for the common case; undefined where the
 * arithmetic could round differently, and the string is used. Scaling by an exact power of ten
 * and dividing back is correctly rounded, so the result is the same double, provided the digit
 * cut is not within float error of a tie (then the string decides).
 */
function fastRound12(value: number): number | undefined {
  const abs = Math.abs(value);
  let magnitude = Math.floor(Math.log10(abs));
  if (magnitude < -11 || magnitude > 22) return undefined;
  // log10 may be a hair off at powers of ten: fix the magnitude with exact powers.
  const power = (m: number) => (m >= 0 ? POW10[m]! : 1 / POW10[-m]!);
  if (magnitude >= 0 && magnitude <= 22) {
    if (abs < POW10[magnitude]!) magnitude--;
    else if (magnitude < 22 && abs >= POW10[magnitude + 1]!) magnitude++;
  } else if (abs < power(magnitude) || abs >= power(magnitude + 1)) return undefined;
  const k = 11 - magnitude;
  if (k < -22 || k > 22) return undefined;
  const scaled = k >= 0 ? abs * POW10[k]! : abs / POW10[-k]!;
  const fraction = scaled - Math.floor(scaled);
  // The scaled value carries up to one unit in its last place (~1e-4 at 1e12) of rounding error.
  if (Math.abs(fraction - 0.5) < 1e-3) return undefined;
  const digits = Math.round(scaled);
  const rounded = k >= 0 ? digits / POW10[k]! : digits * POW10[-k]!;
  return value < 0 ? -rounded : rounded;
}

/** Up to `digits` significant digits, no trailing zeros, non-finite values spelled out. */
export function formatNumber(value: number, digits = 6): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e12))
    return value.toExponential(Math.max(0, digits - 2)).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(digits)));
}

/** A signed delta: `+0.012`, `-3`, `0`. */
export function formatDelta(value: number, digits = 6): string {
  const text = formatNumber(roundNoise(value), digits);
  return value > 0 && Number.isFinite(value) ? `+${text}` : text;
}

/** A percentage with sensible precision: `+1.25%`, `-0.031%`. */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '+∞%' : '-∞%';
  const abs = Math.abs(value);
  const text =
    abs >= 100
      ? value.toFixed(0)
      : abs >= 10
        ? value.toFixed(1)
        : abs >= 0.1
          ? value.toFixed(2)
          : formatNumber(value, 2);
  const trimmed = text.includes('.') && !text.includes('e') ? text.replace(/\.?0+$/, '') : text;
  return `${value > 0 ? '+' : ''}${trimmed}%`;
}
