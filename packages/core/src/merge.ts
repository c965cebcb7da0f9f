import type { MetricsDoc } from './model.js';
import { sortRecord } from './doc-builder.js';

/**
 * Several inputs read as one run (a folder's files, or `mlci read a.json b.csv`). A key found in two
 * inputs takes the later input's value; when the values differ the later source says which value
 * it replaced, so a surprising number can be traced. Equal values (Hugging Face writes the same
 * numbers to all_results.json and eval_results.json) are not worth a note.
 */
export function mergeDocs(docs: readonly MetricsDoc[]): MetricsDoc {
  if (docs.length === 1) return docs[0]!;
  const out: MetricsDoc = { metrics: {}, series: {}, params: {}, sources: [] };
  const origin = new Map<string, string>();
  for (const doc of docs) {
    const sources = doc.sources.map((s) => ({ ...s, notes: [...s.notes], warnings: [...s.warnings] }));
    const here = sources[0]?.file ?? '(input)';
    const replaced: string[] = [];
    for (const [key, value] of Object.entries(doc.metrics)) {
      const previous = out.metrics[key];
      if (previous !== undefined && !Object.is(previous, value)) {
        replaced.push(`${key} (${String(previous)} from ${origin.get(`m:${key}`) ?? '?'})`);
      }
      out.metrics[key] = value;
      origin.set(`m:${key}`, here);
    }
    for (const [key, value] of Object.entries(doc.params)) {
      const previous = out.params[key];
      if (previous !== undefined && previous !== value) {
        replaced.push(`param ${key} (${String(previous)} from ${origin.get(`p:${key}`) ?? '?'})`);
      }
      out.params[key] = value;
      origin.set(`p:${key}`, here);
    }
    for (const [key, data] of Object.entries(doc.series)) {
      if (out.series[key] !== undefined)
        replaced.push(`curve ${key} (from ${origin.get(`s:${key}`) ?? '?'})`);
      out.series[key] = data;
      origin.set(`s:${key}`, here);
    }
    for (const [key, values] of Object.entries(doc.samples ?? {})) {
      out.samples ??= {};
      if (out.samples[key] !== undefined)
        replaced.push(`samples of ${key} (from ${origin.get(`x:${key}`) ?? '?'})`);
      out.samples[key] = values;
      origin.set(`x:${key}`, here);
    }
    for (const set of doc.examples ?? []) {
      out.examples ??= [];
      const at = out.examples.findIndex((e) => e.task === set.task);
      if (at >= 0) {
        replaced.push(`examples of ${set.task} (from ${out.examples[at]!.file})`);
        out.examples.splice(at, 1);
      }
      out.examples.push(set);
    }
    if (replaced.length > 0 && sources[0] !== undefined) {
      const shown = replaced.slice(0, 10).join(', ');
      const more = replaced.length > 10 ? ` and ${replaced.length - 10} more` : '';
      sources[0].notes.push(`replaced values read earlier: ${shown}${more}`);
    }
    out.sources.push(...sources);
  }
  const merged: MetricsDoc = {
    metrics: sortRecord(out.metrics),
    series: sortRecord(out.series),
    params: sortRecord(out.params),
    sources: out.sources,
  };
  if (out.samples !== undefined) merged.samples = sortRecord(out.samples);
  if (out.examples !== undefined)
    merged.examples = [...out.examples].sort((a, b) => (a.task < b.task ? -1 : a.task > b.task ? 1 : 0));
  return merged;
}
