/**
 * A pipeline diff as rows a reviewer reads, most telling first: the pipeline's input data, then
 * parameters, commands, stages added or removed, code, and what stages made. The same rows make
 * the report's table (report/markdown.ts) and the terminal's lines (pipelineText); texts here are
 * plain, each renderer escapes them its own way.
 */
import type { DvcChangeStatus, DvcEntryChange, DvcEntrySide, DvcLockDiff, DvcStageChange } from './diff.js';
import { count, grouped } from '../report/words.js';

export type PipelineRowKind = 'data' | 'param' | 'command' | 'stage' | 'code' | 'input' | 'output';

export interface PipelineRow {
  kind: PipelineRowKind;
  status: DvcChangeStatus;
  /** The stages the change is in: the same change in several stages (a shared parameter) is one row. */
  stages: string[];
  /** The path, `params.yaml: seed`, or the stage's name. */
  subject: string;
  /** Each side as text; `—` for the side without it. */
  base: string;
  head: string;
  /** In a few words, for one line: `md5 a4da058 → 1c2d3e4, 508 → 512 files`, `42 → 7`, `added`. */
  change: string;
}

export interface PipelineRows {
  rows: PipelineRow[];
  /**
   * Inputs made by another stage whose change is already a row, as that stage's output: listing
   * `data/processed/train.csv` again under every stage that reads it says nothing new.
   */
  shownAsOutputs: number;
}

const RANK: Record<PipelineRowKind, number> = {
  data: 0,
  param: 1,
  command: 2,
  stage: 3,
  code: 4,
  input: 5,
  output: 6,
};

const NONE = '—';

/** The rows of a diff, most telling first, then in the pipeline's order. Pure. */
export function pipelineRows(diff: DvcLockDiff): PipelineRows {
  const rows = new Map<string, PipelineRow & { order: number }>();
  let order = 0;
  const add = (stage: string, row: Omit<PipelineRow, 'stages'>) => {
    const id = [row.kind, row.status, row.subject, row.base, row.head].join('\u0000');
    const known = rows.get(id);
    if (known !== undefined) {
      if (!known.stages.includes(stage)) known.stages.push(stage);
    } else {
      rows.set(id, { ...row, stages: [stage], order: order++ });
    }
  };
  // An input is a repeat when the stage that makes it shows the same change as an output.
  const outputs = new Set(diff.stages.flatMap((s) => s.outs.map((o) => entryIdentity(o))));
  let shownAsOutputs = 0;
  for (const stage of diff.stages) {
    if (stage.status !== 'changed') {
      addWholeStage(stage, add);
      continue;
    }
    if (stage.cmd !== undefined)
      add(stage.name, {
        kind: 'command',
        status: 'changed',
        subject: stage.name,
        base: commandText(stage.cmd.base),
        head: commandText(stage.cmd.head),
        change: 'changed',
      });
    for (const param of stage.params)
      add(stage.name, {
        kind: 'param',
        status: param.status,
        subject: `${param.file}: ${param.key}`,
        base: param.base ?? NONE,
        head: param.head ?? NONE,
        change: param.status === 'changed' ? `${param.base} → ${param.head}` : param.status,
      });
    for (const dep of stage.deps) {
      if (dep.role === 'stage-output' && outputs.has(entryIdentity(dep))) {
        shownAsOutputs++;
        continue;
      }
      add(stage.name, entryRow(dep, dep.role === 'data' ? 'data' : dep.role === 'code' ? 'code' : 'input'));
    }
    for (const out of stage.outs) add(stage.name, entryRow(out, 'output'));
  }
  const sorted = [...rows.values()].sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.order - b.order);
  return { rows: sorted.map(({ order: _order, ...row }) => row), shownAsOutputs };
}

/** An added or removed stage is one row (its command), plus its data inputs, which matter on their own. */
function addWholeStage(
  stage: DvcStageChange,
  add: (stage: string, row: Omit<PipelineRow, 'stages'>) => void,
) {
  add(stage.name, {
    kind: 'stage',
    status: stage.status,
    subject: stage.name,
    base: commandText(stage.cmd?.base),
    head: commandText(stage.cmd?.head),
    change: stage.status === 'added' ? 'stage added' : 'stage removed',
  });
  for (const dep of stage.deps) if (dep.role === 'data') add(stage.name, entryRow(dep, 'data'));
}

/** Several commands (DVC runs them in order, stopping at the first that fails) on one line. */
function commandText(cmd: string | undefined): string {
  return cmd === undefined ? NONE : cmd.split('\n').join(' && ');
}

function entryRow(entry: DvcEntryChange, kind: PipelineRowKind): Omit<PipelineRow, 'stages'> {
  const [base, head] = sideTexts(entry.base, entry.head);
  return { kind, status: entry.status, subject: entry.path, base, head, change: entryChange(entry) };
}

function entryIdentity(entry: DvcEntryChange): string {
  const path = entry.path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  return [path, entry.status, entry.base?.hash ?? '', entry.head?.hash ?? ''].join('\u0000');
}

/** Both sides of an entry, each `a4da058 · 508 files · 215.6 MB`, told apart where they differ. */
export function sideTexts(base: DvcEntrySide | undefined, head: DvcEntrySide | undefined): [string, string] {
  const [baseHash, headHash] = shortHashes(base, head);
  const [baseSize, headSize] = sizeTexts(base?.size, head?.size);
  const side = (s: DvcEntrySide | undefined, hash: string | undefined, size: string | undefined) => {
    if (s === undefined) return NONE;
    const parts = [hash ?? 'no hash'];
    if (s.nfiles !== undefined) parts.push(count(s.nfiles, 'file'));
    if (size !== undefined) parts.push(size);
    return parts.join(' · ');
  };
  return [side(base, baseHash, baseSize), side(head, headHash, headSize)];
}

/** `md5 a4da058 → 1c2d3e4, 508 → 512 files`; `added`; `removed`. */
export function entryChange(entry: DvcEntryChange): string {
  if (entry.status !== 'changed') return entry.status;
  const { base, head } = entry;
  const [a, b] = shortHashes(base, head);
  const parts: string[] = [];
  const kind = head?.hashKind ?? base?.hashKind;
  // The kind is said once when both sides have it (`md5 a → b`); shortHashes names it otherwise.
  const prefix = kind === undefined || base?.hashKind !== head?.hashKind || kind !== 'md5' ? '' : `${kind} `;
  if (a !== b) parts.push(`${prefix}${a ?? 'no hash'} → ${b ?? 'no hash'}`);
  const files = (n: number | undefined) => (n === undefined ? '?' : grouped(n));
  if (base?.nfiles !== head?.nfiles) parts.push(`${files(base?.nfiles)} → ${files(head?.nfiles)} files`);
  else if (base?.size !== head?.size && base?.size !== undefined && head?.size !== undefined) {
    const [x, y] = sizeTexts(base.size, head.size);
    parts.push(`${x} → ${y}`);
  }
  return parts.length > 0 ? parts.join(', ') : 'changed';
}

/**
 * The two hashes cut to 7 characters, or longer where they share those 7 (so that a change is
 * never shown as `a4da058 → a4da058`); `.dir` dropped (the file count says it is a folder); a kind
 * other than md5 named (`etag 0x8DB1C2D`). Quotes around an etag are dropped.
 */
export function shortHashes(
  base: DvcEntrySide | undefined,
  head: DvcEntrySide | undefined,
): [string | undefined, string | undefined] {
  const bare = (s: DvcEntrySide | undefined) => s?.hash?.replace(/\.dir$/, '').replace(/^"(.*)"$/, '$1');
  const a = bare(base);
  const b = bare(head);
  let length = 7;
  if (a !== undefined && b !== undefined && a !== b)
    while (length < Math.max(a.length, b.length) && a.slice(0, length) === b.slice(0, length)) length++;
  const named = (s: DvcEntrySide | undefined, hash: string | undefined) => {
    if (hash === undefined) return undefined;
    const cut = hash.slice(0, length);
    return s?.hashKind === undefined || s.hashKind === 'md5' ? cut : `${s.hashKind} ${cut}`;
  };
  return [named(base, a), named(head, b)];
}

/** Sizes in decimal units (`215.6 MB`); in bytes when the rounded sizes would read the same. */
function sizeTexts(a: number | undefined, b: number | undefined): [string | undefined, string | undefined] {
  const x = a === undefined ? undefined : formatBytes(a);
  const y = b === undefined ? undefined : formatBytes(b);
  if (a !== undefined && b !== undefined && a !== b && x === y) return [`${grouped(a)} B`, `${grouped(b)} B`];
  return [x, y];
}

/** `512 B`, `7.1 kB`, `215.6 MB`, `1.2 GB`: decimal units, as `ls -h --si` and DVC's own output. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** `2 of 7 stages changed, 1 added, 1 removed`. */
export function pipelineSummary(diff: DvcLockDiff): string {
  const changed = diff.stages.filter((s) => s.status === 'changed').length;
  const added = diff.stages.filter((s) => s.status === 'added').length;
  const removed = diff.stages.filter((s) => s.status === 'removed').length;
  const parts: string[] = [];
  if (changed > 0) parts.push(`${grouped(changed)} of ${count(diff.headStages, 'stage')} changed`);
  if (added > 0) parts.push(`${grouped(added)} ${added === 1 ? 'stage' : 'stages'} added`);
  if (removed > 0) parts.push(`${grouped(removed)} ${removed === 1 ? 'stage' : 'stages'} removed`);
  return parts.length > 0 ? parts.join(', ') : 'no stage changed';
}

/** The pipeline's input data that changed, each once: what the report's first screen names. */
export function dataChanges(rows: readonly PipelineRow[]): PipelineRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (r.kind !== 'data' || seen.has(r.subject)) return false;
    seen.add(r.subject);
    return true;
  });
}

/**
 * The diff as plain text for a terminal or a log: the summary, then one line per row
 * (`  data     data/raw/train: md5 a4da058 → 1c2d3e4, 508 → 512 files  [train_val_split]`).
 * Text from the locks is put on one line each; the caller escapes control characters.
 */
export function pipelineText(diff: DvcLockDiff): string {
  const { rows, shownAsOutputs } = pipelineRows(diff);
  const lines = [`Pipeline (${oneLine(diff.file)}, against ${oneLine(diff.base)}): ${pipelineSummary(diff)}`];
  const width = Math.max(...rows.map((r) => r.kind.length), 4);
  for (const row of rows) {
    const detail =
      row.kind === 'command' || row.kind === 'stage'
        ? row.kind === 'stage'
          ? `${row.change}: ${oneLine(row.status === 'added' ? row.head : row.base)}`
          : `${oneLine(row.base)} → ${oneLine(row.head)}`
        : row.status === 'changed'
          ? row.kind === 'param'
            ? `${oneLine(row.base)} → ${oneLine(row.head)}`
            : row.change
          : `${row.status} (${oneLine(row.status === 'added' ? row.head : row.base)})`;
    const subject = row.kind === 'command' || row.kind === 'stage' ? '' : `${oneLine(row.subject)}: `;
    lines.push(`  ${row.kind.padEnd(width)}  ${subject}${detail}  [${row.stages.map(oneLine).join(', ')}]`);
  }
  if (shownAsOutputs > 0)
    lines.push(
      `  (${count(shownAsOutputs, 'input')} made by another stage ${shownAsOutputs === 1 ? 'is' : 'are'} listed once, as that stage's output)`,
    );
  for (const note of diff.notes) lines.push(`  Note: ${oneLine(note)}`);
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\r/g, '\\x0d').replace(/\n/g, '\\n');
}
