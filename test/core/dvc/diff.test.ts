import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../../../packages/core/src/errors.js';
import { stringifyDocument } from '../../../packages/core/src/compare/json.js';
import {
  decodeDvcLockDiff,
  diffDvcLocks,
  isUnchangedPipeline,
  type DvcLockDiff,
} from '../../../packages/core/src/dvc/diff.js';
import { parseDvcLock } from '../../../packages/core/src/dvc/lock.js';
import {
  dataChanges,
  pipelineRows,
  pipelineSummary,
  pipelineText,
} from '../../../packages/core/src/dvc/rows.js';

const REAL_LOCK =
  'test/fixtures/real/dvc-pipeline/music-processing-challenge/challenges/onset-detection/dvc.lock';
const real = readFileSync(REAL_LOCK, 'utf8');

/**
 * The pull request's lock: the real one (main's) EDITED, as a pull request that re-ran the
 * pipeline on four more training recordings with another seed would leave it. Its new data folder
 * hash, size and file count, the seed, and the split's output that follows from both (and the two
 * stages that read it) are the only edits; no real second revision of this lock was taken.
 */
function pullRequestLock(): string {
  const edited = real
    .replace(
      'a4da05829c6006bb7be263752f10e8b1.dir\n      size: 215577173\n      nfiles: 508',
      '1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f.dir\n      size: 216912345\n      nfiles: 512',
    )
    .replaceAll('seed: 42', 'seed: 7')
    .replaceAll('35601749b160f97984b0586236f95ff4', '5f1e0d9c8b7a69584736251403f2e1d0');
  // Each edit must have happened, or the test below tests less than it says.
  expect(edited.split('1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f.dir').length).toBe(2);
  expect(edited.split('seed: 7').length).toBe(4);
  expect(edited.split('5f1e0d9c8b7a69584736251403f2e1d0').length).toBe(4);
  return edited;
}

function realDiff(): DvcLockDiff {
  return diffDvcLocks(
    parseDvcLock(real, 'main@abc1234:challenges/onset-detection/dvc.lock'),
    parseDvcLock(pullRequestLock(), 'challenges/onset-detection/dvc.lock'),
    { base: 'main@abc1234' },
  );
}

function lock(text: string) {
  return parseDvcLock(`schema: '2.0'\nstages:\n${text}`, 'dvc.lock');
}

describe('the real lock against its edited copy', () => {
  it('finds the changed data folder, seed and split output, stage by stage', () => {
    const diff = realDiff();
    expect(diff.file).toBe('challenges/onset-detection/dvc.lock');
    expect(diff.base).toBe('main@abc1234');
    expect(diff.headStages).toBe(7);
    expect(diff.notes).toEqual([]);
    expect(diff.stages.map((s) => s.name)).toEqual([
      'train_val_split',
      'featurize',
      'prepare_labels',
      'train',
      'predict',
    ]);
    const [split, featurize] = diff.stages;
    expect(split).toEqual({
      name: 'train_val_split',
      status: 'changed',
      deps: [
        {
          path: 'data/raw/train',
          status: 'changed',
          role: 'data',
          base: {
            hash: 'a4da05829c6006bb7be263752f10e8b1.dir',
            hashKind: 'md5',
            size: 215577173,
            nfiles: 508,
            folder: true,
          },
          head: {
            hash: '1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f.dir',
            hashKind: 'md5',
            size: 216912345,
            nfiles: 512,
            folder: true,
          },
        },
      ],
      outs: [
        {
          path: 'data/processed/train_files.pkl',
          status: 'changed',
          base: { hash: '35601749b160f97984b0586236f95ff4', hashKind: 'md5', size: 3542 },
          head: { hash: '5f1e0d9c8b7a69584736251403f2e1d0', hashKind: 'md5', size: 3542 },
        },
      ],
      params: [{ file: 'params.yaml', key: 'seed', status: 'changed', base: '42', head: '7' }],
    });
    // What featurize reads changed because train_val_split made it anew: another stage's output.
    expect(featurize!.deps.map((d) => [d.path, d.role])).toEqual([
      ['data/processed/train_files.pkl', 'stage-output'],
    ]);
  });

  it('makes rows, most telling first, the same change in several stages once', () => {
    const { rows, shownAsOutputs } = pipelineRows(realDiff());
    expect(rows.map((r) => [r.kind, r.stages.join(','), r.subject, r.base, r.head])).toEqual([
      [
        'data',
        'train_val_split',
        'data/raw/train',
        'a4da058 · 508 files · 215.6 MB',
        '1c2d3e4 · 512 files · 216.9 MB',
      ],
      ['param', 'train_val_split,train,predict', 'params.yaml: seed', '42', '7'],
      ['output', 'train_val_split', 'data/processed/train_files.pkl', '3560174 · 3.5 kB', '5f1e0d9 · 3.5 kB'],
    ]);
    // featurize and prepare_labels read the split's output: said once, as that output.
    expect(shownAsOutputs).toBe(2);
    expect(dataChanges(rows).map((r) => r.change)).toEqual(['md5 a4da058 → 1c2d3e4, 508 → 512 files']);
    expect(pipelineSummary(realDiff())).toBe('5 of 7 stages changed');
  });

  it('prints one line per change for the terminal and the logs', () => {
    expect(pipelineText(realDiff())).toBe(
      [
        'Pipeline (challenges/onset-detection/dvc.lock, against main@abc1234): 5 of 7 stages changed',
        '  data    data/raw/train: md5 a4da058 → 1c2d3e4, 508 → 512 files  [train_val_split]',
        '  param   params.yaml: seed: 42 → 7  [train_val_split, train, predict]',
        '  output  data/processed/train_files.pkl: md5 3560174 → 5f1e0d9  [train_val_split]',
        "  (2 inputs made by another stage are listed once, as that stage's output)",
        '',
      ].join('\n'),
    );
  });

  it('finds nothing between a lock and itself', () => {
    const same = diffDvcLocks(parseDvcLock(real, 'a'), parseDvcLock(real, 'b'));
    expect(isUnchangedPipeline(same)).toBe(true);
    expect(pipelineSummary(same)).toBe('no stage changed');
  });
});

describe('what counts as a change', () => {
  it('stages added and removed, commands, parameters added and removed', () => {
    const base = lock(`  prepare:
    cmd: python prepare.py
    params:
      params.yaml:
        split: 0.2
        old: 1
  evaluate:
    cmd: python evaluate.py
`);
    const head = lock(`  prepare:
    cmd:
    - python prepare.py
    - python check.py
    params:
      params.yaml:
        split: 0.25
        new: "x"
  train:
    cmd: python train.py
    deps:
    - path: data/extra.csv
      md5: 0123456789abcdef0123456789abcdef
`);
    const diff = diffDvcLocks(base, head);
    expect(diff.stages.map((s) => [s.name, s.status])).toEqual([
      ['prepare', 'changed'],
      ['train', 'added'],
      ['evaluate', 'removed'],
    ]);
    expect(diff.stages[0]!.cmd).toEqual({
      base: 'python prepare.py',
      head: 'python prepare.py\npython check.py',
    });
    expect(diff.stages[0]!.params).toEqual([
      { file: 'params.yaml', key: 'split', status: 'changed', base: '0.2', head: '0.25' },
      { file: 'params.yaml', key: 'new', status: 'added', head: 'x' },
      { file: 'params.yaml', key: 'old', status: 'removed', base: '1' },
    ]);
    const { rows } = pipelineRows(diff);
    expect(rows.map((r) => [r.kind, r.status, r.subject, r.base, r.head])).toEqual([
      ['data', 'added', 'data/extra.csv', '—', '0123456'],
      ['param', 'changed', 'params.yaml: split', '0.2', '0.25'],
      ['param', 'added', 'params.yaml: new', '—', 'x'],
      ['param', 'removed', 'params.yaml: old', '1', '—'],
      ['command', 'changed', 'prepare', 'python prepare.py', 'python prepare.py && python check.py'],
      ['stage', 'added', 'train', '—', 'python train.py'],
      ['stage', 'removed', 'evaluate', 'python evaluate.py', '—'],
    ]);
    expect(pipelineSummary(diff)).toBe('1 of 2 stages changed, 1 stage added, 1 stage removed');
  });

  it('the same parameter written nested or dotted, a folder with or without its slash: no change', () => {
    const base = lock(`  s:
    cmd: x
    outs:
    - path: data/interim/
      md5: 0d58d435cdfab67f62b5b06a3809e717.dir
    params:
      params.yaml:
        train: {lr: 0.1, layers: [256, 128]}
`);
    const head = lock(`  s:
    cmd: x
    outs:
    - path: data/interim
      md5: 0d58d435cdfab67f62b5b06a3809e717.dir
    params:
      params.yaml:
        train.lr: 0.1
        train.layers: [256, 128]
`);
    expect(isUnchangedPipeline(diffDvcLocks(base, head))).toBe(true);
  });

  it('tells a number from the same digits as text, and a list from its reordering', () => {
    const at = (value: string) => lock(`  s:\n    cmd: x\n    params:\n      p.yaml:\n        k: ${value}\n`);
    expect(diffDvcLocks(at('42'), at('"42"')).stages[0]!.params).toEqual([
      { file: 'p.yaml', key: 'k', status: 'changed', base: '42', head: '"42"' },
    ]);
    expect(diffDvcLocks(at('[1, 2]'), at('[2, 1]')).stages[0]!.params[0]).toMatchObject({
      base: '[1, 2]',
      head: '[2, 1]',
    });
    expect(isUnchangedPipeline(diffDvcLocks(at('.nan'), at('.nan')))).toBe(true);
  });

  it('shows hashes that share 7 characters long enough to differ', () => {
    const at = (md5: string) =>
      lock(`  s:\n    cmd: x\n    deps:\n    - path: data.csv\n      md5: ${md5}\n`);
    const { rows } = pipelineRows(
      diffDvcLocks(at('a4da05829c6006bb7be263752f10e8b1'), at('a4da0582ffffffffffffffffffffffff')),
    );
    expect([rows[0]!.base, rows[0]!.head, rows[0]!.change]).toEqual([
      'a4da05829',
      'a4da0582f',
      'md5 a4da05829 → a4da0582f',
    ]);
  });

  it('gives sizes in bytes when the rounded sizes would read the same', () => {
    const at = (size: number) =>
      lock(
        `  s:\n    cmd: x\n    deps:\n    - path: data.csv\n      md5: ${size === 1 ? 'aaaaaaa1' : 'bbbbbbb2'}\n      size: ${size === 1 ? 215577173 : 215577999}\n`,
      );
    expect(pipelineRows(diffDvcLocks(at(1), at(2))).rows[0]).toMatchObject({
      base: 'aaaaaaa · 215,577,173 B',
      head: 'bbbbbbb · 215,577,999 B',
    });
  });

  it('guesses what an input is: code by its name, data otherwise, or another stage’s output', () => {
    const base = lock(`  a:
    cmd: x
    outs:
    - path: data/prepared
      md5: 11111111111111111111111111111111.dir
  b:
    cmd: y
    deps:
    - {path: src/train.py, md5: '1'}
    - {path: configs/model.yaml, md5: '1'}
    - {path: src/, md5: 1.dir}
    - {path: src/data/raw, md5: 1.dir}
    - {path: data/raw.csv, md5: '1'}
    - {path: 's3://bucket/key.parquet', etag: '1'}
    - {path: data/prepared/train.tsv, md5: '1'}
    - {path: requirements.txt, md5: '1'}
`);
    const head = parseDvcLock(
      `schema: '2.0'\nstages:\n` +
        `  a:\n    cmd: x\n    outs:\n    - path: data/prepared\n      md5: 11111111111111111111111111111111.dir\n` +
        `  b:\n    cmd: y\n    deps:\n` +
        [
          'src/train.py',
          'configs/model.yaml',
          'src/',
          'src/data/raw',
          'data/raw.csv',
          'data/prepared/train.tsv',
          'requirements.txt',
        ]
          .map((p) => `    - {path: ${p}, md5: '2'}\n`)
          .join('') +
        `    - {path: 's3://bucket/key.parquet', etag: '2'}\n`,
      'dvc.lock',
    );
    const roles = Object.fromEntries(diffDvcLocks(base, head).stages[0]!.deps.map((d) => [d.path, d.role]));
    expect(roles).toEqual({
      'src/train.py': 'code',
      'configs/model.yaml': 'code',
      'src/': 'code',
      'src/data/raw': 'data',
      'data/raw.csv': 'data',
      'data/prepared/train.tsv': 'stage-output',
      'requirements.txt': 'code',
      's3://bucket/key.parquet': 'data',
    });
  });

  it('says when a changed md5 was taken by DVC 2 on one side and DVC 3 on the other', () => {
    const dvc2 = lock(
      `  s:\n    cmd: x\n    deps:\n    - path: labels.txt\n      md5: 1111111111111111111111111111111a\n`,
    );
    const dvc3 = lock(
      `  s:\n    cmd: x\n    deps:\n    - path: labels.txt\n      hash: md5\n      md5: 2222222222222222222222222222222b\n`,
    );
    expect(diffDvcLocks(dvc2, dvc3).notes).toEqual([
      "One changed hash was taken by DVC 2 on one side and DVC 3 on the other: DVC 2 turned CRLF into LF before hashing a text file and DVC 3 does not, so a text file's md5 can change with no change to the file.",
    ]);
  });
});

describe('decodeDvcLockDiff: a diff read back from a state file', () => {
  it('reads back what was written', () => {
    const diff = realDiff();
    expect(decodeDvcLockDiff(JSON.parse(stringifyDocument(diff)), 'compare.json: pipeline')).toEqual(diff);
  });

  it('refuses what is not a diff, naming the field', () => {
    const diff = JSON.parse(stringifyDocument(realDiff()));
    diff.stages[0].deps[0].status = 'exploded';
    expect(() => decodeDvcLockDiff(diff, 'compare.json: pipeline')).toThrow(
      new ConfigurationError(
        'compare.json: pipeline.stages[0].deps[0].status: expected one of changed, added, removed',
      ),
    );
    expect(() => decodeDvcLockDiff({ ...diff, stages: 'all' }, 'p')).toThrow(
      'p.stages: expected a list of at most 10000 items',
    );
    expect(() => decodeDvcLockDiff(null, 'p')).toThrow('p: expected a pipeline diff');
  });

  it('cuts texts too long to be from a real lock', () => {
    const diff = JSON.parse(stringifyDocument(realDiff()));
    diff.stages[0].params[0].head = 'x'.repeat(50_000);
    expect(decodeDvcLockDiff(diff, 'p').stages[0]!.params[0]!.head).toHaveLength(10_000);
  });
});
