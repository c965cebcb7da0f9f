/**
 * TensorBoard event files (format id `tensorboard`): one `events.out.tfevents.*` file, or a log
 * folder holding them. User-facing rules in docs/formats/tensorboard.md.
 *
 * - A folder's event files are found up to 4 levels down. The event files of one folder are one
 *   run, read in name order (their names start with the time they were opened), merged by step.
 *   Event files directly in the given folder give keys without a prefix; those in a sub-folder
 *   (Keras' `logs/train`, `logs/validation`; Lightning's `version_0`) give keys prefixed with the
 *   sub-folder's relative path and "/" (`train/epoch_loss`).
 * - Each scalar tag is a series keyed by the tag verbatim (its "/" kept, a "." escaped); the
 *   event's wall time is the point's time. Values that are not scalars (images, histograms, text,
 *   hparams plugin data) are skipped and counted per tag in a note.
 * - Lightning's `hparams.yaml` next to event files gives params.
 * Files are streamed in 4 MiB chunks: memory does not grow with file size.
 */
import { closeSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { DocBuilder } from '../../doc-builder.js';
import { ConfigurationError, MlciError, ParseError } from '../../errors.js';
import { flattenInto } from '../../flatten.js';
import { escapeSegment } from '../../keys.js';
import type { MetricsDoc } from '../../model.js';
import {
  folderScope,
  listFolder,
  openRegular,
  readAt,
  readTextFile,
  statOrExplain,
  type FolderScope,
} from '../files.js';
import { parseYamlText } from '../structured.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from '../types.js';
import { EventDecoder, EventKind, TagTable } from './events.js';
import { ProtoError } from './protobuf.js';
import { DEFAULT_MAX_RECORD_BYTES, HEADER_BYTES, RecordParser, startsWithRecordHeader } from './tfrecord.js';

/** How deep below the given folder event files are looked for. */
export const EVENT_SEARCH_DEPTH = 4;
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Detection looks into at most this many folders. */
const DETECT_FOLDER_BUDGET = 200;
const HPARAMS = 'hparams.yaml';

export function isEventFileName(name: string): boolean {
  return /^events\.out\.tfevents\./.test(name) || name.includes('tfevents');
}

export const tensorboardReader: Reader = {
  format: 'tensorboard',
  title: 'TensorBoard event files (events.out.tfevents.*, or a log folder holding them)',
  target: 'both',
  detect(probe: Probe): number {
    if (probe.isDirectory) return folderHasEventFiles(probe) ? DETECT.name : DETECT.no;
    if (isEventFileName(probe.name)) return DETECT.name;
    return startsWithRecordHeader(probe.head) ? DETECT.content : DETECT.no;
  },
  read: readTensorBoard,
};

function folderHasEventFiles(probe: Probe): boolean {
  if (probe.entries.some(isEventFileName)) return true;
  let budget = DETECT_FOLDER_BUDGET;
  const visit = (dir: string, depth: number): boolean => {
    if (depth > EVENT_SEARCH_DEPTH || budget-- <= 0) return false;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    const folders: string[] = [];
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) folders.push(entry.name);
      } else if (isEventFileName(entry.name)) {
        return true;
      }
    }
    return folders.sort().some((name) => visit(join(dir, name), depth + 1));
  };
  return visit(probe.path, 0);
}

/** One run: the event files of one folder. */
export interface EventRun {
  dir: string;
  /** The folder relative to the given one, with "/" separators; '' for the given folder itself. */
  name: string;
  files: string[];
}

/** The runs below `root` (a folder), by relative folder name; the given folder itself first. */
export async function findEventRuns(root: string): Promise<{
  runs: EventRun[];
  deeper: boolean;
  unreadable: string[];
  /** Event files not opened: a device, pipe or socket, or a link that dangles, loops or leaves `root`. */
  refused: string[];
  scope: FolderScope;
}> {
  const scope = await folderScope(root);
  const runs: EventRun[] = [];
  const unreadable: string[] = [];
  const refused: string[] = [];
  let deeper = false;
  const label = (dir: string) => relative(root, dir).split(sep).join('/');
  const visit = async (dir: string, depth: number): Promise<void> => {
    let listing;
    try {
      listing = await listFolder(dir, scope);
    } catch (error) {
      if (depth === 0 || !(error instanceof MlciError)) throw error;
      unreadable.push(label(dir));
      return;
    }
    const files: string[] = [];
    const folders: string[] = [];
    for (const entry of listing.entries) {
      // Linked folders are not followed: a link to an ancestor would read the same runs again.
      if (entry.isDirectory) {
        if (!entry.name.startsWith('.') && !entry.isLink) folders.push(entry.name);
      } else if (isEventFileName(entry.name)) {
        files.push(entry.name);
      }
    }
    for (const { name, why } of listing.refused) {
      if (isEventFileName(name)) refused.push(`${label(join(dir, name))}: ${why}`);
    }
    if (files.length > 0) runs.push({ dir, name: label(dir), files: files.map((f) => join(dir, f)) });
    if (depth === EVENT_SEARCH_DEPTH) {
      if (folders.length > 0) deeper = true;
      return;
    }
    for (const folder of folders) await visit(join(dir, folder), depth + 1);
  };
  await visit(root, 0);
  runs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { runs, deeper, unreadable, refused, scope };
}

export async function readTensorBoard(path: string, options: ReaderOptions): Promise<MetricsDoc> {
  const info = await statOrExplain(path);
  const builder = new DocBuilder(path, 'tensorboard', { maxSeriesPoints: options.maxSeriesPoints });
  if (!info.isDirectory()) {
    const reading = new RunReading(builder, '', false);
    await reading.readFile(path);
    await reading.finish(join(dirname(path), HPARAMS), await folderScope(dirname(path)));
    return builder.build();
  }
  const { runs, deeper, unreadable, refused, scope } = await findEventRuns(path);
  if (runs.length === 0) {
    const why = refused.length > 0 ? `; not opened: ${refused.join('; ')}` : '';
    throw new ConfigurationError(
      `${path}: no TensorBoard event files (events.out.tfevents.*) in this folder or up to ${EVENT_SEARCH_DEPTH} folders below it${why}`,
    );
  }
  const failures: MlciError[] = [];
  let readable = 0;
  for (const run of runs) {
    const reading = new RunReading(builder, run.name === '' ? '' : `${run.name}/`, true, path);
    for (const file of run.files) {
      try {
        await reading.readFile(file, true);
        readable++;
      } catch (error) {
        if (!(error instanceof MlciError)) throw error;
        failures.push(error);
      }
    }
    await reading.finish(join(run.dir, HPARAMS), scope);
  }
  if (readable === 0) throw failures[0]!;
  for (const failure of failures) builder.warn(`not read: ${failure.message}`);
  for (const what of refused)
    builder.warn(`not opened: ${what}; mlci reads event files, and links only to files inside ${path}`);
  if (runs.length > 1 || runs[0]!.name !== '') {
    const names = runs.map((r) => (r.name === '' ? '(the folder itself)' : r.name));
    builder.note(
      `read ${runs.length} run${runs.length === 1 ? '' : 's'} (folders of event files): ${names.join(', ')}; keys from a sub-folder start with its path and "/", e.g. ${runs.find((r) => r.name !== '')!.name}/loss`,
    );
  }
  if (unreadable.length > 0) builder.warn(`could not list folders ${unreadable.join(', ')}`);
  if (deeper)
    builder.note(`did not look for event files more than ${EVENT_SEARCH_DEPTH} folders below ${path}`);
  return builder.build();
}

const KIND_NAMES: Partial<Record<EventKind, [string, string]>> = {
  [EventKind.Graph]: ['graph', 'graphs'],
  [EventKind.MetaGraph]: ['meta graph', 'meta graphs'],
  [EventKind.RunMetadata]: ['run metadata record', 'run metadata records'],
  [EventKind.SessionLog]: ['session log', 'session logs'],
  [EventKind.LogMessage]: ['log message', 'log messages'],
};

/** Reads the event files of one run into the builder. */
class RunReading {
  private readonly tags: TagTable;
  private readonly decoder: EventDecoder;
  private readonly kinds = new Map<EventKind, number>();
  private readonly versions = new Set<string>();
  private files = 0;
  private records = 0;
  private oversized = 0;

  constructor(
    private readonly builder: DocBuilder,
    /** '' or a sub-folder path ending in "/". */
    private readonly prefix: string,
    /** Whether a folder was given: messages then name the file. */
    private readonly inFolder: boolean,
    private readonly root = '',
  ) {
    this.tags = new TagTable((tag) => builder.seriesFor(escapeSegment(prefix + tag)));
    this.decoder = new EventDecoder(this.tags);
  }

  private label(file: string): string {
    return relative(this.root, file).split(sep).join('/');
  }

  /** `listed`: found by a folder listing that saw a regular file there. */
  async readFile(file: string, listed = false): Promise<void> {
    const builder = this.builder;
    const decoder = this.decoder;
    const where = this.inFolder ? `${this.label(file)}: ` : '';
    const kinds = this.kinds;
    let records = 0;
    const parser = new RecordParser({
      record: (bytes, start, end, offset) => {
        let kind: EventKind;
        try {
          kind = decoder.decode(bytes, start, end);
        } catch (error) {
          if (!(error instanceof ProtoError)) throw error;
          const at = offset + HEADER_BYTES + (error.position - start);
          reportCorrupt(offset, `not an Event protobuf: ${error.message} (byte ${at})`);
          return;
        }
        records++;
        if (kind === EventKind.Summary) {
          const wall = decoder.wallTime;
          decoder.commit(decoder.step, wall > 0 || wall < 0 ? wall : undefined);
        } else if (kind === EventKind.FileVersion) {
          this.versions.add(decoder.fileVersion!);
        } else if (kind !== EventKind.Empty) {
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        }
      },
      corrupt: (offset, what) => reportCorrupt(offset, what),
      oversized: () => {
        records++;
        this.oversized++;
      },
    });
    const reportCorrupt = (offset: number, what: string): void => {
      if (offset === 0) {
        throw new ParseError(
          { file, offset: 0 },
          `not a TensorBoard event file (expected TFRecord records holding Event protobufs): ${what}`,
        );
      }
      builder.warn(
        `${where}corrupt record at byte ${offset}: ${what}; read ${records} record${records === 1 ? '' : 's'} before it`,
      );
    };

    const { fd } = openRegular(file, listed);
    let size = 0;
    // Two buffers: the next chunk is read (off the main thread) while this one is parsed.
    const buffers = [new Uint8Array(CHUNK_BYTES), new Uint8Array(CHUNK_BYTES)];
    let which = 0;
    let pending: Promise<number> | undefined = readAt(fd, buffers[0]!, 0, CHUNK_BYTES, 0);
    try {
      while (pending !== undefined) {
        const bytesRead = await pending;
        pending = undefined;
        if (bytesRead === 0) break;
        const chunk = buffers[which]!;
        size += bytesRead;
        which ^= 1;
        pending = readAt(fd, buffers[which]!, 0, CHUNK_BYTES, size);
        parser.push(bytesRead === CHUNK_BYTES ? chunk : chunk.subarray(0, bytesRead));
        if (parser.done) break;
      }
      parser.end();
    } finally {
      if (pending !== undefined) await pending.catch(() => undefined);
      closeSync(fd);
    }
    this.files++;
    this.records += records;
    if (size === 0) builder.note(`${where}empty event file, nothing to read`);
  }

  /** Notes what the run held besides scalars, and reads its hparams.yaml. */
  async finish(hparamsPath: string, scope: FolderScope): Promise<void> {
    const builder = this.builder;
    const run = this.prefix === '' ? '' : `run ${this.prefix.slice(0, -1)}: `;
    if (this.files > 0) {
      const versions = this.versions.size > 0 ? `${[...this.versions].join(', ')}, ` : '';
      builder.note(
        `${run}read ${this.files} event file${this.files === 1 ? '' : 's'} (${versions}${this.records} record${this.records === 1 ? '' : 's'})`,
      );
    }
    const odd = [...this.versions].filter((v) => !v.startsWith('brain.Event:'));
    if (odd.length > 0)
      builder.note(`${run}unexpected event file version ${odd.join(', ')} (expected brain.Event:2)`);
    const untyped: string[] = [];
    for (const entry of this.tags.entries) {
      const key = escapeSegment(this.prefix + entry.tag);
      if (entry.untyped > 0) untyped.push(key);
      if (entry.skipped === undefined) continue;
      for (const [why, count] of entry.skipped)
        builder.skip(key, `${count} ${why} value${count === 1 ? '' : 's'}`);
    }
    if (untyped.length > 0) {
      builder.note(
        `${run}read float tensors without plugin metadata as scalars: ${untyped.slice(0, 10).join(', ')}${untyped.length > 10 ? ` and ${untyped.length - 10} more` : ''}`,
      );
    }
    const other = [...this.kinds]
      .sort(([a], [b]) => a - b)
      .map(([kind, count]) => `${count} ${KIND_NAMES[kind]![count === 1 ? 0 : 1]}`);
    if (this.oversized > 0) {
      other.push(
        `${this.oversized} record${this.oversized === 1 ? '' : 's'} over ${DEFAULT_MAX_RECORD_BYTES / 1024 / 1024} MiB`,
      );
    }
    if (other.length > 0) builder.note(`${run}not metrics, not read: ${other.join(', ')}`);
    await this.readHparams(hparamsPath, run, scope);
  }

  private async readHparams(path: string, run: string, scope: FolderScope): Promise<void> {
    if (!existsSync(path)) return;
    try {
      // Lightning dumps hparams with PyYAML's full dumper: a class is `!!python/name:torch.optim.adam.Adam ''`,
      // which a safe loader reads as ''. Its name is what is worth comparing between runs.
      const text = (await readTextFile(path, { within: scope })).replace(
        /!!python\/name:([\w.]+)[ \t]+''/g,
        (_, name: string) => `'${name}'`,
      );
      let value = parseYamlText(text, path);
      if (this.prefix !== '' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        // A sub-run's params are named like its curves: `version_0/lr` next to `version_0/loss`.
        value = Object.fromEntries(Object.entries(value).map(([key, v]) => [this.prefix + key, v]));
      }
      flattenInto(this.builder, value, 'params');
      this.builder.note(`${run}read ${HPARAMS} (Lightning's hyper-parameters) as parameters`);
    } catch (error) {
      if (!(error instanceof MlciError)) throw error;
      this.builder.warn(`${run}${HPARAMS} not read: ${error.message}`);
    }
  }
}
