/**
 * Small pieces of report text used by the report's sections (markdown.ts, drift.ts, the DVC rows,
 * the chart titles), so that every section counts and folds the same way.
 */

/** Thousands separated with commas, the same on every machine (no locale). */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1 file`, `12,000 metrics`. */
export function count(n: number, noun: string): string {
  return `${grouped(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** Blank lines inside <details> so GitHub renders the Markdown in it (a table, a list). */
export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
