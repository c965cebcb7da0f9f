/**
 * Numbers as people read them. Arithmetic on binary floats leaves noise (0.3 - 0.1 is
 * 0.19999999999999998); every delta mlci shows or compares with a limit is first rounded to 12
 * significant digits, far below any metric's real precision and far above the noise.
 */
export function roundNoise(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(12));
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
