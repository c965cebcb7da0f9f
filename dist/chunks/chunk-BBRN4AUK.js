import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  terminalText
} from "./chunk-PTB36J5H.js";

// packages/cli/src/table.ts
function cellText(cell) {
  return terminalText(cell).replace(/[\n\t]/g, (c) => c === "\n" ? "\\n" : "\\t");
}
function textTable(header, rawRows, numeric = []) {
  const rows = rawRows.map((row) => row.map(cellText));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells) => cells.map((cell, i) => numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n";
}

export {
  textTable
};
