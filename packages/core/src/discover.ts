import { readdirSync, type Dirent } from 'node:fs';
import { join, posix } from 'node:path';
import type { FileSpec } from './config/config.js';
import { ConfigurationError, MlciError } from './errors.js';
import type { FormatId } from './model.js';
import { probePath, readTextFile } from './readers/files.js';
import { detectBest } from './readers/registry.js';
import { parseYamlText } from './readers/structured.js';
import { DETECT } from './readers/types.js';

/**
 * Zero configuration: the metrics files of a project that names none (no `files:` or `repeats:`
 * in .mlci.yml, no paths on the command line or in the action's inputs), found the way a person
 * would look for them, and said out loud.
 *
 * 1. A DVC pipeline says where its metrics are: the `metrics:` that each `dvc.yaml` declares (top
 *    level and per stage, with `wdir` and `${...}` from `vars` and params.yaml). When any of them is
 *    present, they are the run, and nothing else is guessed.
 * 2. Otherwise the outputs that only one tool writes, recognised by the readers' own detection
 *    (a name or a content signature, never a bare extension): a dvclive folder, a Hugging Face
 *    output folder (trainer_state.json), Lightning's lightning_logs/version_N, TensorBoard event
 *    files, MLflow's mlruns/ or mlflow.db, a W&B run, LLM-evaluation logs, benchmark JSON; and a
 *    summary file by its usual name (metrics.json, results.json, ...). Of a tool's several runs the
 *    newest is taken (the highest Lightning version, the latest W&B run or checkpoint) and the
 *    others are named as left out.
 * 3. Two candidates of the same kind that are not versions of one another (two metrics.json in
 *    different folders, two TensorBoard runs) are ambiguous: an error names them, since reading
 *    the wrong one would compare the wrong model. Candidates of different kinds are one run.
 *
 * The search is bounded (MAX_DEPTH folders deep, MAX_ENTRIES entries) and skips version control,
 * dependencies, virtual environments, caches and mlci's own state folder; it never follows
 * symbolic links. Paths come back relative to `root`, with `/` separators.
 */
export interface DiscoveredFiles {
  files: FileSpec[];
  /** What was picked and why, then what was seen and left out: one sentence each, for the log and the report. */
  reasons: string[];
}

export const MAX_DEPTH = 4;
export const MAX_ENTRIES = 20_000;

/** Folders never searched: what they hold is not this project's results. */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'venv',
  'env',
  '__pycache__',
  'site-packages',
  'dist-packages',
  'build',
  'target',
  'wandb-artifacts',
  'artifacts',
]);

/** Hidden folders are skipped, except these, which tools write results into. */
const HIDDEN_RESULT_FOLDERS = new Set(['.benchmarks']);

/** Summary files found by name alone (any reader of their type reads them). */
const SUMMARY_NAMES =
  /^(metrics|results|eval_results|all_results|test_results|scores|evaluation|eval)\.(json|ya?ml|toml)$/;

/** Formats whose outputs are picked up without being named. JUnit and plain logs are not: a
 * project's test reports or CSV exports are not its model's metrics unless it says so. */
const DISCOVERED_FORMATS = new Set<FormatId>([
  'dvclive',
  'hf-trainer',
  'mlflow',
  'tensorboard',
  'wandb',
  'lm-eval',
  'promptfoo',
  'inspect-ai',
  'benchmark',
  'sklearn-report',
]);

interface Candidate {
  /** Relative to the root, `/`-separated. */
  path: string;
  isDirectory: boolean;
  /** What kind of output: a format id, or `summary` for a summary file found by name. */
  kind: string;
  /** In words: "a Hugging Face Trainer output folder". */
  what: string;
}

interface Walk {
  dvcFiles: string[];
  candidates: Candidate[];
  truncated: boolean;
}

export async function discoverMetricsFiles(root: string): Promise<DiscoveredFiles> {
  const walk = await walkProject(root);
  const reasons: string[] = [];
  if (walk.truncated)
    reasons.push(
      `stopped looking after ${MAX_ENTRIES} entries: name the files under files: in .mlci.yml for a project this large`,
    );

  const declared = await dvcDeclaredMetrics(root, walk.dvcFiles, reasons);
  if (declared.length > 0) {
    return { files: declared.map((path) => ({ path })), reasons };
  }

  const picked = reduceCandidates(walk.candidates, reasons);
  if (picked.length === 0) {
    throw new ConfigurationError(
      `no metrics files are named, and none were found under ${root === '.' ? 'the current folder' : root}: looked for the metrics a dvc.yaml declares, dvclive/, trainer_state.json, lightning_logs/, TensorBoard event files, mlruns/ or mlflow.db, wandb/run-*, LLM evaluation logs, benchmark JSON and summary files (metrics.json, results.json) up to ${MAX_DEPTH} folders deep. Name the files under files: in .mlci.yml, or pass their paths.`,
    );
  }
  const files = picked.map((c) => ({ path: c.path }));
  reasons.unshift(
    ...picked.map(
      (c) =>
        `read ${c.path}${c.isDirectory ? '/' : ''} (${c.what}): no files are named, and this is what the project's tools wrote`,
    ),
  );
  return { files, reasons };
}

/** Every folder and candidate up to MAX_DEPTH, breadth first, in name order. */
async function walkProject(root: string): Promise<Walk> {
  const walk: Walk = { dvcFiles: [], candidates: [], truncated: false };
  let seen = 0;
  let level = [''];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      let entries: Dirent[];
      try {
        entries = readdirSync(join(root, dir), { withFileTypes: true });
      } catch {
        continue; // unreadable: nothing to find there
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      seen += entries.length;
      if (seen > MAX_ENTRIES) {
        walk.truncated = true;
        return walk;
      }
      for (const entry of entries) {
        const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isSymbolicLink()) continue;
        if (entry.isDirectory()) {
          if (skipFolder(entry.name)) continue;
          // lightning_logs holds one folder per run (version_N): looked into, so that the newest is read.
          const found = entry.name === 'lightning_logs' ? undefined : await folderCandidate(root, path);
          if (found !== undefined) walk.candidates.push(found);
          else next.push(path);
          continue;
        }
        if (!entry.isFile()) continue;
        if (entry.name === 'dvc.yaml') walk.dvcFiles.push(path);
        // Lightning's CSVLogger: a plain CSV, known by where Lightning puts it.
        if (entry.name === 'metrics.csv' && /(^|\/)lightning_logs\/version_\d+$/.test(dir)) {
          walk.candidates.push({
            path,
            isDirectory: false,
            kind: 'lightning-csv',
            what: 'a Lightning CSVLogger log',
          });
          continue;
        }
        const found = await fileCandidate(root, path, entry.name, depth);
        if (found !== undefined) walk.candidates.push(found);
      }
    }
    level = next;
  }
  return walk;
}

function skipFolder(name: string): boolean {
  if (name.startsWith('.')) return !HIDDEN_RESULT_FOLDERS.has(name);
  return SKIPPED_FOLDERS.has(name) || name.endsWith('.egg-info');
}

async function folderCandidate(root: string, path: string): Promise<Candidate | undefined> {
  let found;
  try {
    found = detectBest(await probePath(join(root, path)));
  } catch (error) {
    if (error instanceof MlciError) return undefined;
    throw error;
  }
  if (found === undefined || found.score < DETECT.content) return undefined;
  if (!DISCOVERED_FORMATS.has(found.reader.format)) return undefined;
  return { path, isDirectory: true, kind: found.reader.format, what: shortTitle(found.reader.title) };
}

/** Extensions worth opening to look at: the formats' files; everything else is passed by. */
const LOOKED_AT = /\.(json|jsonl|ya?ml|toml|db|wandb|eval|txt)$|^events\.out\.tfevents\./;

async function fileCandidate(
  root: string,
  path: string,
  name: string,
  depth: number,
): Promise<Candidate | undefined> {
  if (!LOOKED_AT.test(name) || name === 'dvc.yaml' || name === 'dvc.lock') return undefined;
  let found;
  try {
    found = detectBest(await probePath(join(root, path)));
  } catch (error) {
    if (error instanceof MlciError) return undefined;
    throw error;
  }
  if (found !== undefined && found.score >= DETECT.content && DISCOVERED_FORMATS.has(found.reader.format))
    return { path, isDirectory: false, kind: found.reader.format, what: shortTitle(found.reader.title) };
  if (depth <= 2 && SUMMARY_NAMES.test(name) && found !== undefined)
    return {
      path,
      isDirectory: false,
      kind: 'summary',
      what: `a summary file (${shortTitle(found.reader.title)})`,
    };
  return undefined;
}

/**
 * Of each tool's several runs, the newest; then refuses two of a kind. A candidate inside another
 * (a checkpoint inside a Hugging Face output folder) goes with its parent.
 */
function reduceCandidates(candidates: readonly Candidate[], reasons: string[]): Candidate[] {
  let kept = candidates.filter(
    (c) =>
      !candidates.some(
        (parent) => parent !== c && parent.isDirectory && c.path.startsWith(`${parent.path}/`),
      ),
  );
  kept = newestOf(kept, /^(.*?)lightning_logs\/version_(\d+)(\/.*)?$/, 'Lightning version', reasons);
  kept = newestOf(kept, /^(.*?)checkpoint-(\d+)(\/.*)?$/, 'checkpoint', reasons);
  kept = newestOf(kept, /^(.*?)wandb\/(?:offline-)?run-(\d{8}_\d{6})-[^/]+(\/.*)?$/, 'W&B run', reasons);
  kept = newestOf(kept, /^(.*?\.benchmarks\/[^/]+\/)(\d+)_[^/]*()$/, 'saved benchmark run', reasons);
  const byKind = new Map<string, Candidate[]>();
  for (const c of kept) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
  const ambiguous = [...byKind.values()].filter((group) => group.length > 1);
  if (ambiguous.length > 0) {
    const groups = ambiguous
      .map(
        (group) => `${group[0]!.what}: ${group.map((c) => c.path + (c.isDirectory ? '/' : '')).join(', ')}`,
      )
      .join('; ');
    throw new ConfigurationError(
      `no metrics files are named, and the project holds several runs of the same kind, so mlci cannot tell which one is this commit's: ${groups}. Name the run's files under files: in .mlci.yml (or pass their paths).`,
    );
  }
  return kept;
}

/**
 * Among candidates whose paths match `pattern` (groups: what comes before, the version, what comes
 * after) and differ only in the version (a Lightning version, a checkpoint's step, a W&B run's
 * timestamp, a saved benchmark's number), keeps the newest and says which were left out.
 */
function newestOf(
  candidates: readonly Candidate[],
  pattern: RegExp,
  what: string,
  reasons: string[],
): Candidate[] {
  const groups = new Map<string, Array<{ candidate: Candidate; order: string }>>();
  const rest: Candidate[] = [];
  for (const candidate of candidates) {
    const match = pattern.exec(candidate.path);
    if (match === null) {
      rest.push(candidate);
      continue;
    }
    const family = `${candidate.kind}\0${match[1]}\0${match[3] ?? ''}`;
    groups.set(family, [...(groups.get(family) ?? []), { candidate, order: match[2]! }]);
  }
  for (const members of groups.values()) {
    // Numbers compare as numbers (version_10 after version_9), timestamps as text.
    members.sort((a, b) =>
      a.order.length !== b.order.length && /^\d+$/.test(a.order) && /^\d+$/.test(b.order)
        ? a.order.length - b.order.length
        : a.order < b.order
          ? -1
          : a.order > b.order
            ? 1
            : 0,
    );
    const newest = members.at(-1)!;
    rest.push(newest.candidate);
    if (members.length > 1) {
      const older = members.slice(0, -1).map((m) => m.candidate.path);
      reasons.push(
        `left out older ${what}s: ${older.join(', ')} (the newest, ${newest.candidate.path}, is read)`,
      );
    }
  }
  return rest;
}

/**
 * The metrics files the project's dvc.yaml files declare, where present. Paths are relative to a
 * stage's `wdir` (itself relative to its dvc.yaml), `${name}` from the stage file's `vars` and the
 * params.yaml beside it. A declaration that cannot be resolved or is not on disk is named in
 * `reasons` (DVC-cached outputs are only on disk after `dvc pull` or `dvc repro`).
 */
async function dvcDeclaredMetrics(
  root: string,
  dvcFiles: readonly string[],
  reasons: string[],
): Promise<string[]> {
  const found: string[] = [];
  for (const file of dvcFiles) {
    let pipeline: unknown;
    try {
      pipeline = parseYamlText(await readTextFile(join(root, file)), file);
    } catch (error) {
      if (!(error instanceof MlciError)) throw error;
      reasons.push(`could not read ${file}: ${error.message}`);
      continue;
    }
    if (!isRecord(pipeline)) continue;
    const folder = posix.dirname(file) === '.' ? '' : posix.dirname(file);
    const vars = await dvcVars(root, folder, pipeline['vars'], reasons, file);
    const declarations: Array<{ path: unknown; wdir: string; where: string; plot: boolean }> = [];
    for (const path of asList(pipeline['metrics']))
      declarations.push({ path, wdir: '', where: 'metrics', plot: false });
    for (const path of asList(pipeline['plots']))
      declarations.push({ path, wdir: '', where: 'plots', plot: true });
    const stages = isRecord(pipeline['stages']) ? pipeline['stages'] : {};
    for (const [name, stage] of Object.entries(stages)) {
      if (!isRecord(stage)) continue;
      const wdir = typeof stage['wdir'] === 'string' ? stage['wdir'] : '';
      for (const path of asList(stage['metrics']))
        declarations.push({ path, wdir, where: `stages.${name}.metrics`, plot: false });
      for (const path of asList(stage['plots']))
        declarations.push({ path, wdir, where: `stages.${name}.plots`, plot: true });
    }
    for (const { path, wdir, where, plot } of declarations) {
      const raw = typeof path === 'string' ? path : isRecord(path) ? Object.keys(path)[0] : undefined;
      if (raw === undefined) continue;
      // A plot with a template (a confusion matrix of predictions, a scatter) is a chart's data,
      // not a metric; report.plots in .mlci.yml draws those. Plot folders are logs (dvclive's).
      const options = isRecord(path) ? path[raw] : undefined;
      if (plot && isRecord(options) && options['template'] !== undefined) {
        reasons.push(
          `${file}: ${where} declares ${raw} with template ${String(options['template'])}: chart data, not metrics; left out (name it under report.plots in .mlci.yml to draw it)`,
        );
        continue;
      }
      const resolved = interpolate(`${wdir === '' ? '' : `${wdir}/`}${raw}`, vars);
      if (resolved === undefined) {
        reasons.push(`${file}: ${where} names ${raw}, which uses a variable mlci cannot resolve; left out`);
        continue;
      }
      const relativePath = posix.normalize(folder === '' ? resolved : `${folder}/${resolved}`);
      if (relativePath.startsWith('../') || posix.isAbsolute(relativePath)) {
        reasons.push(`${file}: ${where} names ${raw}, outside the project; left out`);
        continue;
      }
      let isDirectory: boolean;
      try {
        isDirectory = (await probePath(join(root, relativePath))).isDirectory;
      } catch {
        reasons.push(
          `${file} declares ${relativePath} (${where}), which is not on disk (DVC-cached outputs appear after dvc pull or dvc repro)`,
        );
        continue;
      }
      if (plot && !isDirectory) {
        reasons.push(
          `${file}: ${where} declares the file ${relativePath}: chart data, not metrics; left out`,
        );
        continue;
      }
      if (!found.includes(relativePath)) {
        found.push(relativePath);
        reasons.push(`read ${relativePath}: ${file} declares it (${where})`);
      }
    }
  }
  return found;
}

/** `vars` of a dvc.yaml: inline mappings and params files (`params.yaml`, `file.yaml:key`). */
async function dvcVars(
  root: string,
  folder: string,
  vars: unknown,
  reasons: string[],
  file: string,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const load = async (spec: string, required: boolean) => {
    const [name, key] = spec.split(':');
    const path = posix.normalize(folder === '' ? name! : `${folder}/${name}`);
    try {
      const value = parseYamlText(await readTextFile(join(root, path)), path);
      const picked = key === undefined ? value : isRecord(value) ? value[key] : undefined;
      if (isRecord(picked)) Object.assign(out, picked);
    } catch (error) {
      if (!(error instanceof MlciError)) throw error;
      if (required) reasons.push(`${file}: vars ${spec} could not be read (${error.message})`);
    }
  };
  // DVC reads params.yaml beside dvc.yaml for ${...} by default.
  await load('params.yaml', false);
  for (const entry of asList(vars)) {
    if (typeof entry === 'string') await load(entry, true);
    else if (isRecord(entry)) Object.assign(out, entry);
  }
  return out;
}

/** `${a.b}` replaced from `vars` (dotted lookup); undefined when a name is not there. */
function interpolate(text: string, vars: Record<string, unknown>): string | undefined {
  let missing = false;
  const out = text.replace(/\$\{\s*([^}]+?)\s*\}/g, (_all, name: string) => {
    let value: unknown = vars;
    for (const part of name.split('.')) value = isRecord(value) ? value[part] : undefined;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    missing = true;
    return '';
  });
  return missing ? undefined : out;
}

/** A reader's title without its parenthesis: "Hugging Face Trainer output". */
function shortTitle(title: string): string {
  return title.replace(/\s*\(.*\)\s*$/, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
