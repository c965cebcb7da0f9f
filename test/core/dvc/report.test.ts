import { readFileSync } from 'node:fs';
import { runComparison } from '../../../packages/core/src/compare/pipeline.js';
import { parseConfig } from '../../../packages/core/src/config/config.js';
import { DocBuilder } from '../../../packages/core/src/doc-builder.js';
import { diffDvcLocks, type DvcLockDiff } from '../../../packages/core/src/dvc/diff.js';
import { parseDvcLock } from '../../../packages/core/src/dvc/lock.js';
import { WORD_JOINER } from '../../../packages/core/src/report/escape.js';
import { renderMarkdown } from '../../../packages/core/src/report/markdown.js';
import type { ReportInput } from '../../../packages/core/src/report/model.js';

const REAL_LOCK =
  'test/fixtures/real/dvc-pipeline/music-processing-challenge/challenges/onset-detection/dvc.lock';
const real = readFileSync(REAL_LOCK, 'utf8');

/** main's real lock, and the pull request's: the same EDITED (new data folder, seed 7; see diff.test.ts). */
function realDiff(): DvcLockDiff {
  const edited = real
    .replace(
      'a4da05829c6006bb7be263752f10e8b1.dir\n      size: 215577173\n      nfiles: 508',
      '1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f.dir\n      size: 216912345\n      nfiles: 512',
    )
    .replaceAll('seed: 42', 'seed: 7')
    .replaceAll('35601749b160f97984b0586236f95ff4', '5f1e0d9c8b7a69584736251403f2e1d0');
  return diffDvcLocks(
    parseDvcLock(real, 'base'),
    parseDvcLock(edited, 'challenges/onset-detection/dvc.lock'),
    {
      base: 'main@abc1234',
    },
  );
}

function metrics(f1: number) {
  const b = new DocBuilder('reports/onset-detection/metrics.json', 'json');
  b.metric('f1', f1);
  return b.build();
}

function input(pipeline: DvcLockDiff | undefined): ReportInput {
  const comparison = runComparison({
    head: { runs: [metrics(0.81)] },
    base: { runs: [metrics(0.84)], label: 'main@abc1234' },
    config: parseConfig('gates:\n  - f1 drop <= 0.01\n', '.mlci.yml'),
  });
  return {
    id: 'mlci',
    comparison,
    head: [metrics(0.81)],
    base: [metrics(0.84)],
    charts: [],
    ...(pipeline !== undefined ? { pipeline } : {}),
  };
}

/** A pipeline of `n` generated stages, each with its own changed parameter: many rows. */
function generated(n: number): DvcLockDiff {
  const stages = (lr: string) =>
    `schema: '2.0'\nstages:\n${Array.from({ length: n }, (_, i) => `  train@${i}:\n    cmd: python train.py ${i}\n    params:\n      params.yaml:\n        train.lr_${i}: ${lr}\n`).join('')}` +
    `  prepare:\n    cmd: python prepare.py\n    deps:\n    - path: data/raw\n      md5: ${lr === '0.1' ? 'aaaaaaa' : 'bbbbbbb'}.dir\n      nfiles: ${lr === '0.1' ? 10 : 11}\n`;
  return diffDvcLocks(parseDvcLock(stages('0.1'), 'base'), parseDvcLock(stages('0.2'), 'dvc.lock'), {
    base: 'main@abc1234',
  });
}

describe('the Pipeline section of the report', () => {
  it('says on the first screen, under the verdict, that the input data changed', () => {
    const { markdown } = renderMarkdown(input(realDiff()));
    const lines = markdown.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '## mlci report',
      '',
      '**❌ Failed**: 1 of 1 gate failed (f1).  ',
      'Metrics: 1 regressed (one run per side, no history: noise unknown).  ',
      `Baseline: main@${WORD_JOINER}abc1234  `,
      'Data: **the pipeline\'s input data changed**: data/raw/train (md5 a4da058 → 1c2d3e4, 508 → 512 files). See "Pipeline" below.',
    ]);
  });

  it('lists the changes folded, most telling first, after the parameters', () => {
    const { markdown } = renderMarkdown(input(realDiff()));
    const start = markdown.indexOf('<details><summary>Pipeline');
    expect(start).toBeGreaterThan(markdown.indexOf('<details><summary>Metrics'));
    expect(markdown.slice(start, markdown.indexOf('</details>', start) + 10)).toBe(
      [
        '<details><summary>Pipeline (challenges/onset-detection/dvc.lock): 5 of 7 stages changed, input data changed</summary>',
        '',
        `Against the dvc.lock of main@${WORD_JOINER}abc1234.`,
        '',
        '| stage | change | path or key | base | PR |',
        '| :- | :- | :- | :- | :- |',
        '| train_val_split | input data changed | data/raw/train | a4da058 · 508 files · 215.6 MB | 1c2d3e4 · 512 files · 216.9 MB |',
        '| train_val_split, train, predict | parameter changed | params.yaml: seed | 42 | 7 |',
        '| train_val_split | output changed | data/processed/train_files.pkl | 3560174 · 3.5 kB | 5f1e0d9 · 3.5 kB |',
        '',
        "<sub>2 inputs made by another stage are listed once, as that stage's output.</sub>",
        '',
        '</details>',
      ].join('\n'),
    );
  });

  it('says nothing for an unchanged pipeline, or none', () => {
    const same = diffDvcLocks(parseDvcLock(real, 'a'), parseDvcLock(real, 'b'));
    for (const report of [renderMarkdown(input(same)), renderMarkdown(input(undefined))]) {
      expect(report.markdown).not.toContain('Pipeline');
      expect(report.markdown).not.toContain('Data:');
    }
  });

  it('keeps the folded parameter, command and output changes off the first screen', () => {
    const seedOnly = diffDvcLocks(
      parseDvcLock(real, 'base'),
      parseDvcLock(real.replaceAll('seed: 42', 'seed: 7'), 'dvc.lock'),
    );
    const { markdown } = renderMarkdown(input(seedOnly));
    expect(markdown).not.toContain('Data:');
    expect(markdown).toContain('<details><summary>Pipeline (dvc.lock): 3 of 7 stages changed</summary>');
  });

  it('lists at most 50 changes, and says how many more there are', () => {
    const { markdown } = renderMarkdown(input(generated(120)));
    expect(markdown).toContain('Pipeline (dvc.lock): 121 of 121 stages changed, input data changed');
    // The data first, then 49 of the 120 parameters.
    expect(markdown.match(/\| parameter changed \|/g)).toHaveLength(49);
    expect(markdown).toContain(
      '71 more changes not shown; the log of the step that compared lists every one.',
    );
  });

  it('gives way to the verdict when the comment is too long: rows go, the data line stays', () => {
    const maxLength = 2500;
    const full = renderMarkdown(input(generated(120)));
    expect(full.markdown.length).toBeGreaterThan(maxLength);
    const { markdown, omitted } = renderMarkdown(input(generated(120)), { maxLength });
    expect(markdown.length).toBeLessThanOrEqual(maxLength);
    expect(markdown).toContain('**❌ Failed**: 1 of 1 gate failed (f1).');
    expect(markdown).toContain(
      "Data: **the pipeline's input data changed**: data/raw (md5 aaaaaaa → bbbbbbb, 10 → 11 files).",
    );
    expect(omitted.some((o) => / of 121 pipeline changes$/.test(o))).toBe(true);
    expect(markdown.trimEnd().endsWith('<!-- mlci-report id="mlci" -->')).toBe(true);
  });

  it('shows paths and values from the locks as text, never as Markdown or HTML', () => {
    const base = parseDvcLock(
      "schema: '2.0'\nstages:\n  s:\n    cmd: x\n    deps:\n    - path: 'data/<img src=x onerror=alert(1)>'\n      md5: aaaaaaa\n    params:\n      params.yaml:\n        owner: '@octocat'\n",
      'base',
    );
    const head = parseDvcLock(
      "schema: '2.0'\nstages:\n  s:\n    cmd: x\n    deps:\n    - path: 'data/<img src=x onerror=alert(1)>'\n      md5: bbbbbbb\n    params:\n      params.yaml:\n        owner: '<!-- mlci-report id=\"other\" -->'\n",
      'dvc.lock',
    );
    const { markdown } = renderMarkdown(input(diffDvcLocks(base, head)));
    expect(markdown).not.toContain('<img');
    expect(markdown).toContain('data/&lt;img src=x onerror=alert(1)>');
    expect(markdown).toContain(`@${WORD_JOINER}octocat`);
    expect(markdown.match(/<!-- mlci-report/g)).toHaveLength(1);
  });
});
