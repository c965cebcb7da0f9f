/**
 * How a metric's values are written, as far as a percent limit in a gate is concerned
 * (docs/gates.md, "Percentages"): `fraction` (0.913 for 91.3%, `percent: true` in .mlci.yml) or
 * `percent` (91.3, `unit: percent`). Undefined: not declared, which is read as a fraction as long
 * as the values say nothing against it.
 */
export type MetricUnit = 'percent' | 'fraction';

/** The `unit:` values that say a metric is written in percent. */
const PERCENT_UNITS = new Set(['percent', '%']);

export function isPercentUnit(unit: string | undefined): boolean {
  return unit !== undefined && PERCENT_UNITS.has(unit.trim().toLowerCase());
}

/**
 * p% as a fraction, exactly the decimal written with its point moved two places: 90 gives 0.9,
 * 0.5 gives 0.005 and 33.3 gives 0.333, where 33.3 / 100 would give 0.33299999999999996. So
 * `accuracy >= 33.3%` and `accuracy >= 0.333` are the same gate, to the last bit.
 */
export function percentToFraction(percent: number): number {
  return shiftDecimal(percent, -2);
}

/** The inverse, for messages: 0.07 is 7%, not 7.000000000000001%. */
export function fractionToPercent(fraction: number): number {
  return shiftDecimal(fraction, 2);
}

function shiftDecimal(value: number, places: number): number {
  // String() gives the shortest decimal that reads back as the same number: the digits written.
  const [digits, exponent = '0'] = String(value).split('e');
  return Number(`${digits}e${Number(exponent) + places}`);
}

/** A limit written as p%, in the metric's own unit: p for a metric written in percent, else p/100. */
export function percentLimit(percent: number, unit: MetricUnit | undefined): number {
  return unit === 'percent' ? percent : percentToFraction(percent);
}
