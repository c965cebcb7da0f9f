import { terminalText } from './terminal.js';

/**
 * A cell on one line: line breaks and tabs from data (a metric's name) shown as escapes, so a row
 * stays a row and no part of a name starts a line of its own (where a CI log's problem matchers
 * would read it); other control characters escaped before the widths are measured.
 */
function cellText(cell: string): string {
  return terminalText(cell).replace(/[\n\t]/g, (c) => (c === '\n' ? '\\n' : '\\t'));
}

/** A plain-text table for terminals: left-aligned text, right-aligned numbers. */
export function textTable(
  header: readonly string[],
  rawRows: readonly (readonly string[])[],
  numeric: readonly boolean[] = [],
): string {
  const rows = rawRows.map((row) => row.map(cellText));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** Numbers as a person reads them: up to 6 significant digits, no float noise, non-finite spelled out. */
export { formatNumber as formatValue } from '@mlci/core';
