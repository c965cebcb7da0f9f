import { isMap, isSeq, isScalar, type Node } from 'yaml';
import { parseCheckedYaml, type CheckedYaml } from '../yaml-check.js';
import type { Direction } from '../gates/direction.js';
import { matchKeys } from '../gates/match.js';
import { parseGate } from '../gates/parse.js';
import { isPercentUnit, type MetricUnit } from '../gates/percent.js';
import { DEFAULT_UNTESTABLE, UNTESTABLE_CHOICES, type Gate, type Untestable } from '../gates/types.js';
import type { MetricSettings } from '../compare/compare.js';
import { CORRECTIONS, DEFAULT_CORRECTION, type Correction } from '../stats/family.js';
import { DEFAULT_HISTORY_WINDOW, MIN_HISTORY_RECORDS } from '../stats/noise.js';
import { pathPatternToRegExp } from './repeats.js';
import { EXTRA_PLACEMENTS, type ExtraRequest } from '../report/extra.js';
import type { ExtraPlacement } from '../report/model.js';
import { checkDriftOptions, DRIFT_DEFAULTS, type DriftOptions } from '../data/drift.js';
import { parseTableFormat, type TableFormat } from '../data/read.js';
import { parseMissingValues } from '../data/values.js';

/** One input of a run: a file or folder, and optionally its format. */
export interface FileSpec {
  path: string;
  format?: string;
}

export interface DisplaySettings {
  /** Significant digits shown (1 to 15). */
  precision?: number;
  /**
   * Shown after the value: "ms", "MB". `percent` (or `%`) also says the value is written in
   * percent (91.3), so that a gate's `90%` means 90 (metricUnit).
   */
  unit?: string;
  /** The value is a fraction shown as a percentage (0.913 -> 91.3%); a gate's `90%` means 0.9. */
  percent?: boolean;
}

export interface MetricRule extends MetricSettings, DisplaySettings {
  /** The key or glob this entry applies to. */
  selector: string;
}

/** What the report shows beyond metrics and gates (`report:` in .mlci.yml). */
export interface ReportSettings {
  /** The report's heading. */
  title?: string;
  /** Tells reports apart on one pull request (one per matrix value): `mlci/<value>`. */
  id?: string;
  /** At most this many training-curve charts (default 6). */
  maxCurves?: number;
  /**
   * Series (keys or globs) to draw even though they are left out by default: bookkeeping
   * (epoch, learning_rate, runtimes, throughputs) and flat series. Empty or absent: none.
   */
  curves?: string[];
  /** Plot data files of the pull request's run: confusion matrix, ROC, precision-recall. */
  plots: string[];
  /** Per-example predictions of the pull request's run, for the confusion matrix and ROC/PR curves. */
  predictions?: string;
  /**
   * The team's own Markdown files and images (docs/extra-content.md); `file` relative to the
   * config file, as written (the CLI and the action make it workspace-relative).
   */
  sections?: ExtraRequest[];
}

/** How statistical gates are decided together (`statistics:` in .mlci.yml); see docs/statistics.md. */
export interface StatisticsSettings {
  /** The family-wise correction across every statistical and paired gate result of a report. */
  correction: Correction;
  /** What a statistical or paired gate does when it cannot test, unless the gate says. */
  untestable: Untestable;
  /** How many of the base branch's most recent records estimate a metric's noise. */
  historyWindow: number;
}

/**
 * The tables `mlci drift` and the actions compare (`drift:` in .mlci.yml; docs/drift.md). Flags of
 * `mlci drift` and inputs of the actions override each setting; the correction is
 * `statistics.correction`.
 */
export interface DriftSettings {
  /** A file, a folder, `git:<rev>:<path>`; in the actions also `base` (drift-current's path(s) at the pull request's base commit). */
  reference?: string;
  current?: string;
  format?: TableFormat;
  /** Raw specs as given to `mlci drift --missing-values` (parseMissingValues). */
  missingValues: string[];
  alpha?: number;
  threshold?: number;
  smallRows?: number;
  driftShare?: number;
  seed?: number;
}

/** `drift.reference: base`: the current data's path as committed at the base commit (actions only). */
export const DRIFT_BASE_REFERENCE = 'base';

/** `.mlci.yml`, validated. Documented in docs/config.md. */
export interface MlciConfig {
  /** The file it came from, for messages; undefined for an empty default config. */
  file?: string;
  files: FileSpec[];
  /**
   * Path patterns whose every match (a file or folder) is one run: seeds, folds (config/repeats.ts).
   * Empty: `files:` are one run.
   */
  repeats: string[];
  gates: Gate[];
  metrics: MetricRule[];
  report: ReportSettings;
  statistics: StatisticsSettings;
  /** Undefined when the file has no `drift:` section. */
  drift?: DriftSettings;
}

export function emptyConfig(): MlciConfig {
  return {
    files: [],
    repeats: [],
    gates: [],
    metrics: [],
    report: { plots: [] },
    statistics: {
      correction: DEFAULT_CORRECTION,
      untestable: DEFAULT_UNTESTABLE,
      historyWindow: DEFAULT_HISTORY_WINDOW,
    },
  };
}

/** The keys the validator accepts, exported so that schema/mlci.schema.json is tested against them. */
export const CONFIG_KEYS = {
  top: ['version', 'files', 'repeats', 'gates', 'metrics', 'report', 'statistics', 'drift'],
  report: ['title', 'id', 'max-curves', 'curves', 'plots', 'predictions', 'sections'],
  section: ['file', 'placement', 'title', 'folded', 'alt'],
  statistics: ['correction', 'untestable', 'history-window'],
  drift: [
    'reference',
    'current',
    'format',
    'missing-values',
    'alpha',
    'threshold',
    'small-rows',
    'drift-share',
    'seed',
  ],
  file: ['path', 'format'],
  gate: ['gate', 'metric', 'rule', 'level'],
  metric: ['direction', 'tolerance', 'precision', 'unit', 'percent'],
} as const;
const TOP_KEYS = [...CONFIG_KEYS.top];
const FILE_KEYS = [...CONFIG_KEYS.file];
const GATE_KEYS = [...CONFIG_KEYS.gate];
/** `- warn: loss rise <= 2%` is how YAML reads a warn: prefix: a one-key mapping. Accept it as such. */
const LEVEL_KEYS = ['warn', 'fail'];
const METRIC_KEYS = [...CONFIG_KEYS.metric];
const REPORT_KEYS = [...CONFIG_KEYS.report];
const SECTION_KEYS = [...CONFIG_KEYS.section];
const STATISTICS_KEYS = [...CONFIG_KEYS.statistics];
const DRIFT_KEYS = [...CONFIG_KEYS.drift];

/** The numbers of `drift:`, checked by the rules of `mlci drift`'s flags (checkDriftOptions). */
const DRIFT_NUMBERS = [
  ['alpha', 'alpha'],
  ['threshold', 'threshold'],
  ['small-rows', 'smallRows'],
  ['drift-share', 'driftShare'],
] as const satisfies ReadonlyArray<readonly [string, keyof DriftOptions & keyof DriftSettings]>;

/** Parses and validates config text. Every mistake names file:line:column and the key path. */
export function parseConfig(text: string, file: string): MlciConfig {
  // The mistake everyone makes once: a gate that starts with a quoted metric name.
  const quotedGate = (line: string) =>
    /(^|[:-])\s*"[^"]*"\s+\S/.test(line)
      ? `. A YAML value that starts with a quote must end with it: quote the whole gate ('"macro avg.f1" >= 0.8') or use metric: and rule:`
      : '';
  const yaml = parseCheckedYaml(text, file, quotedGate);
  const { doc, describe, checkKeys } = yaml;
  const where = (node: Node | null | undefined, path: string): string => `${yaml.where(node)}: ${path}`;
  // Declared with its type so that `if (bad) fail(...)` narrows like a throw does.
  const fail: CheckedYaml['fail'] = yaml.fail;
  const scalarString = (node: Node | null | undefined, path: string, expected: string): string => {
    if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
      return fail(node, path, `expected ${expected}, found ${describe(node)}`);
    }
    return String(node.value);
  };

  const config = emptyConfig();
  config.file = file;
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return config;
  if (!isMap(root))
    return fail(
      root,
      '(top level)',
      `expected a mapping with keys ${TOP_KEYS.join(', ')}, found ${describe(root)}`,
    );
  checkKeys(root, '', TOP_KEYS);

  const version = root.get('version', true) as Node | undefined;
  if (version !== undefined && !(isScalar(version) && version.value === 1))
    fail(version, 'version', `expected 1, found ${describe(version)}`);

  const files = root.get('files', true) as Node | undefined;
  if (files !== undefined) {
    if (!isSeq(files)) fail(files, 'files', `expected a list of paths, found ${describe(files)}`);
    (files as unknown as { items: Node[] }).items.forEach((item, i) => {
      const path = `files[${i}]`;
      if (isScalar(item)) {
        config.files.push({ path: scalarString(item, path, 'a path') });
        return;
      }
      if (!isMap(item)) fail(item, path, `expected a path or { path, format }, found ${describe(item)}`);
      checkKeys(item, path, FILE_KEYS);
      const spec: FileSpec = { path: scalarString(item.get('path', true) as Node, `${path}.path`, 'a path') };
      const format = item.get('format', true) as Node | undefined;
      if (format !== undefined) spec.format = scalarString(format, `${path}.format`, 'a format name');
      config.files.push(spec);
    });
  }

  const repeats = root.get('repeats', true) as Node | undefined;
  if (repeats !== undefined && !(isScalar(repeats) && repeats.value === null)) {
    const patterns: Array<{ node: Node; path: string }> = isSeq(repeats)
      ? (repeats as unknown as { items: Node[] }).items.map((node, i) => ({ node, path: `repeats[${i}]` }))
      : [{ node: repeats, path: 'repeats' }];
    for (const { node, path } of patterns) {
      const pattern = scalarString(node, path, 'a path pattern such as runs/seed-*/metrics.json');
      try {
        pathPatternToRegExp(pattern, path);
      } catch (error) {
        fail(
          node,
          path,
          error instanceof Error ? error.message.replace(/^repeats(\[\d+\])?: /, '') : String(error),
        );
      }
      config.repeats.push(pattern);
    }
    if (config.files.length > 0)
      fail(
        repeats,
        'repeats',
        'files: and repeats: both name the runs: keep files: for one run, or repeats: for one run per match (each seed folder or file), not both',
      );
  }

  const report = root.get('report', true) as Node | undefined;
  if (report !== undefined && !(isScalar(report) && report.value === null)) {
    if (!isMap(report))
      return fail(report, 'report', `expected a mapping with keys ${REPORT_KEYS.join(', ')}`);
    checkKeys(report, 'report', REPORT_KEYS);
    const section = { get: (key: string) => report.get(key, true) as Node | undefined };
    const title = section.get('title');
    if (title !== undefined) config.report.title = scalarString(title, 'report.title', 'a title');
    const id = section.get('id');
    if (id !== undefined) {
      config.report.id = scalarString(id, 'report.id', 'a report id');
      if (!/^[A-Za-z0-9._/-]+$/.test(config.report.id))
        fail(id, 'report.id', 'expected letters, digits and . _ / - only (it is part of a hidden marker)');
    }
    const maxCurves = section.get('max-curves');
    if (maxCurves !== undefined) {
      const n = isScalar(maxCurves) ? maxCurves.value : undefined;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 50)
        fail(
          maxCurves,
          'report.max-curves',
          `expected a whole number from 0 to 50, found ${describe(maxCurves)}`,
        );
      config.report.maxCurves = n as number;
    }
    const curves = section.get('curves');
    if (curves !== undefined) {
      const list: string[] = [];
      if (isScalar(curves)) list.push(scalarString(curves, 'report.curves', 'a series key or glob'));
      else if (isSeq(curves))
        (curves as unknown as { items: Node[] }).items.forEach((item, i) =>
          list.push(scalarString(item, `report.curves[${i}]`, 'a series key or glob')),
        );
      else
        fail(
          curves,
          'report.curves',
          `expected a series key (learning_rate), a glob (eval_*) or a list of them, found ${describe(curves)}`,
        );
      config.report.curves = list;
    }
    const plots = section.get('plots');
    if (plots !== undefined) {
      if (isScalar(plots)) config.report.plots.push(scalarString(plots, 'report.plots', 'a path'));
      else if (isSeq(plots))
        (plots as unknown as { items: Node[] }).items.forEach((item, i) =>
          config.report.plots.push(scalarString(item, `report.plots[${i}]`, 'a path')),
        );
      else fail(plots, 'report.plots', `expected a path or a list of paths, found ${describe(plots)}`);
    }
    const predictions = section.get('predictions');
    if (predictions !== undefined)
      config.report.predictions = scalarString(predictions, 'report.predictions', 'a path');
    const sections = section.get('sections');
    if (sections !== undefined && !(isScalar(sections) && sections.value === null)) {
      if (!isSeq(sections))
        fail(
          sections,
          'report.sections',
          `expected a list of files such as - reports/shap.md or - { file: reports/shap.md, placement: after-summary }, found ${describe(sections)}`,
        );
      config.report.sections = (sections as unknown as { items: Node[] }).items.map((item, i) => {
        const path = `report.sections[${i}]`;
        if (isScalar(item)) return { file: scalarString(item, path, 'a file'), from: where(item, path) };
        if (!isMap(item))
          return fail(
            item,
            path,
            `expected a file or { file, placement, title, folded, alt }, found ${describe(item)}`,
          );
        checkKeys(item, path, SECTION_KEYS);
        const get = (key: string) => item.get(key, true) as Node | undefined;
        const fileNode = get('file');
        if (fileNode === undefined) fail(item, path, 'expected file: (a Markdown file or an image)');
        const request: ExtraRequest = {
          file: scalarString(fileNode, `${path}.file`, 'a file'),
          from: where(item, path),
        };
        const placement = get('placement');
        if (placement !== undefined) {
          const value = scalarString(placement, `${path}.placement`, EXTRA_PLACEMENTS.join(', '));
          if (!(EXTRA_PLACEMENTS as readonly string[]).includes(value))
            fail(
              placement,
              `${path}.placement`,
              `expected ${EXTRA_PLACEMENTS.join(', ')}; found ${JSON.stringify(value)}`,
            );
          request.placement = value as ExtraPlacement;
        }
        const title = get('title');
        if (title !== undefined) request.title = scalarString(title, `${path}.title`, 'a title');
        const alt = get('alt');
        if (alt !== undefined)
          request.alt = scalarString(alt, `${path}.alt`, 'alt text that says what the image shows');
        const folded = get('folded');
        if (folded !== undefined) {
          if (!isScalar(folded) || typeof folded.value !== 'boolean')
            fail(folded, `${path}.folded`, `expected true or false, found ${describe(folded)}`);
          request.folded = (folded as { value: boolean }).value;
        }
        return request;
      });
    }
  }

  const statistics = root.get('statistics', true) as Node | undefined;
  if (statistics !== undefined && !(isScalar(statistics) && statistics.value === null)) {
    if (!isMap(statistics))
      return fail(statistics, 'statistics', `expected a mapping with keys ${STATISTICS_KEYS.join(', ')}`);
    checkKeys(statistics, 'statistics', STATISTICS_KEYS);
    const choice = <T extends string>(key: string, choices: readonly T[]): T | undefined => {
      const node = statistics.get(key, true) as Node | undefined;
      if (node === undefined) return undefined;
      const value = scalarString(node, `statistics.${key}`, choices.join(' or '));
      if (!(choices as readonly string[]).includes(value))
        fail(node, `statistics.${key}`, `expected ${choices.join(', ')}; found ${JSON.stringify(value)}`);
      return value as T;
    };
    const correction = choice('correction', CORRECTIONS);
    if (correction !== undefined) config.statistics.correction = correction;
    const untestable = choice('untestable', UNTESTABLE_CHOICES);
    if (untestable !== undefined) config.statistics.untestable = untestable;
    const window = statistics.get('history-window', true) as Node | undefined;
    if (window !== undefined) {
      const n = isScalar(window) ? window.value : undefined;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < MIN_HISTORY_RECORDS || n > 1000)
        fail(
          window,
          'statistics.history-window',
          `expected a whole number of records from ${MIN_HISTORY_RECORDS} to 1000, found ${describe(window)}`,
        );
      config.statistics.historyWindow = n as number;
    }
  }

  const drift = root.get('drift', true) as Node | undefined;
  if (drift !== undefined && !(isScalar(drift) && drift.value === null)) {
    if (!isMap(drift))
      return fail(
        drift,
        'drift',
        `expected a mapping with keys ${DRIFT_KEYS.join(', ')}, found ${describe(drift)}`,
      );
    checkKeys(drift, 'drift', DRIFT_KEYS);
    const get = (key: string) => drift.get(key, true) as Node | undefined;
    const settings: DriftSettings = { missingValues: [] };
    const table = 'a file, a folder or git:<revision>:<path>';
    const tablePath = (node: Node, path: string, expected: string): string => {
      const value = scalarString(node, path, expected).trim();
      if (value === '') fail(node, path, `expected ${expected}, found an empty string`);
      return value;
    };
    const reference = get('reference');
    if (reference !== undefined)
      settings.reference = tablePath(reference, 'drift.reference', `${table}, or base`);
    const current = get('current');
    if (current !== undefined) {
      settings.current = tablePath(current, 'drift.current', table);
      if (settings.current === DRIFT_BASE_REFERENCE)
        fail(
          current,
          'drift.current',
          'base names the current data as committed at the base commit, so it can only be the reference: name the current data (a file, a folder or git:<revision>:<path>)',
        );
    }
    const format = get('format');
    if (format !== undefined) {
      const value = scalarString(format, 'drift.format', 'a table format');
      try {
        settings.format = parseTableFormat(value, 'format');
      } catch (error) {
        fail(format, 'drift.format', afterValue(error, `found ${JSON.stringify(value)}`));
      }
    }
    const missing = get('missing-values');
    if (missing !== undefined && !(isScalar(missing) && missing.value === null)) {
      const items: Array<{ node: Node; path: string }> = isSeq(missing)
        ? (missing as unknown as { items: Node[] }).items.map((node, i) => ({
            node,
            path: `drift.missing-values[${i}]`,
          }))
        : [{ node: missing, path: 'drift.missing-values' }];
      for (const { node, path } of items) {
        const spec = scalarString(node, path, 'VALUE[,VALUE...] or COLUMN=VALUE[,VALUE...]');
        try {
          parseMissingValues([spec], 'missing-values');
        } catch (error) {
          fail(node, path, afterValue(error, `found ${JSON.stringify(spec)}`));
        }
        settings.missingValues.push(spec);
      }
    }
    for (const [key, field] of DRIFT_NUMBERS) {
      const node = get(key);
      if (node === undefined) continue;
      const value = isScalar(node) ? node.value : undefined;
      if (typeof value !== 'number') fail(node, `drift.${key}`, `expected a number, found ${describe(node)}`);
      try {
        checkDriftOptions({ ...DRIFT_DEFAULTS, [field]: value });
      } catch (error) {
        fail(node, `drift.${key}`, afterValue(error, `found ${describe(node)}`));
      }
      settings[field] = value as number;
    }
    const seed = get('seed');
    if (seed !== undefined) {
      const value = isScalar(seed) ? seed.value : undefined;
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        fail(seed, 'drift.seed', `expected a whole number, found ${describe(seed)}`);
      settings.seed = value as number;
    }
    config.drift = settings;
  }

  const gates = root.get('gates', true) as Node | undefined;
  if (gates !== undefined) {
    if (!isSeq(gates))
      fail(gates, 'gates', `expected a list of gates such as "accuracy >= 0.9", found ${describe(gates)}`);
    (gates as unknown as { items: Node[] }).items.forEach((item, i) => {
      const path = `gates[${i}]`;
      const origin = where(item, path);
      let text: string;
      let level: string | undefined;
      if (isScalar(item)) {
        text = scalarString(item, path, 'a gate such as "accuracy >= 0.9"');
      } else if (
        isMap(item) &&
        item.items.length === 1 &&
        LEVEL_KEYS.includes(String((item.items[0]!.key as { value?: unknown }).value))
      ) {
        level = String((item.items[0]!.key as { value?: unknown }).value);
        text = scalarString(
          item.items[0]!.value as Node,
          `${path}.${level}`,
          'a gate such as "loss rise <= 2%"',
        );
      } else if (isMap(item)) {
        checkKeys(item, path, GATE_KEYS);
        const gateNode = item.get('gate', true) as Node | undefined;
        const metricNode = item.get('metric', true) as Node | undefined;
        const ruleNode = item.get('rule', true) as Node | undefined;
        if (gateNode !== undefined) {
          if (metricNode !== undefined || ruleNode !== undefined)
            fail(item, path, 'give either gate, or metric and rule, not both');
          text = scalarString(gateNode, `${path}.gate`, 'a gate such as "accuracy >= 0.9"');
        } else {
          if (metricNode === undefined)
            fail(item, path, 'expected a gate: either gate: "accuracy >= 0.9", or metric: and rule:');
          if (ruleNode === undefined)
            fail(item, `${path}.rule`, 'missing; expected a rule such as ">= 0.9" or "drop <= 0.01"');
          const metric = scalarString(metricNode, `${path}.metric`, 'a metric name or glob');
          const rule = scalarString(ruleNode, `${path}.rule`, 'a rule such as ">= 0.9"');
          text = `${/\s/.test(metric) ? JSON.stringify(metric) : metric} ${rule}`;
        }
        const levelNode = item.get('level', true) as Node | undefined;
        if (levelNode !== undefined) {
          level = scalarString(levelNode, `${path}.level`, 'fail or warn');
          if (level !== 'fail' && level !== 'warn')
            fail(levelNode, `${path}.level`, `expected fail or warn, found ${JSON.stringify(level)}`);
        }
      } else {
        return fail(item, path, `expected a gate such as "accuracy >= 0.9", found ${describe(item)}`);
      }
      const gate = parseGate(text, origin);
      if (level !== undefined) gate.level = level as Gate['level'];
      config.gates.push(gate);
    });
  }

  const metrics = root.get('metrics', true) as Node | undefined;
  if (metrics !== undefined) {
    if (!isMap(metrics))
      fail(
        metrics,
        'metrics',
        `expected a mapping of metric names (or globs) to settings, found ${describe(metrics)}`,
      );
    for (const pair of (metrics as unknown as { items: Array<{ key: Node; value: Node | null }> }).items) {
      const selector = isScalar(pair.key)
        ? String(pair.key.value)
        : fail(pair.key, 'metrics', 'expected a metric name as key');
      const path = `metrics.${selector}`;
      const node = pair.value;
      if (!isMap(node))
        return fail(node, path, `expected settings such as { direction: higher }, found ${describe(node)}`);
      checkKeys(node, path, METRIC_KEYS);
      const rule: MetricRule = { selector };
      const direction = node.get('direction', true) as Node | undefined;
      if (direction !== undefined) {
        const value = scalarString(direction, `${path}.direction`, 'higher or lower');
        if (value !== 'higher' && value !== 'lower')
          fail(direction, `${path}.direction`, `expected higher or lower, found ${JSON.stringify(value)}`);
        rule.direction = value as Direction;
      }
      const tolerance = node.get('tolerance', true) as Node | undefined;
      if (tolerance !== undefined)
        rule.tolerance = parseTolerance(
          scalarString(tolerance, `${path}.tolerance`, 'a number or a percentage'),
          () =>
            fail(
              tolerance,
              `${path}.tolerance`,
              `expected a number of 0 or more, or a percentage such as 0.5%, found ${describe(tolerance)}`,
            ),
        );
      const precision = node.get('precision', true) as Node | undefined;
      if (precision !== undefined) {
        const value = isScalar(precision) ? precision.value : undefined;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 15) {
          fail(
            precision,
            `${path}.precision`,
            `expected a whole number of significant digits from 1 to 15, found ${describe(precision)}`,
          );
        }
        rule.precision = value as number;
      }
      const unit = node.get('unit', true) as Node | undefined;
      if (unit !== undefined) rule.unit = scalarString(unit, `${path}.unit`, 'a unit such as ms');
      const percent = node.get('percent', true) as Node | undefined;
      if (percent !== undefined) {
        if (!isScalar(percent) || typeof percent.value !== 'boolean')
          fail(percent, `${path}.percent`, `expected true or false, found ${describe(percent)}`);
        rule.percent = (percent as { value: boolean }).value;
      }
      if (rule.percent === true && isPercentUnit(rule.unit))
        fail(
          node,
          path,
          'percent: true says the value is a fraction (0.913 shown as 91.3%), unit: percent that it is written in percent (91.3): keep the one that is true',
        );
      config.metrics.push(rule);
    }
  }
  return config;
}

/**
 * The "expected ..." of a flag's error (`--alpha 0.7: expected a level above 0, at most 0.5`), for
 * the same rule in the config, followed by what was found there.
 */
function afterValue(error: unknown, found: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const expected = message.indexOf(': expected ');
  return `${expected >= 0 ? message.slice(expected + 2) : message}, ${found}`;
}

function parseTolerance(text: string, bad: () => never): { value: number; relative: boolean } {
  const match = /^\s*(\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*(%?)\s*$/.exec(text);
  if (match === null) return bad();
  const value = Number(text.replace('%', ''));
  if (!(value >= 0)) return bad();
  return { value, relative: match[2] === '%' };
}

/** The settings that apply to a key: every matching entry in file order, later entries winning. */
export function settingsFor(config: MlciConfig, key: string): MetricRule {
  const merged: MetricRule = { selector: key };
  for (const rule of config.metrics) {
    if (matchKeys(rule.selector, [key]).length !== 1) continue;
    // A fraction (percent: true) and a value in percent (unit: percent) exclude each other: the
    // later entry's word wins, as it does for any one setting.
    if (rule.percent === true && isPercentUnit(merged.unit)) delete merged.unit;
    if (isPercentUnit(rule.unit)) delete merged.percent;
    Object.assign(merged, rule, { selector: key });
  }
  return merged;
}

/**
 * How a metric's values are written, for the percent limits of gates: `unit: percent` says in
 * percent (91.3), `percent: true` says a fraction (0.913); undefined when neither is declared.
 */
export function metricUnit(settings: DisplaySettings): MetricUnit | undefined {
  if (isPercentUnit(settings.unit)) return 'percent';
  return settings.percent === true ? 'fraction' : undefined;
}
