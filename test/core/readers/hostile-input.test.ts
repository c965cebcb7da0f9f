/**
 * Hostile and unusual input to the parsers (#15, part 1): each reproducer from the issue, read the
 * way `mlci read --json` reads it. Every one must end in exit 2 with a message that names the file
 * and where in it, or in a document whose notes say what was done: never exit 3 (a crash), never a
 * stack overflow, never memory far beyond the file's size. Time is the bench's business
 * (bench/parsers.bench.ts); here only the structural limits are asserted.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { main } from '../../../packages/cli/src/main.js';
import type { CliIO } from '../../../packages/cli/src/io.js';
import { DocBuilder, MAX_DOCUMENT_KEYS } from '../../../packages/core/src/doc-builder.js';
import { ParseError } from '../../../packages/core/src/errors.js';
import { MAX_NESTING, flattenInto } from '../../../packages/core/src/flatten.js';
import { readJsonLinesText } from '../../../packages/core/src/readers/jsonl.js';
import { parseJsonText } from '../../../packages/core/src/json-text.js';
import { readMetricsPath } from '../../../packages/core/src/readers/registry.js';
import { parseJunitXml } from '../../../packages/core/src/readers/junit-xml.js';
import { NumberListScanner } from '../../../packages/core/src/readers/number-list.js';
import { SeriesAccumulator } from '../../../packages/core/src/series.js';
import { parseYamlText, readNumberListJson } from '../../../packages/core/src/readers/structured.js';

const dir = mkdtempSync(join(tmpdir(), 'mlci-hostile-'));

/** `mlci read --json` output, loosely typed: the tests look into it by key. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ReadJson = any;

async function read(name: string, content: string): Promise<{ code: number; out: ReadJson; stderr: string }> {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return readPath(path);
}

async function readPath(path: string): Promise<{ code: number; out: ReadJson; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await main(['read', path, '--json'], io);
  return { code, out: code === 0 ? JSON.parse(stdout) : undefined, stderr };
}

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('deep nesting ends in a located error naming the limit, never a stack overflow', () => {
  it('valid JSON nested 4,000 deep', async () => {
    const { code, stderr } = await read('deep.json', nested(4000));
    expect(code).toBe(2);
    expect(stderr).toContain('deep.json (key "a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a');
    expect(stderr).toContain(`nested deeper than ${MAX_NESTING} levels; mlci reads at most ${MAX_NESTING}`);
  });

  it('JSON that needs mlci own parser (a NaN) stops at the same limit', async () => {
    const text = '{"a":'.repeat(4000) + 'NaN' + '}'.repeat(4000);
    const { code, stderr } = await read('deep-nan.json', text);
    expect(code).toBe(2);
    expect(stderr).toContain(`invalid JSON: nested deeper than ${MAX_NESTING} levels; mlci reads at most`);
  });

  it('nesting up to the limit is read', async () => {
    const { code, out } = await read('deep-ok.json', nested(MAX_NESTING));
    expect(code).toBe(0);
    expect(Object.keys(out.metrics)).toEqual([Array(MAX_NESTING).fill('a').join('.')]);
  });

  it('a JSON Lines file of one 100,000-deep line', async () => {
    const { code, stderr } = await read('deep.jsonl', nested(100_000) + '\n');
    expect(code).toBe(2);
    expect(stderr).toContain(`nested deeper than ${MAX_NESTING} levels`);
  });

  it('a JSON Lines log whose records nest 100,000 deep skips the deep value with a note', async () => {
    const doc = readJsonLinesText(`{"step":0,"x":1}\n{"step":1,"x":2,"d":${nested(100_000)}}\n`, 'log.jsonl');
    expect(doc.series.x?.stats.count).toBe(2);
    expect(doc.sources[0]!.notes.join('\n')).toContain('nested too deeply');
  });

  it('a TOML dotted key of 10,000 parts', async () => {
    const { code, stderr } = await read('dotted.toml', Array(10_000).fill('a').join('.') + ' = 1\n');
    expect(code).toBe(2);
    expect(stderr).toContain(`nested deeper than ${MAX_NESTING} levels`);
  });

  it('a YAML mapping that contains itself through an alias', async () => {
    const { code, stderr } = await read('cycle.yaml', 'a: &a\n  b: *a\n');
    expect(code).toBe(2);
    expect(stderr).toBe(
      `mlci read: ${join(dir, 'cycle.yaml')}:2:6: invalid YAML: alias *a is inside the value of its own anchor &a (a cycle); mlci cannot flatten it\n`,
    );
  });

  it('YAML flow collections nested 100,000 deep', async () => {
    const { code, stderr } = await read(
      'deep.yaml',
      'a: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n',
    );
    expect(code).toBe(2);
    expect(stderr).toContain('deep.yaml');
    expect(stderr).toContain('nested');
  });

  it('an object that contains itself (not from any parser) is refused by the walk', () => {
    const loop: Record<string, unknown> = { x: 1 };
    loop.self = { inner: loop };
    const builder = new DocBuilder('made.json', 'json');
    expect(() => flattenInto(builder, loop, 'metrics')).toThrow(
      'made.json (key "self.inner"): the value contains itself (a cycle); mlci cannot flatten it',
    );
  });
});

const LAUGHS =
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' +
  'bcdefghi'
    .split('')
    .map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]\n`)
    .join('');
const MANY_ALIASES = 'x: &x 1\nl:\n' + '  - *x\n'.repeat(1500);

describe('YAML alias attacks and mistakes are located parse errors', () => {
  it.each([
    [
      'more than 1,000 aliases',
      MANY_ALIASES,
      /:3:5: invalid YAML: the aliases expand to more than 1000 values/,
    ],
    ['billion laughs', LAUGHS, /:2:8: invalid YAML: the aliases expand to more than 1000 values/],
    [
      'an undefined alias',
      'a: *x\n',
      /:1:4: invalid YAML: alias \*x refers to no anchor &x defined before it/,
    ],
  ])('%s', async (_name, text, message) => {
    for (const name of ['metrics.yaml', 'params.yaml', 'hparams.yaml']) {
      const { code, stderr } = await read(`yaml-${name}-${text.length}/${name}`, text);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
    }
    expect(() => parseYamlText(text, 'meta.yaml')).toThrow(ParseError);
  });

  it('in a W&B run config.yaml', async () => {
    const run = join(dir, 'wandb-run', 'files');
    mkdirSync(run, { recursive: true });
    writeFileSync(join(run, 'wandb-summary.json'), '{"acc": 0.9, "_step": 3, "_runtime": 2}');
    writeFileSync(join(run, 'config.yaml'), LAUGHS);
    const { code, stderr } = await readPath(run);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(run, 'config.yaml')}:2:8: invalid YAML`);
  });

  it('in an MLflow run meta.yaml', async () => {
    const runDir = join(dir, 'mlruns', '0', 'abc123');
    mkdirSync(join(runDir, 'metrics'), { recursive: true });
    writeFileSync(join(dir, 'mlruns', '0', 'meta.yaml'), 'experiment_id: "0"\nname: Default\n');
    writeFileSync(join(runDir, 'meta.yaml'), 'run_id: abc123\nstatus: *x\n');
    writeFileSync(join(runDir, 'metrics', 'acc'), '1700000000000 0.9 0\n');
    const { code, stderr } = await readPath(runDir);
    expect(code).toBe(2);
    expect(stderr).toContain('meta.yaml:2:9: invalid YAML: alias *x refers to no anchor');
  });

  it('aliases within the budget are read as before', async () => {
    const { code, out } = await read('ok-alias.yaml', 'base: &b {lr: 0.1}\nrun: *b\n');
    expect(code).toBe(0);
    expect(out.metrics).toEqual({ 'base.lr': 0.1, 'run.lr': 0.1 });
  });
});

describe('XML: entities are never resolved and parser limits are located errors', () => {
  it('an external entity is refused and no file is read', async () => {
    const { code, stderr } = await read(
      'ent.xml',
      '<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<testsuite name="s"><testcase name="&x;"/></testsuite>\n',
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      'ent.xml:2:14: invalid XML: an external entity (SYSTEM or PUBLIC) is declared here; mlci never reads what an entity points at',
    );
    expect(stderr).not.toContain('root:');
  });

  it('a parameter entity is refused', async () => {
    const { code, stderr } = await read(
      'pent.xml',
      `<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY % p "<!ENTITY y 'z'>"> %p;]>\n<testsuite name="s"><testcase name="a"/></testsuite>\n`,
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      'pent.xml:2:14: invalid XML: a parameter entity (<!ENTITY % ...>) is declared here',
    );
  });

  it('a plain DOCTYPE without declarations is still read', async () => {
    const { code, out } = await read(
      'doctype.xml',
      '<?xml version="1.0"?>\n<!DOCTYPE testsuite>\n<testsuite name="s"><testcase name="a"/></testsuite>\n',
    );
    expect(code).toBe(0);
    expect(out.metrics['junit.tests']).toBe(1);
  });

  it('elements nested past the limit', async () => {
    const { code, stderr } = await read(
      'nest.xml',
      '<testsuite>\n' + '<a>'.repeat(20_000) + '</a>'.repeat(20_000) + '</testsuite>',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /nest\.xml:2:\d+: invalid XML: elements nested deeper than 512 levels; mlci reads at most 512/,
    );
  });

  it('an element named __proto__ never reaches an object', async () => {
    const { code, out, stderr } = await read(
      'proto.xml',
      '<testsuite name="s"><__proto__/><testcase name="a"/><constructor/></testsuite>',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(out.metrics['junit.tests']).toBe(1);
    expect(({} as Record<string, unknown>).testcase).toBeUndefined();
  });
});

describe('TOML edge cases', () => {
  it('"__proto__" is kept as a key', async () => {
    const { code, out } = await read('proto.toml', '"__proto__" = 1\nb = 2\n');
    expect(code).toBe(0);
    expect(Object.hasOwn(out.metrics, '__proto__')).toBe(true);
    expect(out.metrics.__proto__).toBe(1);
    expect(out.metrics.b).toBe(2);
  });

  it('TOML largest integer is read as the nearest number, with a note', async () => {
    const { code, out } = await read(
      'bigint.toml',
      'a = 9223372036854775807\nb = -9223372036854775808\nc = 3\n',
    );
    expect(code).toBe(0);
    expect(out.metrics).toEqual({ a: 2 ** 63, b: -(2 ** 63), c: 3 });
    expect(out.sources[0].notes).toContain(
      'a: the integer 9223372036854775807 is beyond what a number holds exactly (2^53); read as 9223372036854775808',
    );
  });

  it('a duplicate key is a parse error, as TOML says', async () => {
    const { code, stderr } = await read('dup.toml', 'a = 1\na = 2\n');
    expect(code).toBe(2);
    expect(stderr).toContain('dup.toml:2:1: invalid TOML');
  });
});

describe('duplicate keys in JSON and YAML: the last one wins, and a note says so', () => {
  it('JSON', async () => {
    const { code, out } = await read('dup.json', '{"a": 1,\n "b": {"c": 2, "c": 3},\n "a": 4}');
    expect(code).toBe(0);
    expect(out.metrics).toEqual({ a: 4, 'b.c': 3 });
    expect(out.sources[0].notes).toContain(
      'duplicate keys, the last value of each is read: b.c (line 2), a (line 3)',
    );
  });

  it('JSON whose strings merely contain quote-colon has no such note', async () => {
    const { code, out } = await read('quoted.json', '{"a": "x\\":", "b": "\\":\\":"}');
    expect(code).toBe(0);
    expect(out.sources[0].notes.join('\n')).not.toContain('duplicate');
  });

  it('YAML', async () => {
    const { code, out } = await read('dup.yaml', 'a: 1\nb:\n  c: 2\n  c: 3\na: 4\n');
    expect(code).toBe(0);
    expect(out.metrics).toEqual({ a: 4, 'b.c': 3 });
    expect(out.sources[0].notes).toContain(
      'duplicate keys, the last value of each is read: b.c (line 4), a (line 5)',
    );
  });

  it('__proto__ in JSON is kept as a key', async () => {
    const { out } = await read('proto.json', '{"__proto__": {"x": 1}, "b": 2}');
    expect(out.metrics).toEqual({ '__proto__.x': 1, b: 2 });
  });
});

describe('memory stays near the file size', () => {
  it('a long JSON list of numbers is one curve over its index, not one metric per element', async () => {
    const values = Array.from({ length: 50_000 }, (_, i) => i / 10);
    const { code, out } = await read('scores.json', JSON.stringify({ scores: values, acc: 0.9 }));
    expect(code).toBe(0);
    expect(Object.keys(out.metrics)).toEqual(['acc', 'scores']);
    expect(out.metrics.scores).toBe(4999.9);
    expect(out.series.scores.length).toBeLessThanOrEqual(2000);
    expect(out.sources[0].notes).toContain('read the list scores (50000 numbers) as a curve over its index');
    const doc = await readMetricsPath(join(dir, 'scores.json'));
    expect(doc.series.scores?.stats).toMatchObject({ count: 50_000, min: 0, max: 4999.9 });
  });

  it('a whole-file list of numbers is a curve named after the file', async () => {
    const { code, out } = await read(
      'latencies.json',
      JSON.stringify(Array.from({ length: 5000 }, (_, i) => i)),
    );
    expect(code).toBe(0);
    expect(out.metrics).toEqual({ latencies: 4999 });
    expect((await readMetricsPath(join(dir, 'latencies.json'))).series.latencies?.stats.count).toBe(5000);
  });

  it('short lists are still indexed', async () => {
    const { out } = await read('short.json', '{"f1": [0.9, 0.8, 0.7]}');
    expect(out.metrics).toEqual({ 'f1.0': 0.9, 'f1.1': 0.8, 'f1.2': 0.7 });
  });

  it(`a JSON object of 120,000 keys (the issue had 1 M) stops at ${MAX_DOCUMENT_KEYS} keys, named in the message`, async () => {
    const parts: string[] = [];
    for (let i = 0; i < 120_000; i++) parts.push(`"k${i}":${i}`);
    const { code, stderr } = await read('wide.json', `{${parts.join(',')}}`);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `wide.json: more than ${MAX_DOCUMENT_KEYS} distinct keys (metrics, curves and params); mlci reads at most ${MAX_DOCUMENT_KEYS} from one file`,
    );
  });

  it('a JSON Lines log where each line adds a key stops at the same cap', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 120_000; i++) lines.push(`{"step":${i},"k${i}":1}`);
    const { code, stderr } = await read('grow.jsonl', lines.join('\n') + '\n');
    expect(code).toBe(2);
    expect(stderr).toContain(`more than ${MAX_DOCUMENT_KEYS} distinct keys`);
  });
});

describe('a JSON file that is one long list of numbers is streamed, with the same result', () => {
  const ordinary = (text: string, path: string) => {
    const builder = new DocBuilder(path, 'json');
    flattenInto(builder, parseJsonText(text, path), 'metrics');
    return builder.build();
  };

  it('gives what the ordinary read gives, for any numbers JSON (and Python) can write', async () => {
    const number = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => JSON.stringify(x)),
      fc.integer().map(String),
      fc.constantFrom('NaN', 'Infinity', '-Infinity', '-0', '0.1e-3', '1E+21', '12345678901234567890'),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(number, { minLength: 1001, maxLength: 1300 }),
        fc.boolean(),
        async (tokens, spaced) => {
          const text = spaced ? `\n[ ${tokens.join(' ,\n ')} ]\n` : `[${tokens.join(',')}]`;
          const path = join(dir, `list-${n++}.json`);
          writeFileSync(path, text);
          const streamed = await readNumberListJson(path, { maxSeriesPoints: 2000 });
          expect(streamed).toBeDefined();
          expect(streamed).toEqual(ordinary(text, path));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('gives up on anything else, and the ordinary read decides', async () => {
    const long = Array.from({ length: 1500 }, (_, i) => i).join(',');
    for (const [name, text] of [
      ['short.json', '[1, 2, 3]'],
      ['object-inside.json', `[${long}, {"a": 1}]`],
      ['nested.json', `[${long}, [1]]`],
      ['broken.json', `[${long},, 1]`],
      ['leading-zero.json', `[${long}, 01]`],
      ['object.json', '{"a": [1, 2]}'],
      ['trailing.json', `[${long}] 1`],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, text);
      expect(await readNumberListJson(path, { maxSeriesPoints: 2000 })).toBeUndefined();
    }
    const { code, stderr } = await readPath(join(dir, 'broken.json'));
    expect(code).toBe(2);
    expect(stderr).toContain('broken.json:1:');
  });
});

describe('NumberListScanner', () => {
  it('reads a number split across chunks at any byte', () => {
    const values = Array.from({ length: 1200 }, (_, i) => (i % 7 === 3 ? -i / 3 : i * 1.5e-7));
    const bytes = new TextEncoder().encode(`[${values.map((v) => JSON.stringify(v)).join(', ')}, NaN]`);
    for (const size of [1, 2, 3, 7, 64]) {
      const series = new SeriesAccumulator(2000);
      const scanner = new NumberListScanner(() => series);
      for (let at = 0; at < bytes.length; at += size) scanner.push(bytes.subarray(at, at + size));
      expect(scanner.finish()).toBe(1201);
      const data = series.finish();
      expect(data.stats).toMatchObject({ count: 1201, nonFinite: 1, min: values[1193], max: values[1199] });
      expect(data.points.slice(0, 1200).map((p) => p.value)).toEqual(values);
    }
  });
});

describe('the JUnit scanner, fed generated XML-like text', () => {
  it('returns elements in null-prototype objects or throws a located ParseError, never anything else', () => {
    const piece = fc.constantFrom(
      '<testsuite name="s">',
      '</testsuite>',
      '<testcase name="a"/>',
      '<testcase>',
      '</testcase>',
      '<failure message="m&amp;&#10;x"/>',
      '<!DOCTYPE t [',
      '<!ENTITY x "y">',
      ']>',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '<__proto__/>',
      '<constructor a="1"/>',
      ' b="2"',
      "'",
      '"',
      '<',
      '>',
      '/>',
      '&x;',
      'text',
      '\n',
      '<?xml version="1.0"?>',
      '<!ENTITY % p SYSTEM "f">',
      '<system-out>',
      '</system-out>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        try {
          const root = parseJunitXml(pieces.join(''), 'gen.xml');
          expect(Object.getPrototypeOf(root)).toBeNull();
        } catch (error) {
          expect(error).toBeInstanceOf(ParseError);
          expect((error as ParseError).location.file).toBe('gen.xml');
        }
      }),
      { numRuns: 2000 },
    );
    expect(({} as Record<string, unknown>).testsuite).toBeUndefined();
  });
});
