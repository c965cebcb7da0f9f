/**
 * mlci's JSON documents (comparisons, reports) hold numbers that JSON cannot: NaN and ±Infinity
 * are written as the strings "NaN", "Infinity" and "-Infinity", as `mlci read --json` does.
 */
export function stringifyDocument(value: unknown, indent = 2): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === 'number' && !Number.isFinite(v))
        return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
      return v;
    },
    indent,
  );
}
