/**
 * A dvclive output folder (`dvclive/` by default):
 * - `metrics.json`: the summary dvclive writes at each step (nested; may hold `step`): metrics,
 *   and they win over the last point of a curve of the same key;
 * - `params.yaml`: every leaf is a param;
 * - `plots/metrics/**.tsv`: one curve per file (`step`, the value, and a `timestamp` in
 *   milliseconds when `log_metric(..., timestamp=True)`); the key is the path below
 *   `plots/metrics` without its extension, "/" as ".": `plots/metrics/train/loss.tsv` is
 *   `train.loss`, the same key `{"train": {"loss": ...}}` has in metrics.json.
 * Plot data (`plots/sklearn`, `plots/custom`), images and reports are not metrics and are not read.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DocBuilder } from '../doc-builder.js';
import { ConfigurationError } from '../errors.js';
import { flattenInto } from '../flatten.js';
import { parseJsonText } from '../json-text.js';
import { slashPathToKey } from '../keys.js';
import type { MetricsDoc } from '../model.js';
import { readDelimitedInto } from './delimited.js';
import { extensionOf, folderScope, readTextFile, statOrExplain } from './files.js';
import { parseYamlText } from './structured.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from './types.js';

/** Folders of curves, newest dvclive layout first (`scalars/` is dvclive 1.x). */
const CURVE_FOLDERS = ['plots/metrics', 'scalars'];
const READ_ENTRIES = new Set(['metrics.json', 'params.yaml', 'plots', 'scalars']);

export const dvcliveReader: Reader = {
  format: 'dvclive',
  title: 'dvclive output folder',
  target: 'directory',
  detect(probe: Probe): number {
    if (!probe.isDirectory) return DETECT.no;
    const has = (entry: string) => probe.entries.includes(entry);
    if (has('plots') && isFolder(join(probe.path, 'plots', 'metrics'))) return DETECT.name;
    if (has('metrics.json') && has('params.yaml') && has('plots')) return DETECT.name;
    if (probe.name === 'dvclive') {
      return has('metrics.json') || has('plots') || has('params.yaml') || has('dvc.yaml')
        ? DETECT.name
        : DETECT.content;
    }
    return DETECT.no;
  },
  read: readDvcliveFolder,
};

export async function readDvcliveFolder(path: string, options: ReaderOptions): Promise<MetricsDoc> {
  const info = await statOrExplain(path);
  if (!info.isDirectory()) throw new ConfigurationError(`${path}: is a file, expected a dvclive folder`);
  const builder = new DocBuilder(path, 'dvclive', { maxSeriesPoints: options.maxSeriesPoints });
  const entries = (await readdir(path)).sort();
  const read: string[] = [];
  // A link in the folder may point inside it, never out of it (#15).
  const within = await folderScope(path);

  for (const folder of CURVE_FOLDERS) {
    const root = join(path, ...folder.split('/'));
    if (!isFolder(root)) continue;
    const files = await curveFiles(root, '');
    for (const relative of files) {
      const extension = extensionOf(relative);
      const withoutExtension = relative.slice(0, relative.length - extension.length - 1);
      await readDelimitedInto(
        builder,
        join(root, ...relative.split('/')),
        extension === 'csv' ? 'csv' : 'tsv',
        {
          seriesKey: slashPathToKey(withoutExtension),
          singleRowSummary: false,
          where: `${folder}/${relative}: `,
        },
      );
    }
    if (files.length > 0) read.push(`${folder} (${files.length} curve${files.length === 1 ? '' : 's'})`);
  }

  if (entries.includes('metrics.json')) {
    const file = join(path, 'metrics.json');
    flattenInto(builder, parseJsonText(await readTextFile(file, { within }), file), 'metrics');
    read.push('metrics.json');
  }
  if (entries.includes('params.yaml')) {
    const file = join(path, 'params.yaml');
    const params = parseYamlText(await readTextFile(file, { within }), file);
    if (params !== null && params !== undefined) flattenInto(builder, params, 'params');
    read.push('params.yaml');
  }

  if (read.length === 0) {
    builder.note('found no metrics.json, params.yaml or plots/metrics in this folder: nothing to read yet');
  } else {
    builder.note(`read ${read.join(', ')}`);
  }
  const ignored = entries.filter(
    (e) => !READ_ENTRIES.has(e) || ((e === 'plots' || e === 'scalars') && !isFolder(join(path, e))),
  );
  if (isFolder(join(path, 'plots'))) {
    const plots = (await readdir(join(path, 'plots'))).sort().filter((e) => e !== 'metrics');
    ignored.push(...plots.map((e) => `plots/${e}`));
  }
  if (ignored.length > 0) {
    builder.note(`not read (plot data, images and reports are not metrics): ${ignored.join(', ')}`);
  }
  return builder.build();
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** `.tsv` and `.csv` files below `root`, as sorted "/"-separated relative paths. */
async function curveFiles(root: string, relative: string, depth = 0): Promise<string[]> {
  if (depth > 32) return [];
  const out: string[] = [];
  const entries = await readdir(relative === '' ? root : join(root, ...relative.split('/')), {
    withFileTypes: true,
  });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await curveFiles(root, path, depth + 1)));
    else if (entry.isFile() && ['tsv', 'csv'].includes(extensionOf(entry.name))) out.push(path);
  }
  return out;
}
