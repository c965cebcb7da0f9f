import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  READERS
} from "./chunk-55SCGZVG.js";

// packages/cli/src/help.ts
var WIDTH = 100;
function formatTable(indent = 2) {
  const column = Math.max(...READERS.map((r) => r.format.length)) + indent + 2;
  return READERS.map((reader) => wrap(reader.title, column, `${" ".repeat(indent)}${reader.format}`)).join(
    "\n"
  );
}
function formatIds() {
  const ids = READERS.map((r) => r.format);
  return `${ids.slice(0, -1).join(", ")} or ${ids.at(-1)}`;
}
function wrap(text, column, first) {
  const lines = [];
  let line = first.padEnd(column);
  let empty = true;
  for (const word of text.split(" ")) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = " ".repeat(column);
      empty = true;
    }
    line += (empty ? "" : " ") + word;
    empty = false;
  }
  lines.push(line);
  return lines.join("\n");
}

export {
  formatTable,
  formatIds,
  wrap
};
