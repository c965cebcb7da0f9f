import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParseError } from '../../../packages/core/src/errors.js';
import { parseDvcLock, readDvcLock, type DvcLock } from '../../../packages/core/src/dvc/lock.js';

/** The real dvc.lock of LaurenzBeck/music-processing-challenge (SOURCES.md section 16), as committed. */
const REAL_LOCK =
  'test/fixtures/real/dvc-pipeline/music-processing-challenge/challenges/onset-detection/dvc.lock';
const work = mkdtempSync(join(tmpdir(), 'mlci-dvc-lock-'));

function parseError(text: string): ParseError {
  try {
    parseDvcLock(text, 'dvc.lock');
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

describe('dvc.lock schema 2.0: the real music-processing-challenge lock', () => {
  let lock: DvcLock;
  beforeAll(async () => {
    lock = await readDvcLock(REAL_LOCK, 'challenges/onset-detection/dvc.lock');
  });

  it('reads its seven stages in the order of the file, with their deps, outs and params', () => {
    expect(lock.schema).toBe(2);
    expect(lock.file).toBe('challenges/onset-detection/dvc.lock');
    expect(lock.notes).toEqual([]);
    expect(lock.stages.map((s) => [s.name, s.deps.length, s.outs.length, s.params.length])).toEqual([
      ['train_val_split', 2, 2, 3],
      ['featurize', 4, 1, 4],
      ['prepare_labels', 3, 2, 1],
      ['combine_features', 4, 3, 2],
      ['train', 3, 3, 8],
      ['predict', 5, 5, 3],
      ['evaluate', 3, 1, 0],
    ]);
  });

  it('keeps each entry’s hash, size and file count; a .dir hash is a folder', () => {
    const [script, train] = lock.stages[0]!.deps;
    expect(script).toEqual({
      path: 'challenges/train_val_split.py',
      hash: { kind: 'md5', value: '9939832f90ddf6b28335aaafd6cba70a' },
      size: 1098,
      folder: false,
    });
    expect(train).toEqual({
      path: 'data/raw/train',
      hash: { kind: 'md5', value: 'a4da05829c6006bb7be263752f10e8b1.dir' },
      size: 215577173,
      nfiles: 508,
      folder: true,
    });
  });

  it('flattens nested parameters into dotted keys, keeping lists as values', () => {
    expect(lock.stages[1]!.params).toEqual([
      { file: 'params.yaml', key: 'data_dir_test', value: 'data/raw/test' },
      { file: 'params.yaml', key: 'onset_detection.featurize.fps', value: 14 },
      { file: 'params.yaml', key: 'onset_detection.featurize.frame_size', value: 3150 },
      { file: 'params.yaml', key: 'onset_detection.featurize.ewm_spans', value: [3, 6] },
    ]);
    // prepare_labels records the same parameter under its dotted name: the same key.
    expect(lock.stages[2]!.params).toEqual([
      { file: 'params.yaml', key: 'onset_detection.featurize.fps', value: 14 },
    ]);
  });

  it('reads a command folded over two lines as one command', () => {
    expect(lock.stages[6]!.cmd).toEqual([
      'python challenges/onset-detection/eval_onsets.py --submission reports/onset-detection/val-onsets.json --target reports/onset-detection/val-targets.json',
    ]);
  });
});

describe('the other layouts DVC writes', () => {
  it('schema 1 (DVC 1.x): no schema: line, the stages at the top level (the dvc.org get-started example)', () => {
    // As printed in DVC's get-started guide of the 1.x era (dvc.lock "captures hashes ... it can be
    // considered a state of the pipeline").
    const lock = parseDvcLock(
      `prepare:
  cmd: python src/prepare.py data/data.xml
  deps:
    - path: data/data.xml
      md5: a304afb96060aad90176268345e10355
    - path: src/prepare.py
      md5: 285af85d794bb57e5d09ace7209f3519
  params:
    params.yaml:
      prepare.seed: 20170428
      prepare.split: 0.2
  outs:
    - path: data/prepared
      md5: 20b786b6e6f80e2b3fcf17827ad18597.dir
`,
      'dvc.lock',
    );
    expect(lock.schema).toBe(1);
    expect(lock.stages.map((s) => s.name)).toEqual(['prepare']);
    expect(lock.stages[0]!.params.map((p) => [p.key, p.value])).toEqual([
      ['prepare.seed', 20170428],
      ['prepare.split', 0.2],
    ]);
    expect(lock.stages[0]!.outs[0]).toEqual({
      path: 'data/prepared',
      hash: { kind: 'md5', value: '20b786b6e6f80e2b3fcf17827ad18597.dir' },
      folder: true,
    });
  });

  it("DVC 3's hash: md5, cloud etags, a list of commands and foreach/matrix stages", () => {
    const lock = parseDvcLock(
      `schema: '2.0'
stages:
  train@uk:
    cmd:
    - pip install -r requirements.txt
    - python train.py uk
    deps:
    - path: data/uk.csv
      hash: md5
      md5: 22a1a2931c8370d3aeedd7183606fd7f
      size: 14445097
    - path: s3://bucket/reference.fa
      etag: '0x8DB1C2D3E4F5'
      size: 1024
    outs:
    - path: models/uk
      hash: md5
      md5: 153aad06d376b6595932470e459ef42a.dir
      size: 8437363
      nfiles: 2
      files:
      - relpath: a.bin
        md5: 0123
`,
      'dvc.lock',
    );
    const stage = lock.stages[0]!;
    expect(stage.name).toBe('train@uk');
    expect(stage.generated).toEqual({ definition: 'train', item: 'uk' });
    expect(stage.cmd).toEqual(['pip install -r requirements.txt', 'python train.py uk']);
    expect(stage.deps[0]!.hashName).toBe('md5');
    expect(stage.deps[1]!.hash).toEqual({ kind: 'etag', value: '0x8DB1C2D3E4F5' });
    expect(stage.outs[0]).toMatchObject({ nfiles: 2, folder: true });
  });

  it('reads a hash of digits written without quotes as the text it is', () => {
    const lock = parseDvcLock(
      'schema: "2.0"\nstages:\n  a:\n    cmd: x\n    deps:\n    - path: f\n      md5: 1234567\n',
      'dvc.lock',
    );
    expect(lock.stages[0]!.deps[0]!.hash).toEqual({ kind: 'md5', value: '1234567' });
  });

  it('says what it ignored or guessed, in notes', () => {
    const lock = parseDvcLock(
      'stages:\n  a:\n    cmd: x\n    frozen: true\n    params:\n      params.yaml:\n        train: {lr: 0.1}\n        train.lr: 0.2\nvars: [params.yaml]\n',
      'dvc.lock',
    );
    expect(lock.schema).toBe(2);
    expect(lock.notes).toEqual([
      "no schema: line, but the stages are under stages:, so it is read as schema '2.0'",
      'unknown top-level key "vars" ignored',
      'stages.a.params["params.yaml"]: train.lr recorded both as a dotted key and nested; the later value is read',
      'stages.a.frozen: unknown key ignored',
    ]);
    expect(lock.stages[0]!.params).toEqual([{ file: 'params.yaml', key: 'train.lr', value: 0.2 }]);
  });

  it('reads an empty lock as no stages', () => {
    expect(parseDvcLock('', 'dvc.lock')).toEqual({
      file: 'dvc.lock',
      schema: 2,
      stages: [],
      notes: ['the file is empty: no stages'],
    });
  });
});

describe('a dvc.lock that is not right is a ParseError at the line and column, with its key path', () => {
  it('names an entry without a path', () => {
    const error = parseError(
      "schema: '2.0'\nstages:\n  train:\n    cmd: python train.py\n    deps:\n    - md5: abc\n",
    );
    expect(error.message).toBe(
      'dvc.lock:6:7: stages.train.deps[0]: expected a path: every dependency and output has one',
    );
  });

  it('names a bare path, as a dvc.yaml writes it, and says what a lock holds instead', () => {
    expect(
      parseError("schema: '2.0'\nstages:\n  train:\n    cmd: x\n    outs:\n    - model.pkl\n").message,
    ).toBe(
      'dvc.lock:6:7: stages.train.outs[0]: expected path: and a hash, found the string "model.pkl" (a dvc.yaml lists paths; a dvc.lock records path: and md5:)',
    );
  });

  it('names a stage without a command, a size that is not a count, and a schema it does not know', () => {
    expect(parseError("schema: '2.0'\nstages:\n  train:\n    deps: []\n").message).toBe(
      'dvc.lock:4:5: stages.train: expected a cmd: DVC records the command of every stage',
    );
    expect(
      parseError("schema: '2.0'\nstages:\n  train:\n    cmd: x\n    deps:\n    - path: a\n      size: -3\n")
        .message,
    ).toBe('dvc.lock:7:13: stages.train.deps[0].size: expected a whole number of bytes, found -3');
    expect(parseError("schema: '3.0'\nstages: {}\n").message).toBe(
      'dvc.lock:1:9: schema: mlci reads dvc.lock schemas \'2.0\' and 1 (DVC 1.x, no schema: line), found the string "3.0"; a newer DVC may have written it',
    );
  });

  it('quotes a stage name with a dot in its key path', () => {
    expect(parseError("schema: '2.0'\nstages:\n  v1.train:\n    cmd: [1]\n").message).toBe(
      'dvc.lock:4:11: stages["v1.train"].cmd[0]: expected a command (a string), found 1',
    );
  });

  it('refuses YAML that is not a lock, or not YAML, where it is', () => {
    expect(parseError('- a\n- b\n').message).toBe(
      "dvc.lock:1:1: (top level): expected a dvc.lock (schema: '2.0' and stages:), found a list",
    );
    expect(parseError('stages: [\n').message).toMatch(/^dvc\.lock:2:1: invalid YAML: /);
    // Aliases that expand exponentially ("billion laughs") are refused, not expanded.
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 6; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
      );
    expect(parseError(bomb.join('\n')).message).toMatch(/the aliases expand to more than 1000 values/);
  });

  it('names the file as the caller shows it when reading from disk', async () => {
    const path = join(work, 'dvc.lock');
    writeFileSync(path, "schema: '2.0'\nstages:\n  a:\n    cmd: x\n    deps: {}\n");
    await expect(readDvcLock(path, 'main@abc1234:dvc.lock')).rejects.toThrow(
      'main@abc1234:dvc.lock:5:11: stages.a.deps: expected a list of entries (path: and a hash), found a mapping',
    );
    writeFileSync(path, Buffer.from([0xff, 0xfe, 0x00]));
    await expect(readDvcLock(path, 'main@abc1234:dvc.lock')).rejects.toThrow(
      /^main@abc1234:dvc\.lock at byte 0: not UTF-8 text/,
    );
  });
});

describe('size', () => {
  it('reads a lock of 500 generated stages (a large foreach) whole', () => {
    const stage = readFileSync(REAL_LOCK, 'utf8').split('\n  train:\n')[1]!.split('\n  predict:\n')[0]!;
    const text = `schema: '2.0'\nstages:\n${Array.from({ length: 500 }, (_, i) => `  train@${i}:\n${stage}\n`).join('')}`;
    const lock = parseDvcLock(text, 'dvc.lock');
    expect(lock.stages).toHaveLength(500);
    expect(lock.stages[499]!.generated).toEqual({ definition: 'train', item: '499' });
  });
});
