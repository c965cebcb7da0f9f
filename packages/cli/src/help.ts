import { READERS } from '@mlci/core';

/** Help lines stay within this many columns. */
const WIDTH = 100;

/**
 * The formats mlci reads, one line each (`  wandb  Weights & Biases run files (...)`), from the
 * reader registry: a reader added there is listed in `mlci read --help` without anyone editing
 * a usage text (issue #13: W&B, JUnit and scikit-learn were missing from the hand-written one).
 */
export function formatTable(indent = 2): string {
  const column = Math.max(...READERS.map((r) => r.format.length)) + indent + 2;
  return READERS.map((reader) => wrap(reader.title, column, `${' '.repeat(indent)}${reader.format}`)).join(
    '\n',
  );
}

/** The format ids, for an option's description: `dvclive, hf-trainer, ... or toml`. */
export function formatIds(): string {
  const ids = READERS.map((r) => r.format);
  return `${ids.slice(0, -1).join(', ')} or ${ids.at(-1)}`;
}

/**
 * `text` after `first` (an option, a format id), which is padded to `column`; the text wraps at
 * WIDTH columns, its next lines indented to `column`.
 */
export function wrap(text: string, column: number, first: string): string {
  const lines: string[] = [];
  let line = first.padEnd(column);
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(column);
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}
