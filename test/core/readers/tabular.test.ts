import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { MlciError, ParseError } from '../../../packages/core/src/errors.js';
import type { MetricsDoc } from '../../../packages/core/src/model.js';
import { parseNumber } from '../../../packages/core/src/numbers.js';
import {
  CELL_MISSING,
  CELL_NUMBER,
  CELL_TEXT,
  DelimitedParser,
  type DelimitedSink,
  lastCellKind,
  parseCell,
  readDelimitedText,
} from '../../../packages/core/src/readers/delimited.js';
import { readJsonLinesText } from '../../../packages/core/src/readers/jsonl.js';
import { chooseReader, readMetricsPath } from '../../../packages/core/src/readers/registry.js';
import type { Probe } from '../../../packages/core/src/readers/types.js';

const REAL = 'test/fixtures/real';
const dir = mkdtempSync(join(tmpdir(), 'mlci-tabular-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const csv = (text: string | string[], options = {}) => readDelimitedText(text, 'log.csv', 'csv', options);

/** Collects rows as arrays of strings, for tokenizer tests. */
class Rows implements DelimitedSink {
  numbers = false;
  rows: string[][] = [];
  lines: number[] = [];
  private current: string[] = [];
  value(): void {
    throw new Error('not asked for numbers');
  }
  cell(index: number, text: string, start: number, end: number): void {
    this.current[index] = text.slice(start, end);
  }
  row(line: number, cells: number): void {
    this.rows.push(this.current.slice(0, cells));
    this.lines.push(line);
    this.current = [];
  }
}
function tokenize(chunks: string[], delimiter = ','): Rows {
  const rows = new Rows();
  const parser = new DelimitedParser(delimiter.charCodeAt(0), rows, 't.csv');
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return rows;
}

describe('PyTorch Lightning CSVLogger metrics.csv (real file)', () => {
  const path = `${REAL}/lightning-csv/binn-lightning_logs-version_0-metrics.csv`;

  it('reads every column against the step column, keeping epoch as a curve', async () => {
    const doc = await readMetricsPath(path);
    expect(doc.metrics).toEqual({ epoch: 2, train_acc: 0.6192893385887146, train_loss: 0.6675698757171631 });
    expect(Object.keys(doc.series)).toEqual(['epoch', 'train_acc', 'train_loss']);
    expect(doc.series.train_loss!.points).toEqual([
      { step: 24, value: 0.6958715915679932 },
      { step: 49, value: 0.677720844745636 },
      { step: 74, value: 0.6675698757171631 },
    ]);
    expect(doc.series.train_acc!.stats).toMatchObject({
      count: 3,
      nonFinite: 0,
      min: 0.5126903653144836,
      minStep: 24,
      max: 0.6192893385887146,
      maxStep: 74,
    });
    expect(doc.series.epoch!.points.map((p) => p.value)).toEqual([0, 1, 2]);
    expect(doc.sources).toEqual([{ file: path, format: 'csv', notes: [], warnings: [] }]);
  });
});

describe('wide CSV logs', () => {
  it('reads a Keras CSVLogger file against its epoch column', () => {
    const doc = csv(
      'epoch,accuracy,loss,val_accuracy,val_loss\n0,0.5,1.2,0.55,1.1\n1,0.7,0.8,0.68,0.9\n2,0.8,0.5,0.74,0.7\n',
    );
    expect(doc.metrics).toEqual({ accuracy: 0.8, loss: 0.5, val_accuracy: 0.74, val_loss: 0.7 });
    expect(doc.series.val_loss!.points.map((p) => [p.step, p.value])).toEqual([
      [0, 1.1],
      [1, 0.9],
      [2, 0.7],
    ]);
    expect(doc.series.epoch).toBeUndefined();
    expect(doc.sources[0]!.notes).toEqual(['steps are read from column "epoch"']);
  });

  it('treats the empty cells of sparse Lightning rows as missing, not as zeros', () => {
    const text =
      'epoch,step,train_loss,val_loss,val_acc\n' +
      '0,49,0.9,,\n0,99,0.7,,\n0,99,,0.8,0.6\n1,149,0.5,,\n1,199,0.4,,\n1,199,,0.6,0.7\n1,249,0.35,,\n';
    const doc = csv(text);
    expect(doc.metrics).toEqual({ epoch: 1, train_loss: 0.35, val_acc: 0.7, val_loss: 0.6 });
    expect(doc.series.train_loss!.stats).toMatchObject({
      count: 5,
      min: 0.35,
      max: 0.9,
      mean: (0.9 + 0.7 + 0.5 + 0.4 + 0.35) / 5,
    });
    expect(doc.series.val_loss!.points).toEqual([
      { step: 99, value: 0.8 },
      { step: 199, value: 0.6 },
    ]);
    expect(doc.series.epoch!.stats.count).toBe(7);
    expect(doc.sources[0]!.warnings).toEqual([]);
  });

  it('reads nan and inf cells as non-finite points that count', () => {
    const doc = csv('step,loss\n0,1.5\n1,nan\n2,inf\n3,-Infinity\n4,NaN\n');
    const stats = doc.series.loss!.stats;
    expect(stats).toMatchObject({ count: 5, nonFinite: 4, min: 1.5, max: 1.5, mean: 1.5 });
    expect(doc.metrics.loss).toBeNaN();
    expect(doc.series.loss!.points.map((p) => p.value)).toEqual([1.5, NaN, Infinity, -Infinity, NaN]);
  });

  it('uses the row number as the step when there is no step column, and says so', () => {
    const doc = csv('loss,acc\n0.9,0.1\n0.5,0.6\n');
    expect(doc.series.loss!.points.map((p) => p.step)).toEqual([0, 1]);
    expect(doc.sources[0]!.notes[0]).toMatch(/no step column .*the row number, from 0, is used as the step/);
  });

  it('prefers step over global_step, iteration and epoch', () => {
    const doc = csv('epoch,iteration,global_step,step,loss\n0,1,2,3,0.5\n0,2,4,6,0.4\n');
    expect(doc.series.loss!.points.map((p) => p.step)).toEqual([3, 6]);
    expect(Object.keys(doc.series)).toEqual(['epoch', 'global_step', 'iteration', 'loss']);
    expect(csv('iteration,loss\n5,1\n6,2\n').series.loss!.points.map((p) => p.step)).toEqual([5, 6]);
  });

  it('skips a text column with a note and never reads a timestamp as the step', () => {
    const doc = csv('timestamp,phase,loss\n1700000000,train,0.9\n1700000060,val,0.8\n');
    expect(Object.keys(doc.series)).toEqual(['loss']);
    expect(doc.series.loss!.points).toEqual([
      { step: 0, value: 0.9, wallTime: 1700000000 },
      { step: 1, value: 0.8, wallTime: 1700000060 },
    ]);
    const notes = doc.sources[0]!.notes.join('\n');
    expect(notes).toContain('column "timestamp" is read as the wall-clock time of each point');
    expect(notes).toContain('phase (text such as "train")');
  });

  it('warns about a text cell in a numeric column, with its line, and reads the rest', () => {
    const doc = csv('step,loss\n0,0.9\n1,oops\n2,0.7\n3,bad\n');
    expect(doc.series.loss!.stats.count).toBe(2);
    expect(doc.sources[0]!.warnings).toEqual([
      'line 3: column "loss" holds "oops", which is not a number; 2 such cells were not read',
    ]);
  });

  it('warns once about rows with fewer cells and reads them as missing values', () => {
    const doc = csv('step,a,b\n0,1,2\n1,3\n2,5\n3,7,8\n');
    expect(doc.series.a!.stats.count).toBe(4);
    expect(doc.series.b!.points.map((p) => p.step)).toEqual([0, 3]);
    expect(doc.sources[0]!.warnings).toEqual([
      'line 3: fewer cells than the 3 columns of the header; the missing cells were read as empty (2 rows like this)',
    ]);
  });

  it('warns about rows whose step is not a number and leaves their values out', () => {
    const doc = csv('step,loss\n0,1\n,2\nx,3\n3,4\n');
    expect(doc.series.loss!.points.map((p) => p.step)).toEqual([0, 3]);
    expect(doc.sources[0]!.warnings).toEqual([
      'line 3: no number in step column "step"; the row\'s values were not read (2 rows like this)',
    ]);
  });

  it('reads a header-only file as an empty document with a note', () => {
    const doc = csv('epoch,step,train_loss\n');
    expect(doc.metrics).toEqual({});
    expect(doc.series).toEqual({});
    expect(doc.sources[0]!.notes).toContain('the file has a header but no rows yet');
    expect(csv('').sources[0]!.notes).toEqual(['the file is empty: no header, no rows']);
    expect(csv('\n\n\r\n').sources[0]!.notes).toEqual(['the file is empty: no header, no rows']);
  });

  it('reads a single data row as summary metrics and params', () => {
    const doc = csv('model,accuracy,f1,epoch,notes\nresnet,0.91,0.88,10,\n');
    expect(doc.metrics).toEqual({ accuracy: 0.91, epoch: 10, f1: 0.88 });
    expect(doc.params).toEqual({ model: 'resnet' });
    expect(doc.series).toEqual({});
    expect(doc.sources[0]!.notes.join('\n')).toContain('one data row: read as summary values');
    expect(doc.sources[0]!.notes.join('\n')).toContain('notes (an empty cell)');
  });

  it('keeps names as written, escaping dots, as every format does', () => {
    const doc = csv('step,train/loss,top.1\n0,1,2\n1,3,4\n');
    expect(Object.keys(doc.metrics)).toEqual(['top\\.1', 'train/loss']);
  });

  it('skips columns without a name (a pandas index) with a note', () => {
    const doc = csv(',step,loss\n0,0,1\n1,1,2\n');
    expect(Object.keys(doc.metrics)).toEqual(['loss']);
    expect(doc.sources[0]!.notes.join('\n')).toContain('(column 1) (a column without a name in the header)');
  });

  it('refuses duplicate column names, naming both', () => {
    expect(() => csv('step,loss,acc,loss\n0,1,2,3\n')).toThrow(
      new ParseError(
        { file: 'log.csv', line: 1 },
        'columns 2 ("loss") and 4 ("loss") both name the metric "loss"; rename one of them',
      ),
    );
    expect(() => csv('step,loss, loss\n0,1,2\n')).toThrow(ParseError);
  });

  it('refuses a row with more cells than the header, at its first extra cell', () => {
    expect(() => csv('step,loss\n0,1\n1,2,3,4\n')).toThrow(
      new ParseError({ file: 'log.csv', line: 3, column: 5 }, 'expected 2 columns as in the header, found 4'),
    );
    expect(() => csv('step,loss\n0,1\n1,2,"x"\n')).toThrow(
      'log.csv:3:5: expected 2 columns as in the header, found 3',
    );
  });

  it('refuses an unterminated quote at the end of the file, at the opening quote', () => {
    expect(() => csv('step,phase,loss\n0,"train,1\n1,val,2\n')).toThrow(
      new ParseError(
        { file: 'log.csv', line: 2, column: 3 },
        'unterminated quoted field: the file ends before its closing quote',
      ),
    );
  });

  it('reads a truncated last line (no newline) when it parses', () => {
    const doc = csv('step,loss\n0,1\n1,0.5');
    expect(doc.series.loss!.stats.last).toEqual({ step: 1, value: 0.5 });
  });

  it('keeps 100 of 50,000 points, with the first, last, min and max, and exact stats', () => {
    let text = 'step,loss\n';
    let sum = 0;
    for (let i = 0; i < 50_000; i++) {
      const v = i === 31_337 ? -5 : i === 12_345 ? 9 : Math.round(Math.sin(i / 500) * 1000) / 1000;
      sum += v;
      text += `${i},${v}\n`;
    }
    const doc = csv(text, { maxSeriesPoints: 100 });
    const series = doc.series.loss!;
    expect(series.points.length).toBeLessThanOrEqual(100);
    expect(series.downsampledFrom).toBe(50_000);
    expect(series.points[0]).toEqual({ step: 0, value: 0 });
    expect(series.points.at(-1)).toEqual(series.stats.last);
    expect(series.stats.last.step).toBe(49_999);
    expect(series.points).toContainEqual({ step: 31_337, value: -5 });
    expect(series.points).toContainEqual({ step: 12_345, value: 9 });
    expect(series.stats).toMatchObject({ count: 50_000, min: -5, minStep: 31_337, max: 9, maxStep: 12_345 });
    expect(series.stats.mean).toBeCloseTo(sum / 50_000, 12);
  });
});

describe('quoting, line endings and encodings', () => {
  it('unescapes RFC 4180 quotes: delimiters, doubled quotes and newlines inside cells', () => {
    const rows = tokenize(['name,"a ""b"", c",x\n"multi\nline",2,"3"\n,,\n']);
    expect(rows.rows).toEqual([
      ['name', 'a "b", c', 'x'],
      ['multi\nline', '2', '3'],
      ['', '', ''],
    ]);
    expect(rows.lines).toEqual([1, 2, 4]);
  });

  it('counts lines across quoted newlines so later errors point at the right line', () => {
    expect(() => csv('step,note,loss\n0,"a\nb\nc",1\n1,x,2,3\n')).toThrow('log.csv:5:7: expected 3 columns');
  });

  it('reads quoted numbers and text, and CRLF line endings', () => {
    const doc = csv('"step","phase","loss"\r\n"0","train, warm",0.9\r\n"1","train",0.8\r\n');
    expect(doc.series.loss!.points.map((p) => [p.step, p.value])).toEqual([
      [0, 0.9],
      [1, 0.8],
    ]);
    expect(doc.sources[0]!.notes.join()).toContain('phase (text such as "train, warm")');
  });

  it('drops a UTF-8 byte-order mark, in text and in a file', async () => {
    expect(Object.keys(csv('\uFEFFstep,loss\n0,1\n1,2\n').series)).toEqual(['loss']);
    const path = file(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('step,loss\r\n0,1\r\n1,2\r\n')]),
    );
    const doc = await readMetricsPath(path);
    expect(doc.series.loss!.points).toEqual([
      { step: 0, value: 1 },
      { step: 1, value: 2 },
    ]);
  });

  it('reads non-ASCII column names', async () => {
    const path = file('accents.csv', 'step,précision,损失\n0,0.5,1\n1,0.6,0.9\n');
    expect(Object.keys((await readMetricsPath(path)).metrics)).toEqual(['précision', '损失']);
  });

  it('refuses bytes that are not UTF-8, at their offset', async () => {
    const path = file('latin1.csv', Buffer.from([...Buffer.from('step,loss\n0,1\n1,'), 0xe9, 0x0a]));
    await expect(readMetricsPath(path)).rejects.toThrow(`${path} at byte 16: not UTF-8 text`);
  });

  it('gives the same rows however the text is cut into chunks', () => {
    const text = 'step,"a,b",c\r\n0,"x\n""y""",1\n\n1,,2\r\n2,"",3';
    const whole = tokenize([text]);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: text.length }), { maxLength: 6 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: string[] = [];
        let last = 0;
        for (const p of points) {
          chunks.push(text.slice(last, p));
          last = p;
        }
        chunks.push(text.slice(last));
        const rows = tokenize(chunks);
        expect(rows.rows).toEqual(whole.rows);
        expect(rows.lines).toEqual(whole.lines);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same document however a log is cut into chunks', () => {
    const text = 'epoch,step,loss,val\n0,1,0.5,\n0,2,nan,0.25\n1,3,0.125,\n1,4,,1e-3\n';
    const whole = csv(text);
    fc.assert(
      fc.property(fc.nat({ max: text.length }), fc.nat({ max: text.length }), (a, b) => {
        const [x, y] = [Math.min(a, b), Math.max(a, b)];
        expect(csv([text.slice(0, x), text.slice(x, y), text.slice(y)])).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseCell', () => {
  it('classifies empty, numeric and text cells', () => {
    const kind = (s: string) => {
      parseCell(s, 0, s.length);
      return lastCellKind();
    };
    expect(kind('')).toBe(CELL_MISSING);
    expect(kind('  ')).toBe(CELL_MISSING);
    expect(kind('0.5')).toBe(CELL_NUMBER);
    expect(kind(' -Inf ')).toBe(CELL_NUMBER);
    expect(kind('1e')).toBe(CELL_TEXT);
    expect(kind('train')).toBe(CELL_TEXT);
    expect(parseCell('x0.25y', 1, 5)).toBe(0.25);
  });

  it('agrees with parseNumber on any text, to the last bit', () => {
    const decimal = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.stringMatching(/^[0-9]{0,20}$/),
        fc.constantFrom('', '.'),
        fc.stringMatching(/^[0-9]{0,20}$/),
        fc.constantFrom('', 'e', 'E-', 'e+'),
        fc.stringMatching(/^[0-9]{0,3}$/),
      )
      .map((parts) => parts.join(''));
    const float = fc.double().map((d) => String(d));
    fc.assert(
      fc.property(fc.oneof(decimal, float, fc.string()), (s) => {
        const value = parseCell(s, 0, s.length);
        const expected = parseNumber(s);
        if (expected === undefined) expect(lastCellKind()).not.toBe(CELL_NUMBER);
        else expect(Object.is(value, expected) || (Number.isNaN(value) && Number.isNaN(expected))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('long tables', () => {
  it('reads (name, value, step) rows as one curve per name', () => {
    const doc = csv(
      'metric,step,value,run_id\ntrain/loss,0,1.0,a\nval/acc,0,0.5,a\ntrain/loss,1,0.5,a\nval/acc,1,0.75,a\n',
    );
    expect(doc.metrics).toEqual({ 'train/loss': 0.5, 'val/acc': 0.75 });
    expect(doc.series['val/acc']!.points.map((p) => p.step)).toEqual([0, 1]);
    const notes = doc.sources[0]!.notes.join('\n');
    expect(notes).toContain('read as a long table');
    expect(notes).toContain('run_id (a column a long table does not use)');
  });

  it('counts steps per name when there is no step column, and warns about bad rows', () => {
    const doc = csv('name,value\nloss,1\nloss,0.5\n,3\nloss,abc\nacc,0.1\n');
    expect(doc.series.loss!.points.map((p) => [p.step, p.value])).toEqual([
      [0, 1],
      [1, 0.5],
    ]);
    expect(doc.metrics.acc).toBe(0.1);
    expect(doc.sources[0]!.warnings).toEqual([
      'line 4: the row has no name; it was not read (2 rows like this)',
    ]);
  });
});

describe('TSV logs', () => {
  it('reads a dvclive TSV (real file)', async () => {
    const doc = await readMetricsPath(`${REAL}/dvclive/airq-dvclive/plots/metrics/val/loss.tsv`);
    expect(doc.sources[0]!.format).toBe('tsv');
    expect(doc.series.loss!.points).toEqual([
      { step: 0, value: 2.3690964418263825 },
      { step: 1, value: 1.577317210739888 },
      { step: 2, value: 0.7266902432695576 },
    ]);
  });

  it('reads tabs, not commas, as the delimiter', () => {
    const doc = readDelimitedText('step\tloss\tnote\n0\t1.5\ta,b\n1\t0.5\tc\n', 't.tsv', 'tsv');
    expect(doc.metrics).toEqual({ loss: 0.5 });
  });
});

describe('JSON Lines logs', () => {
  const jsonl = (text: string | string[]) => readJsonLinesText(text, 'log.jsonl');

  it('reads one object per line, nested keys joined with "."', () => {
    const doc = jsonl(
      '{"step": 0, "train": {"loss": 1.0}, "lr": 0.1}\n\n{"step": 10, "train": {"loss": 0.5}, "lr": 0.05, "phase": "train"}\r\n{"step": 20, "eval": {"acc": 0.9}}\n',
    );
    expect(doc.metrics).toEqual({ 'eval.acc': 0.9, lr: 0.05, 'train.loss': 0.5 });
    expect(doc.series['train.loss']!.points).toEqual([
      { step: 0, value: 1 },
      { step: 10, value: 0.5 },
    ]);
    expect(doc.sources[0]!.notes.join()).toContain('phase (text)');
  });

  it('reads Python NaN and Infinity tokens and wall-clock fields, with _step as the step', () => {
    const doc = jsonl(
      '{"_step": 0, "_timestamp": 1700000000.5, "loss": NaN}\n{"_step": 1, "_timestamp": 1700000001, "loss": Infinity}\n',
    );
    expect(doc.series.loss!.points).toEqual([
      { step: 0, value: NaN, wallTime: 1700000000.5 },
      { step: 1, value: Infinity, wallTime: 1700000001 },
    ]);
    expect(doc.sources[0]!.notes).toContain('steps are read from field "_step"');
  });

  it('numbers records from 0 when they have no step', () => {
    const doc = jsonl('{"loss": 3}\n{"loss": 2}\n{"loss": 1}\n');
    expect(doc.series.loss!.points.map((p) => p.step)).toEqual([0, 1, 2]);
    expect(doc.sources[0]!.notes[0]).toMatch(/records are numbered from 0/);
  });

  it('refuses a line that is not JSON, at its line and column', () => {
    expect(() => jsonl('{"step": 0, "loss": 1}\n{"step": 1, "loss": }\n{"step": 2}\n')).toThrow(
      /^log\.jsonl:2:21: invalid JSON: expected a value/,
    );
    expect(() => jsonl('{"step": 0}\n  [1, 2]\n')).toThrow(
      new ParseError(
        { file: 'log.jsonl', line: 2, column: 3 },
        'expected a JSON object on each line, found an array',
      ),
    );
  });

  it('leaves out a cut-off last line with a warning', () => {
    const doc = jsonl('{"step": 0, "loss": 1}\n{"step": 1, "loss": 0.5}\n{"step": 2, "lo');
    expect(doc.series.loss!.stats.count).toBe(2);
    expect(doc.sources[0]!.warnings).toEqual([
      'line 3: the file ends in the middle of a record (it may still be being written); that line was not read',
    ]);
  });

  it('reads a single record as a summary, like a JSON file', () => {
    const doc = jsonl('{"accuracy": 0.9, "model": "bert", "eval": {"f1": 0.8}}\n');
    expect(doc.metrics).toEqual({ accuracy: 0.9, 'eval.f1': 0.8 });
    expect(doc.params).toEqual({ model: 'bert' });
    expect(jsonl('\n\n').sources[0]!.notes).toEqual(['the file holds no records yet']);
  });

  it('skips booleans, lists and W&B media objects once per key, with a note', () => {
    const doc = jsonl(
      '{"step": 0, "ok": true, "hist": {"_type": "histogram", "bins": [1, 2]}, "scores": [1, 2], "one": [0.5]}\n{"step": 1, "ok": false, "one": [0.25]}\n',
    );
    expect(doc.metrics).toEqual({ one: 0.25 });
    expect(doc.sources[0]!.notes.at(-1)).toBe(
      'skipped 3 values that are neither a number nor a parameter: ok (true/false), hist (a "histogram" object (media or a chart, not a number)), scores (a list of 2 values)',
    );
  });

  it('gives the same document however the text is cut into chunks', () => {
    const text = '{"step": 0, "a": 1}\r\n\n{"step": 1, "a": NaN, "b": {"c": 2}}\n{"step": 2, "a": 3}';
    const whole = jsonl(text);
    fc.assert(
      fc.property(fc.nat({ max: text.length }), fc.nat({ max: text.length }), (a, b) => {
        const [x, y] = [Math.min(a, b), Math.max(a, b)];
        expect(jsonl([text.slice(0, x), text.slice(x, y), text.slice(y)])).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });

  it('streams a .jsonl file', async () => {
    const path = file('history.jsonl', '{"step": 1, "loss": 2}\n{"step": 2, "loss": 1}\n');
    const doc = await readMetricsPath(path);
    expect(doc.sources[0]!.format).toBe('jsonl');
    expect(doc.series.loss!.stats.count).toBe(2);
  });
});

describe('detection', () => {
  const probe = (name: string, head = ''): Probe => ({
    path: name,
    name,
    isDirectory: false,
    head: new TextEncoder().encode(head),
    entries: [],
  });

  it('detects logs by extension', () => {
    expect(chooseReader(probe('metrics.csv'))?.format).toBe('csv');
    expect(chooseReader(probe('loss.tsv'))?.format).toBe('tsv');
    expect(chooseReader(probe('loss.tab'))?.format).toBe('tsv');
    expect(chooseReader(probe('history.jsonl'))?.format).toBe('jsonl');
    expect(chooseReader(probe('history.ndjson'))?.format).toBe('jsonl');
  });

  it('sniffs .txt and .log content, and JSON Lines written as .json', () => {
    expect(chooseReader(probe('train.log', 'epoch,loss\n0,0.5\n'))?.format).toBe('csv');
    expect(chooseReader(probe('train.txt', 'epoch\tloss\n0\t0.5\n'))?.format).toBe('tsv');
    expect(chooseReader(probe('train.log', '{"step": 1}\n{"step": 2}\n'))?.format).toBe('jsonl');
    expect(chooseReader(probe('history.json', '{"step": 1}\n{"step": 2}\n'))?.format).toBe('jsonl');
    expect(chooseReader(probe('metrics.json', '{\n  "acc": 1\n}\n'))?.format).toBe('json');
    expect(chooseReader(probe('notes.txt', 'Training went well, mostly.\nYes, it did.\n'))).toBeUndefined();
  });
});

describe('damaged input', () => {
  const expectDocOrMlciError = (read: () => MetricsDoc) => {
    try {
      const doc = read();
      for (const series of Object.values(doc.series)) expect(series.points.length).toBeGreaterThan(0);
    } catch (error) {
      if (!(error instanceof MlciError)) throw error;
    }
  };
  const alphabet = fc.constantFrom(
    ...'0123456789.,\t\n\r"e-+ naistep'.split(''),
    'nan',
    'step',
    'loss',
    '\uFEFF',
  );

  it('CSV and TSV text: a document or MlciError, never anything else', () => {
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 200 }).map((a) => a.join('')),
        fc.boolean(),
        (text, tsv) => {
          expectDocOrMlciError(() =>
            readDelimitedText(text, 'x', tsv ? 'tsv' : 'csv', { maxSeriesPoints: 10 }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('JSON Lines text: a document or MlciError, never anything else', () => {
    const json = fc.constantFrom(
      '{',
      '}',
      '"a"',
      '"step"',
      ':',
      ',',
      '1',
      'NaN',
      '[',
      ']',
      '\n',
      ' ',
      'null',
      'true',
      '{"_type": "x"}',
    );
    fc.assert(
      fc.property(
        fc.array(json, { maxLength: 80 }).map((a) => a.join('')),
        (text) => {
          expectDocOrMlciError(() => readJsonLinesText(text, 'x'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random bytes as files: a document or MlciError', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('csv', 'tsv', 'jsonl'),
        async (bytes, ext) => {
          const path = file(`random-${n++}.${ext}`, bytes);
          try {
            await readMetricsPath(path);
          } catch (error) {
            if (!(error instanceof MlciError)) throw error;
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
