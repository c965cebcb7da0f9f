import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConfigurationError,
  decodeComparison,
  decodeDriftReport,
  decodeDvcLockDiff,
  type ChartImage,
  type Comparison,
  type DriftReport,
  type DvcLockDiff,
} from '@mlci/core';
import { readJsonFile } from '../../shared/src/state.js';

/** A report folder saved by a pull request's run, as checked before anything of it is posted. */
export interface SavedReport {
  id: string;
  title: string;
  comparison: Comparison;
  charts: Array<ChartImage & { png: Buffer }>;
  /** What changed in the DVC pipeline, when the saved report showed it (checked like the rest). */
  pipeline?: DvcLockDiff;
  /**
   * The data drift the saved report's "Data drift" section showed, decoded field by field (the
   * fork wrote it); its charts are those of `charts` with `section: 'drift'`.
   */
  drift?: DriftReport;
  /** The document recorded an acceptance that `trustAcceptance: false` dropped. */
  acceptanceIgnored?: boolean;
}

const MAX_REPORT_JSON = 32 * 1024 * 1024;
const MAX_CHART_BYTES = 5 * 1024 * 1024;
const MAX_CHARTS = 30;
const SAFE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.png$/;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Reads `report.json` and the charts it names from a folder downloaded from a pull request's run.
 * Anyone who can open a pull request controls that folder, so: sizes are capped, the comparison is
 * decoded field by field (gates re-parsed, the verdict derived from them), chart files must be
 * plain names of real PNGs inside the folder, and texts are length-limited. report.md is ignored:
 * the comment is rendered again from these facts, with mlci's escaping.
 */
export async function readSavedReport(
  dir: string,
  options: {
    /**
     * False for a fork's report posted by `workflow_run`: an acceptance label is not believed from
     * it (the fork's run could name any maintainer, and the base repository cannot tell which event
     * started that run), so its failed gates fail.
     */
    trustAcceptance?: boolean;
  } = {},
): Promise<SavedReport> {
  const file = join(dir, 'report.json');
  if (!existsSync(file)) {
    throw new ConfigurationError(
      `input saved-report: ${file} does not exist; download the artifact the pull request's run uploaded (actions/download-artifact) into ${dir}`,
    );
  }
  const doc = (await readJsonFile(file, { maxBytes: MAX_REPORT_JSON })) as Record<string, unknown> | null;
  if (doc === null || typeof doc !== 'object' || doc.schema !== 'mlci/report' || doc.version !== 1) {
    throw new ConfigurationError(`${file}: expected an mlci/report document of version 1`);
  }
  const id = typeof doc.id === 'string' && /^[A-Za-z0-9._/-]{1,100}$/.test(doc.id) ? doc.id : undefined;
  if (id === undefined)
    throw new ConfigurationError(`${file}: id: expected letters, digits and . _ / - only`);
  const title = typeof doc.title === 'string' ? doc.title.slice(0, 200) : 'mlci report';
  const comparison = decodeComparison(doc.comparison, `${file}: comparison`, options);
  if (!Array.isArray(doc.charts) || doc.charts.length > MAX_CHARTS) {
    throw new ConfigurationError(`${file}: charts: expected a list of at most ${MAX_CHARTS} charts`);
  }
  const drift =
    doc.drift === undefined || doc.drift === null
      ? undefined
      : decodeDriftReport(doc.drift, file, { at: 'drift' });
  // Without a drift section a chart marked for it would show nowhere: it goes with the others.
  const charts = doc.charts.map((chart: unknown, i: number) => {
    const image = savedChart(dir, file, chart, i);
    if (drift === undefined) delete image.section;
    return image;
  });
  const recorded = (doc.comparison as Record<string, unknown> | null)?.acceptance;
  const acceptanceIgnored = options.trustAcceptance === false && recorded !== undefined && recorded !== null;
  const pipeline =
    doc.pipeline === undefined || doc.pipeline === null
      ? undefined
      : decodeDvcLockDiff(doc.pipeline, `${file}: pipeline`);
  return {
    id,
    title,
    comparison,
    charts,
    ...(pipeline !== undefined ? { pipeline } : {}),
    ...(drift !== undefined ? { drift } : {}),
    ...(acceptanceIgnored ? { acceptanceIgnored } : {}),
  };
}

function savedChart(dir: string, file: string, value: unknown, index: number): ChartImage & { png: Buffer } {
  const where = `${file}: charts[${index}]`;
  const chart = value as Record<string, unknown> | null;
  if (chart === null || typeof chart !== 'object')
    throw new ConfigurationError(`${where}: expected an object`);
  const name = chart.file;
  if (typeof name !== 'string' || !SAFE_FILE.test(name)) {
    throw new ConfigurationError(
      `${where}.file: expected a plain PNG file name, found ${JSON.stringify(name)}`,
    );
  }
  const path = join(dir, name);
  if (!existsSync(path) || !statSync(path).isFile() || statSync(path).size > MAX_CHART_BYTES) {
    throw new ConfigurationError(
      `${where}.file: ${name} is missing from the saved report or larger than ${MAX_CHART_BYTES} bytes`,
    );
  }
  const png = readFileSync(path);
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE))
    throw new ConfigurationError(`${where}.file: ${name} is not a PNG`);
  const text = (v: unknown, max: number, fallback: string) =>
    typeof v === 'string' ? v.slice(0, max) : fallback;
  const size = (v: unknown) =>
    typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 10_000 ? v : 800;
  const section = chart.section;
  if (section !== undefined && section !== null && section !== 'drift')
    throw new ConfigurationError(
      `${where}.section: expected "drift" or nothing, found ${typeof section === 'string' ? JSON.stringify(section.slice(0, 40)) : typeof section}`,
    );
  return {
    file: name,
    alt: text(chart.alt, 1000, name),
    title: text(chart.title, 200, name),
    width: size(chart.width),
    height: size(chart.height),
    // A column's histogram: shown in the "Data drift" section, not with the model's charts.
    ...(section === 'drift' ? { section } : {}),
    png,
  };
}
