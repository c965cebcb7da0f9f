/**
 * Generated hostile input, per format and for files and folders (#15, part 1), read through
 * readMetrics and serialised as `mlci read --json` does. all-readers.fuzz.test.ts damages real
 * files at random; this suite builds what an attacker or an unlucky tool writes: nesting far past
 * any limit, aliases and entities, keys named `__proto__`, huge numbers, a key per line, pipes and
 * links where files should be. The contract: a document, or an MlciError whose message names the
 * path; never another exception, never a hang, never output far larger than the input, never a
 * byte of a file outside the folder being read.
 *
 * A few seconds by default; `MLCI_FUZZ_RUNS=500 npm run test:unit -- hostile.fuzz` runs more.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { MAX_DOCUMENT_KEYS } from '../../../packages/core/src/doc-builder.js';
import { MlciError } from '../../../packages/core/src/errors.js';
import type { MetricsDoc } from '../../../packages/core/src/model.js';
import { readMetrics } from '../../../packages/core/src/readers/registry.js';
import { toJsonDoc } from '../../../packages/core/src/serialize.js';
import { eventFile, frameRecord, concat, FILE_VERSION } from '../../support/tfevents-writer.js';

const RUNS = Number(process.env['MLCI_FUZZ_RUNS'] ?? 12);
/** Jest's limit per test grows with the number of runs asked for (a limit, not a measurement). */
const LIMIT_MS = 30_000 + RUNS * 1_500;
const work = mkdtempSync(join(tmpdir(), 'mlci-hostile-fuzz-'));
let counter = 0;

/** What a file outside every generated folder holds: no output may ever contain it. */
const SECRET = 'SECRET-root:x:0:0';
const outsideFile = join(work, 'outside-secret.json');
writeFileSync(outsideFile, `{"stolen": "${SECRET}"}`);

type Tree = Record<string, string | Uint8Array | { link: string } | { fifo: true }>;

/** Writes a case: one file (`name` -> content) or a folder of files, links and FIFOs. */
function materialise(tree: Tree): string {
  const root = join(work, `case-${counter++}`);
  mkdirSync(root);
  for (const [name, content] of Object.entries(tree)) {
    const path = join(root, name);
    mkdirSync(join(path, '..'), { recursive: true });
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(path, content);
    else if ('link' in content) symlinkSync(content.link, path);
    else if (process.platform !== 'win32') execFileSync('mkfifo', [path]);
  }
  return root;
}

function expectWellFormed(doc: MetricsDoc, inputBytes: number): void {
  expect(doc.sources.length).toBeGreaterThan(0);
  for (const value of Object.values(doc.metrics)) expect(typeof value).toBe('number');
  for (const value of Object.values(doc.params))
    expect(['string', 'number', 'boolean'].includes(typeof value) || value === null).toBe(true);
  const keys =
    Object.keys(doc.metrics).length + Object.keys(doc.params).length + Object.keys(doc.series).length;
  expect(keys).toBeLessThanOrEqual(3 * MAX_DOCUMENT_KEYS);
  for (const series of Object.values(doc.series)) {
    expect(series.points.length).toBeGreaterThan(0);
    for (let i = 1; i < series.points.length; i++)
      expect(series.points[i]!.step).toBeGreaterThanOrEqual(series.points[i - 1]!.step);
  }
  const json = JSON.stringify(toJsonDoc(doc));
  // What is printed stays proportional to what was read: no alias or entity expansion.
  expect(json.length).toBeLessThanOrEqual(64 * inputBytes + 256 * 1024);
  expect(json).not.toContain(SECRET);
}

function sizeOf(tree: Tree): number {
  let bytes = 0;
  for (const content of Object.values(tree)) {
    if (typeof content === 'string') bytes += Buffer.byteLength(content);
    else if (content instanceof Uint8Array) bytes += content.length;
  }
  return bytes;
}

/**
 * Reads `path` (inside the case folder `root`) as `mlci read --json` would; fails with the case
 * written out when anything but a document or a located MlciError comes back.
 */
async function readCase(root: string, path: string, inputBytes: number, format?: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`reading ${path} did not end within 20 s`)), 20_000);
  });
  try {
    const read = readMetrics([path], format === undefined ? {} : { format });
    read.catch(() => undefined);
    const doc = await Promise.race([read, deadline]);
    expectWellFormed(doc, inputBytes);
  } catch (error) {
    if (!(error instanceof MlciError)) {
      throw new Error(`${format ?? 'detected'}: ${path} gave ${String(error)} (kept in ${root})`, {
        cause: error,
      });
    }
    // Located: the message names the path given (a file inside a folder starts with it too).
    expect(error.message).toContain(root);
    expect(error.message).not.toContain(SECRET);
  } finally {
    clearTimeout(timer);
  }
}

/** A property over generated single files of one format. */
function fileProperty(
  name: fc.Arbitrary<string>,
  content: fc.Arbitrary<string | Uint8Array>,
  format?: string,
) {
  return fc.asyncProperty(name, content, async (file, text) => {
    const tree: Tree = { [file]: text };
    const root = materialise(tree);
    await readCase(root, join(root, file), sizeOf(tree), format);
  });
}

const depth = fc.integer({ min: 1, max: 6000 });
const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'a.b', 'a/b', '', ' ', 'NaN'),
  fc.string({ maxLength: 8 }),
);
const number = fc.oneof(
  fc.double(),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', '-0', '9223372036854775807', '0x10', '1_000'),
);

const hostileJson = fc.oneof(
  depth.map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)),
  depth.map((d) => '['.repeat(d) + '1' + ']'.repeat(d)),
  depth.map((d) => '{"a":'.repeat(d) + 'NaN' + '}'.repeat(d)),
  fc
    .array(fc.tuple(key, number), { maxLength: 50 })
    .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}: ${String(v)}`).join(', ')}}`),
  fc.json({ depthSize: 'medium' }),
  fc
    .integer({ min: 0, max: 20_000 })
    .map((n) => `[${Array.from({ length: n }, (_, i) => i * 0.5).join(',')}]`),
  fc
    .integer({ min: 0, max: 5000 })
    .map((n) => `{${Array.from({ length: n }, (_, i) => `"k${i}": ${i}`).join(',')}}`),
  fc.string().map((s) => `\uFEFF{"x": ${JSON.stringify(s)}}`),
);

const hostileYaml = fc.oneof(
  fc.constant('a: &a\n  b: *a\n'),
  fc.constant('a: *x\n'),
  fc.integer({ min: 1, max: 12 }).map((levels) => {
    let text = 'l0: &l0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i <= levels; i++)
      text += `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]\n`;
    return text;
  }),
  fc
    .integer({ min: 1, max: 3000 })
    .map((n) => 'a: &a 1\n' + Array.from({ length: n }, (_, i) => `k${i}: *a`).join('\n')),
  depth.map((d) => 'a: ' + '['.repeat(d) + '1' + ']'.repeat(d)),
  depth.map(
    (d) => Array.from({ length: Math.min(d, 2000) }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1',
  ),
  fc.constantFrom(
    '!!python/object:os.system\nx: 1',
    'a: !!binary aGVsbG8=',
    '? [a, b]\n: 1',
    '---\na: 1\n---\nb: 2',
    '<<: *nope',
  ),
  fc.string(),
);

const hostileToml = fc.oneof(
  fc
    .integer({ min: 1, max: 12_000 })
    .map((n) => Array.from({ length: n }, (_, i) => `k${i}`).join('.') + ' = 1'),
  fc.constantFrom(
    '"__proto__" = 1',
    '[__proto__]\nx = 1',
    'big = 9223372036854775807',
    'small = -9223372036854775808',
    'over = 9223372036854775808',
    'a = 1\na = 2',
    'a = inf\nb = nan\nc = -inf',
    '[[a]]\nx = 1\n[[a]]\nx = 2',
  ),
  depth.map((d) => 'a = ' + '['.repeat(d) + '1' + ']'.repeat(d)),
  depth.map((d) => 'a = ' + '{b = '.repeat(d) + '1' + '}'.repeat(d)),
  fc.string(),
);

const cell = fc.oneof(
  fc.double().map(String),
  fc.constantFrom('', '"', '""', '"a,b"', 'NaN', 'inf', '\0', '1e999', '\r', 'x\ny'),
  fc.string({ maxLength: 6 }),
);
const hostileDelimited = (sep: string) =>
  fc.oneof(
    fc
      .tuple(
        fc.array(key, { minLength: 1, maxLength: 20 }),
        fc.array(fc.array(cell, { maxLength: 25 }), { maxLength: 30 }),
        fc.constantFrom('\n', '\r\n', '\r'),
      )
      .map(([header, rows, eol]) => [header.join(sep), ...rows.map((r) => r.join(sep))].join(eol)),
    fc
      .integer({ min: 1, max: 20_000 })
      .map((n) => Array.from({ length: n }, (_, i) => `c${i}`).join(sep) + '\n' + '1'.padEnd(n, sep)),
    fc.string().map((s) => `step${sep}loss\n${s}`),
  );

const hostileJsonl = fc.oneof(
  fc
    .integer({ min: 1, max: 5000 })
    .map((n) => Array.from({ length: n }, (_, i) => `{"step": ${i}, "k${i}": ${i}}`).join('\n')),
  depth.map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)),
  fc.array(fc.oneof(fc.json(), fc.string()), { maxLength: 30 }).map((lines) => lines.join('\n')),
);

const hostileXml = fc.oneof(
  fc.constantFrom(
    '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><testsuite name="&x;"><testcase name="a"/></testsuite>',
    '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x">%p;]><testsuite/>',
    '<!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><testsuite name="&c;"/>',
    '<testsuite><__proto__/></testsuite>',
    '<testsuite><testcase name="constructor"><failure/></testcase></testsuite>',
    '<testsuites><testsuite tests="NaN" failures="-1"/></testsuites>',
  ),
  depth.map((d) => '<testsuite>' + '<a>'.repeat(d) + '</a>'.repeat(d) + '</testsuite>'),
  fc
    .integer({ min: 0, max: 200_000 })
    .map((n) => `<testsuite name="${'x'.repeat(n)}"><system-out>${'y'.repeat(n)}</system-out></testsuite>`),
  fc.string().map((s) => `<testsuite>${s}</testsuite>`),
);

const hostileSklearn = fc.oneof(
  fc
    .array(fc.tuple(fc.string({ maxLength: 10 }), fc.array(cell, { maxLength: 5 })), { maxLength: 20 })
    .map(
      (rows) =>
        '   precision    recall  f1-score   support\n\n' +
        rows.map(([n, cells]) => `${n.padStart(12)} ${cells.join('  ')}`).join('\n'),
    ),
  fc.json(),
);

const tfRecords = fc.oneof(
  fc
    .array(fc.record({ step: fc.integer(), value: fc.double(), tag: key }), { maxLength: 20 })
    .map((events) =>
      eventFile(
        events.map((e) => ({ step: e.step, wallTime: 1, summary: [{ tag: e.tag, simpleValue: e.value }] })),
      ),
    ),
  fc.uint8Array({ maxLength: 256 }).map((bytes) => concat([eventFile([FILE_VERSION]), frameRecord(bytes)])),
  fc.uint8Array({ maxLength: 512 }),
);

describe('generated hostile files, per format', () => {
  it.each([
    [
      'json',
      fc.constantFrom('metrics.json', 'params.json', 'trainer_state.json', 'wandb-summary.json'),
      hostileJson,
    ],
    ['yaml', fc.constantFrom('metrics.yaml', 'params.yaml', 'hparams.yaml', 'config.yaml'), hostileYaml],
    ['toml', fc.constantFrom('metrics.toml', 'params.toml'), hostileToml],
    ['csv', fc.constant('metrics.csv'), hostileDelimited(',')],
    ['tsv', fc.constant('loss.tsv'), hostileDelimited('\t')],
    ['jsonl', fc.constant('log.jsonl'), hostileJsonl],
    ['junit', fc.constant('junit.xml'), hostileXml],
    ['sklearn-report', fc.constant('classification_report.txt'), hostileSklearn],
    ['tensorboard', fc.constant('events.out.tfevents.1.host'), tfRecords],
  ] as const)(
    '%s: a document or a located MlciError, detected or forced',
    async (format, name, content) => {
      await fc.assert(fileProperty(name, content as fc.Arbitrary<string | Uint8Array>), { numRuns: RUNS });
      await fc.assert(fileProperty(name, content as fc.Arbitrary<string | Uint8Array>, format), {
        numRuns: RUNS,
      });
    },
    LIMIT_MS,
  );
});

/** What a folder entry may be: a file, a FIFO, or a link that stays, leaves, dangles or loops. */
const hostileEntry = (file: fc.Arbitrary<string | Uint8Array>) =>
  fc.oneof(
    { weight: 4, arbitrary: file },
    { weight: 1, arbitrary: fc.constant({ link: outsideFile }) },
    { weight: 1, arbitrary: fc.constant({ link: 'nowhere' }) },
    { weight: 1, arbitrary: fc.constant({ link: '.' }) },
    { weight: 1, arbitrary: fc.constant({ link: '..' }) },
    { weight: 1, arbitrary: fc.constant({ link: '/dev/zero' }) },
    ...(process.platform === 'win32' ? [] : [{ weight: 1, arbitrary: fc.constant({ fifo: true as const }) }]),
  );

const metricLine = fc.oneof(
  fc.tuple(fc.nat(), fc.double(), fc.integer()).map(([t, v, s]) => `${t} ${v} ${s}`),
  fc.string({ maxLength: 20 }),
);

/** Folder layouts of the folder formats, with hostile entries in them. */
const folders: Array<[string, fc.Arbitrary<Tree>]> = [
  [
    'plain folder',
    fc.dictionary(
      fc.constantFrom(
        'metrics.json',
        'log.csv',
        'a.jsonl',
        'params.yaml',
        'm.toml',
        'junit.xml',
        'x.bin',
        'sub/metrics.json',
      ),
      hostileEntry(fc.oneof(hostileJson, fc.string())),
      { maxKeys: 6 },
    ),
  ],
  [
    'mlflow run',
    fc
      .record({
        meta: fc.oneof(
          fc.constant('run_id: abc123\nrun_name: r\nstatus: 3\nexperiment_id: "0"\n'),
          hostileYaml,
        ),
        metrics: fc.dictionary(
          fc.constantFrom('acc', 'loss', 'a/b', '__proto__'),
          hostileEntry(fc.array(metricLine, { maxLength: 20 }).map((l) => l.join('\n'))),
          { maxKeys: 4 },
        ),
        params: fc.dictionary(
          fc.constantFrom('lr', 'constructor', 'batch'),
          hostileEntry(fc.string({ maxLength: 30 })),
          { maxKeys: 3 },
        ),
        metricsIsFile: fc.boolean(),
      })
      .map(({ meta, metrics, params, metricsIsFile }) => {
        const tree: Tree = { 'meta.yaml': meta };
        if (metricsIsFile) tree['metrics'] = '1 2 3';
        else for (const [k, v] of Object.entries(metrics)) tree[`metrics/${k}`] = v;
        for (const [k, v] of Object.entries(params)) tree[`params/${k}`] = v;
        if (Object.keys(params).length === 0) tree['params/lr'] = '0.1';
        return tree;
      }),
  ],
  [
    'tensorboard log folder',
    fc.dictionary(
      fc.constantFrom(
        'events.out.tfevents.1.a',
        'events.out.tfevents.2.b',
        'train/events.out.tfevents.3.c',
        'hparams.yaml',
      ),
      hostileEntry(tfRecords),
      { minKeys: 1, maxKeys: 4 },
    ),
  ],
  [
    'hf trainer output',
    fc
      .record({ state: hostileEntry(fc.oneof(hostileJson, fc.json())), results: hostileEntry(hostileJson) })
      .map(({ state, results }) => ({
        'trainer_state.json': state,
        'all_results.json': results,
      })),
  ],
  [
    'dvclive folder',
    fc
      .record({
        metrics: hostileEntry(hostileJson),
        params: hostileEntry(hostileYaml),
        tsv: hostileEntry(hostileDelimited('\t')),
      })
      .map(({ metrics, params, tsv }) => ({
        'metrics.json': metrics,
        'params.yaml': params,
        'plots/metrics/loss.tsv': tsv,
      })),
  ],
  [
    'wandb run files',
    fc
      .record({ summary: hostileEntry(hostileJson), config: hostileEntry(hostileYaml) })
      .map(({ summary, config }) => ({
        'files/wandb-summary.json': summary,
        'files/config.yaml': config,
      })),
  ],
];

describe('generated hostile folders: links, pipes and devices among the files', () => {
  it.each(folders)(
    '%s',
    async (_, tree) => {
      await fc.assert(
        fc.asyncProperty(tree, async (t) => {
          const root = materialise(t);
          await readCase(root, root, sizeOf(t));
        }),
        { numRuns: RUNS },
      );
    },
    LIMIT_MS,
  );
});
