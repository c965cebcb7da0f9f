/**
 * Hugging Face Trainer output (format id `hf-trainer`), user-facing rules in docs/formats/hf-trainer.md:
 * - `trainer_state.json`: every numeric key of a `log_history` entry is a curve over that entry's
 *   `step` (the x axis, not a curve); `epoch` is a curve too, one point per step. Keys logged once
 *   (the final `train_runtime`, `train_loss`, `total_flos` ...) are one-point curves, so metrics.
 *   Top level: `best_metric`, `global_step`, `epoch`, `total_flos`, `num_input_tokens_seen` are
 *   metrics; the run's settings (`max_steps`, `logging_steps`, `best_model_checkpoint`, ...) are
 *   params; `trial_params` and `stateful_callbacks` are flattened into params under their name.
 * - `all_results.json`, `eval_results.json`, ... (`*_results.json`): flat summary metrics, which win
 *   over the last point of a curve of the same key.
 * - An output folder: its `trainer_state.json` (else the one of the highest-numbered
 *   `checkpoint-N/`), then its `*_results.json` files.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DocBuilder } from '../doc-builder.js';
import { ConfigurationError, ParseError } from '../errors.js';
import { flattenInto } from '../flatten.js';
import { parseJsonText } from '../json-text.js';
import { childKey } from '../keys.js';
import type { MetricsDoc } from '../model.js';
import { parseNumber } from '../numbers.js';
import { folderScope, readTextFile, statOrExplain } from './files.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from './types.js';

const STATE_FILE = 'trainer_state.json';
/** The summary files HF example scripts write with `trainer.save_metrics(split, metrics)`. */
const KNOWN_RESULTS = /^(all|eval|train|test|predict)_results\.json$/i;
/** In an output folder, any `<split>_results.json` is a summary file. */
const ANY_RESULTS = /_results\.json$/i;
const CHECKPOINT = /^checkpoint-(\d+)$/;

/** Top-level numbers of trainer_state.json that are results of the run. */
const STATE_METRICS = new Set(['best_metric', 'global_step', 'epoch', 'total_flos', 'num_input_tokens_seen']);
/** Top-level values that are nested documents of settings: flattened into params under their name. */
const STATE_NESTED_PARAMS = new Set(['trial_params', 'stateful_callbacks']);

export const hfTrainerReader: Reader = {
  format: 'hf-trainer',
  title: 'Hugging Face Trainer output (trainer_state.json, *_results.json or the output folder)',
  target: 'both',
  detect(probe: Probe): number {
    if (!probe.isDirectory) {
      if (probe.name === STATE_FILE || KNOWN_RESULTS.test(probe.name)) return DETECT.name;
      // A renamed trainer_state.json still starts with its sorted keys and holds log_history.
      const head = new TextDecoder().decode(probe.head);
      return /^\s*\{/.test(head) && head.includes('"log_history"') && head.includes('"global_step"')
        ? DETECT.content
        : DETECT.no;
    }
    if (probe.entries.some((e) => e === STATE_FILE || KNOWN_RESULTS.test(e))) return DETECT.name;
    const hasCheckpointState = probe.entries.some(
      (e) => CHECKPOINT.test(e) && existsSync(join(probe.path, e, STATE_FILE)),
    );
    return hasCheckpointState ? DETECT.name : DETECT.no;
  },
  read: readHfTrainer,
};

export async function readHfTrainer(path: string, options: ReaderOptions): Promise<MetricsDoc> {
  const info = await statOrExplain(path);
  const builder = new DocBuilder(path, 'hf-trainer', { maxSeriesPoints: options.maxSeriesPoints });
  if (!info.isDirectory()) {
    const name = path.split(/[\\/]/).pop() ?? path;
    const value = parseJsonText(await readTextFile(path), path);
    if (ANY_RESULTS.test(name)) {
      readResultsInto(builder, value, path);
    } else if (
      name === STATE_FILE ||
      !isPlainObject(value) ||
      'log_history' in value ||
      'global_step' in value
    ) {
      readTrainerStateInto(builder, value, path);
    } else {
      builder.note('no log_history or global_step: read as a summary of results (like all_results.json)');
      readResultsInto(builder, value, path);
    }
    return builder.build();
  }

  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => compare(a.name, b.name));
  const read: string[] = [];
  // A link in the folder may point inside it, never out of it (#15).
  const within = await folderScope(path);
  let stateName: string | undefined;
  if (entries.some((e) => e.name === STATE_FILE && e.isFile())) {
    stateName = STATE_FILE;
  } else {
    const checkpoints = entries
      .filter((e) => e.isDirectory() && CHECKPOINT.test(e.name) && existsSync(join(path, e.name, STATE_FILE)))
      .map((e) => ({ name: e.name, n: Number(CHECKPOINT.exec(e.name)![1]) }))
      .sort((a, b) => b.n - a.n);
    const latest = checkpoints[0];
    if (latest !== undefined) {
      stateName = `${latest.name}/${STATE_FILE}`;
      builder.note(
        `no ${STATE_FILE} at the top of this folder (the Trainer writes it when training ends): read ${stateName}, ` +
          `the highest-numbered of ${checkpoints.length} checkpoint${checkpoints.length === 1 ? '' : 's'}`,
      );
    }
  }
  if (stateName !== undefined) {
    const file = join(path, ...stateName.split('/'));
    readTrainerStateInto(builder, parseJsonText(await readTextFile(file, { within }), file), file);
    read.push(stateName);
  }
  const results = entries.filter((e) => e.isFile() && ANY_RESULTS.test(e.name)).map((e) => e.name);
  for (const name of results) {
    const file = join(path, name);
    readResultsInto(builder, parseJsonText(await readTextFile(file, { within }), file), file);
    read.push(name);
  }
  if (read.length === 0) {
    throw new ConfigurationError(
      `${path}: no ${STATE_FILE}, checkpoint-N/${STATE_FILE} or *_results.json in this folder: is it a Hugging Face Trainer output_dir?`,
    );
  }
  builder.note(`read ${read.join(', ')}`);
  if (stateName !== undefined && results.length > 0) {
    builder.note('summary values from *_results.json win over the last point of the curve of the same key');
  }
  return builder.build();
}

/** A `*_results.json`: a flat object of summary numbers (`eval_loss`, `train_runtime`, `epoch`). */
export function readResultsInto(builder: DocBuilder, value: unknown, file: string): void {
  if (!isPlainObject(value)) {
    throw new ParseError(
      { file },
      `expected a JSON object of named results (as Trainer.save_metrics writes), found ${describe(value)}`,
    );
  }
  flattenInto(builder, value, 'metrics');
}

/** A parsed `trainer_state.json` (Trainer's `TrainerState.save_to_json`). */
export function readTrainerStateInto(builder: DocBuilder, value: unknown, file: string): void {
  if (!isPlainObject(value)) {
    throw new ParseError(
      { file },
      `expected a JSON object with log_history (a Hugging Face trainer_state.json), found ${describe(value)}`,
    );
  }
  const notSet: string[] = [];
  let quoted = 0;
  for (const [name, node] of Object.entries(value)) {
    const key = childKey('', name);
    if (name === 'log_history') continue;
    if (node === null || node === undefined) {
      notSet.push(name);
      continue;
    }
    if (STATE_NESTED_PARAMS.has(name) && typeof node === 'object') {
      if (Array.isArray(node) ? node.length === 0 : Object.keys(node).length === 0) notSet.push(name);
      else flattenInto(builder, node, 'params', key);
      continue;
    }
    if (STATE_METRICS.has(name)) {
      const n = typeof node === 'number' ? node : typeof node === 'string' ? parseNumber(node) : undefined;
      if (n !== undefined) {
        if (typeof node === 'string') quoted++;
        builder.metric(key, n);
        continue;
      }
    }
    if (typeof node === 'number' || typeof node === 'string' || typeof node === 'boolean') {
      builder.param(key, node);
    } else if (Array.isArray(node)) {
      builder.skip(key, `a list of ${node.length} value${node.length === 1 ? '' : 's'}`);
    } else if (typeof node === 'object') {
      flattenInto(builder, node, 'params', key);
    } else {
      builder.skip(key, typeof node);
    }
  }
  if (notSet.length > 0) builder.note(`not set in this run: ${notSet.join(', ')}`);

  const history = value['log_history'];
  if (history === undefined || history === null) {
    builder.note('no log_history in this trainer_state.json: no curves');
  } else if (!Array.isArray(history)) {
    throw new ParseError(
      { file, key: 'log_history' },
      `expected a list of logged entries, found ${describe(history)}`,
    );
  } else {
    quoted += readLogHistory(builder, history, file);
  }
  if (quoted > 0) {
    builder.note(
      `read ${quoted} quoted number${quoted === 1 ? '' : 's'} (such as "0.9" or "nan") as numbers`,
    );
  }
}

/** Returns how many numbers were quoted strings. */
function readLogHistory(builder: DocBuilder, history: unknown[], file: string): number {
  const skippedKeys = new Set<string>();
  let withoutStep = 0;
  let notObjects = 0;
  let quoted = 0;
  let lastEpochStep = NaN;
  history.forEach((entry, index) => {
    if (!isPlainObject(entry)) {
      notObjects++;
      if (notObjects <= 3) {
        builder.warn(
          `${file}: log_history[${index}] is ${describe(entry)}, not an object of logged values; skipped`,
        );
      }
      return;
    }
    const rawStep = entry['step'];
    let step: number;
    if (typeof rawStep === 'number' && Number.isFinite(rawStep)) {
      step = rawStep;
    } else {
      withoutStep++;
      step = index;
    }
    for (const [name, node] of Object.entries(entry)) {
      if (name === 'step') continue;
      let n: number | undefined;
      if (typeof node === 'number') n = node;
      else if (typeof node === 'string') {
        n = parseNumber(node);
        if (n !== undefined) quoted++;
      }
      if (n === undefined) {
        if (!skippedKeys.has(name)) {
          skippedKeys.add(name);
          builder.skip(
            `log_history ${name}`,
            node === null ? 'null' : Array.isArray(node) ? 'list' : typeof node,
          );
        }
        continue;
      }
      if (name === 'epoch') {
        // Each entry repeats the epoch; the train, eval and summary entries of one step would
        // stack several identical points.
        if (step === lastEpochStep) continue;
        lastEpochStep = step;
      }
      builder.point(childKey('', name), step, n);
    }
  });
  if (notObjects > 3)
    builder.warn(`${file}: ${notObjects} log_history entries in all were not objects and were skipped`);
  if (withoutStep > 0) {
    builder.note(
      `${withoutStep} log_history entr${withoutStep === 1 ? 'y has' : 'ies have'} no numeric "step": ` +
        'their position in log_history (from 0) is used as the step',
    );
  }
  return quoted;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '...' : value)}`;
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
