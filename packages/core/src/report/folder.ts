import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Comparison } from '../compare/compare.js';
import type { DvcLockDiff } from '../dvc/diff.js';
import type { DriftReport } from '../data/drift.js';
import { stringifyDocument } from '../compare/json.js';
import { ConfigurationError } from '../errors.js';
import type { BuiltReport } from './build.js';
import type { ChartImage } from './model.js';

/** `report.json`: what later steps (the actions, a fork's workflow_run) read back. */
export interface ReportDocument {
  schema: 'mlci/report';
  version: 1;
  id: string;
  title: string;
  verdict: Comparison['verdict'];
  markdown: 'report.md';
  /** Absent when the folder was written without the HTML preview (the actions' default). */
  preview?: 'index.html';
  /** Sections the comment had to leave out to fit GitHub's limit. */
  omitted: string[];
  charts: ChartImage[];
  /** The images of the team's own sections (`extra-*.png`, `extra-*.jpg`), when there are any. */
  extra?: string[];
  comparison: Comparison;
  /** What changed in the DVC pipeline (dvc.lock against the base's), when the report shows it. */
  pipeline?: DvcLockDiff;
  /** The data drift the report's "Data drift" section shows (its charts are those with `section: 'drift'`). */
  drift?: DriftReport;
}

export const REPORT_FILES = { markdown: 'report.md', json: 'report.json', preview: 'index.html' } as const;
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.png$/;
/** The names report/extra.ts gives the team's images. */
const EXTRA_NAME = /^extra-[A-Za-z0-9_-]+\.(png|jpg)$/;

export interface ReportFolderOptions {
  /**
   * Write index.html, the preview of the comment (default true). The actions leave it out unless
   * asked: on GitHub the job summary shows the same report, and the Markdown-to-HTML stack is the
   * slowest part of a report step (~70-130 ms of a cold process).
   */
  preview?: boolean;
}

/**
 * Writes report.md, the charts, report.json and (unless turned off) index.html into `dir`. Each
 * file is written to a temporary name and renamed, so a reader never sees half a file; charts and
 * the preview a previous report in the same folder wrote and this one does not are removed (only
 * those: other files are the user's), so nothing in the folder shows an older report.
 */
export async function writeReportFolder(
  dir: string,
  report: BuiltReport,
  options: ReportFolderOptions = {},
): Promise<{ written: string[]; document: ReportDocument }> {
  const preview = options.preview ?? true;
  if (existsSync(dir) && !(await stat(dir)).isDirectory()) {
    throw new ConfigurationError(`${dir}: is a file; expected a folder to write the report into`);
  }
  await mkdir(dir, { recursive: true });
  const previous = await previousFiles(dir);
  const written: string[] = [];
  for (const chart of report.charts) {
    if (!SAFE_NAME.test(chart.file))
      throw new Error(`chart file name ${JSON.stringify(chart.file)} is not safe`);
    await writeAtomically(join(dir, chart.file), chart.png);
    written.push(chart.file);
  }
  for (const image of report.extraImages ?? []) {
    if (!EXTRA_NAME.test(image.file))
      throw new Error(`extra image file name ${JSON.stringify(image.file)} is not safe`);
    await writeAtomically(join(dir, image.file), image.bytes);
    written.push(image.file);
  }
  const title = report.input.title ?? 'mlci report';
  const document: ReportDocument = {
    schema: 'mlci/report',
    version: 1,
    id: report.input.id,
    title,
    verdict: report.input.comparison.verdict,
    markdown: REPORT_FILES.markdown,
    ...(preview ? { preview: REPORT_FILES.preview } : {}),
    omitted: report.omitted,
    charts: report.input.charts,
    ...(report.input.pipeline !== undefined ? { pipeline: report.input.pipeline } : {}),
    ...(report.input.drift !== undefined ? { drift: report.input.drift } : {}),
    ...(report.extraImages !== undefined && report.extraImages.length > 0
      ? { extra: report.extraImages.map((i) => i.file) }
      : {}),
    comparison: report.input.comparison,
  };
  await writeAtomically(join(dir, REPORT_FILES.json), `${stringifyDocument(document)}\n`);
  await writeAtomically(join(dir, REPORT_FILES.markdown), `${report.markdown}\n`);
  written.push(REPORT_FILES.json, REPORT_FILES.markdown);
  if (preview) {
    // The Markdown-to-HTML stack is loaded only here, where a preview is written.
    const { renderHtmlPreview } = await import('./html.js');
    await writeAtomically(join(dir, REPORT_FILES.preview), renderHtmlPreview(report.markdown, { title }));
    written.push(REPORT_FILES.preview);
  }
  for (const stale of previous) {
    if (!written.includes(stale)) await rm(join(dir, stale), { force: true });
  }
  return { written, document };
}

/**
 * The charts and preview listed by a report.json of mlci's already in the folder; nothing else is
 * ever removed.
 */
async function previousFiles(dir: string): Promise<string[]> {
  const path = join(dir, REPORT_FILES.json);
  if (!existsSync(path)) return [];
  try {
    const old = JSON.parse(await readFile(path, 'utf8')) as Partial<ReportDocument>;
    if (old.schema !== 'mlci/report' || !Array.isArray(old.charts)) return [];
    const charts = old.charts
      .map((c) => c?.file)
      .filter((f): f is string => typeof f === 'string' && SAFE_NAME.test(f));
    const extra = (Array.isArray(old.extra) ? old.extra : []).filter(
      (f): f is string => typeof f === 'string' && EXTRA_NAME.test(f),
    );
    return old.preview === REPORT_FILES.preview
      ? [...charts, ...extra, REPORT_FILES.preview]
      : [...charts, ...extra];
  } catch {
    return [];
  }
}

async function writeAtomically(path: string, data: string | Buffer): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}
