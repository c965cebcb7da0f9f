import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { MlciError, ParseError } from '../../../packages/core/src/errors.js';
import { probePath } from '../../../packages/core/src/readers/files.js';
import { inferDirection } from '../../../packages/core/src/gates/direction.js';
import { decodeXmlText } from '../../../packages/core/src/readers/junit-xml.js';
import { chooseReader, readMetricsPath } from '../../../packages/core/src/readers/registry.js';

const REAL = 'test/fixtures/real/junit/biobb_pytorch-pytest-junit.xml';
const work = mkdtempSync(join(tmpdir(), 'mlci-junit-'));
let counter = 0;

function file(text: string, name = `report-${counter++}.xml`): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

describe('junit: the real pytest report of biobb_pytorch', () => {
  it('is detected from its root element, whatever the file is called', async () => {
    expect(chooseReader(await probePath(REAL))?.format).toBe('junit');
    const renamed = file(
      '<?xml version="1.0"?>\n<!-- pytest -->\n<testsuite name="a" tests="1"><testcase name="t"/></testsuite>',
      'results.xml',
    );
    expect(chooseReader(await probePath(renamed))?.format).toBe('junit');
  });

  it('counts 28 passing test cases and the suite time pytest states', async () => {
    const doc = await readMetricsPath(REAL);
    expect(doc.metrics).toMatchObject({
      'junit.tests': 28,
      'junit.passed': 28,
      'junit.failures': 0,
      'junit.errors': 0,
      'junit.skipped': 0,
      'junit.pass_rate': 1,
      'junit.time': 13.574,
      'junit.suites.pytest.tests': 28,
    });
    expect(doc.sources[0]!.format).toBe('junit');
    expect(doc.sources[0]!.notes).toContain(
      '1 test suite, 28 tests: 28 passed, 0 failed, 0 errored, 0 skipped',
    );
  });
});

describe('junit: counting', () => {
  const report = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="all" time="9.5">
  <testsuite name="data checks" tests="99" failures="99">
    <testcase classname="checks" name="no_nulls" time="0.5"/>
    <testcase classname="checks" name="label_balance" time="1.25">
      <failure message="class 3 is 0.2% of rows&#10;expected &gt;= 1%">trace</failure>
    </testcase>
    <testcase classname="checks" name="schema" time="0.25"><error message="KeyError: &apos;age&apos;"/></testcase>
    <testcase classname="checks" name="gpu" time="0"><skipped message="no GPU"/></testcase>
  </testsuite>
  <testsuite name="model" time="7">
    <testcase name="accuracy_floor" time="6.5"/>
    <testcase name="latency" time="0.5"><system-out>fine</system-out></testcase>
  </testsuite>
  <testsuite name="model">
    <testcase name="again"/>
  </testsuite>
</testsuites>`;

  it('counts test cases, not the attributes a writer got wrong', async () => {
    const doc = await readMetricsPath(file(report));
    expect(doc.metrics).toMatchObject({
      'junit.tests': 7,
      'junit.passed': 4,
      'junit.failures': 1,
      'junit.errors': 1,
      'junit.skipped': 1,
      'junit.pass_rate': 4 / 6,
      'junit.suites.data checks.tests': 4,
      'junit.suites.data checks.failures': 1,
      // Without a suite time, the sum of its cases.
      'junit.suites.data checks.time': 2,
      'junit.suites.model.time': 7,
      'junit.suites.model #2.tests': 1,
    });
    // The first suite's time is the sum of its cases, the second states 7, the third states none.
    expect(doc.metrics['junit.time']).toBe(9);
    expect(doc.metrics['junit.suites.model #2.time']).toBeUndefined();
  });

  it('names what did not pass, with the first line of its message, entities decoded', async () => {
    const doc = await readMetricsPath(file(report));
    const notes = doc.sources[0]!.notes.join('\n');
    expect(notes).toContain(
      "not passing: checks.label_balance (failed: class 3 is 0.2% of rows); checks.schema (error: KeyError: 'age')",
    );
  });

  it('takes a suite without test cases at its word (counts as attributes)', async () => {
    const doc = await readMetricsPath(
      file('<testsuite name="s" tests="10" failures="2" errors="1" skipped="3" time="1,234.5"/>'),
    );
    expect(doc.metrics).toMatchObject({
      'junit.tests': 10,
      'junit.passed': 4,
      'junit.failures': 2,
      'junit.skipped': 3,
      'junit.time': 1234.5,
    });
    expect(doc.sources[0]!.notes.join('\n')).toContain('counted from the tests/failures/errors/skipped');
  });

  it('reads nested suites once: a suite of suites adds nothing of its own', async () => {
    const doc = await readMetricsPath(
      file(
        '<testsuites><testsuite name="outer" tests="3" failures="1"><testsuite name="inner">' +
          '<testcase name="a"/><testcase name="b"><failure/></testcase><testcase name="c"/>' +
          '</testsuite></testsuite></testsuites>',
      ),
    );
    expect(doc.metrics['junit.tests']).toBe(3);
    expect(doc.metrics['junit.failures']).toBe(1);
    expect(doc.metrics['junit.suites.inner.tests']).toBe(3);
    expect(doc.metrics['junit.suites.outer.tests']).toBeUndefined();
  });

  it('has no pass rate when nothing ran (0 would read as "everything failed")', async () => {
    const doc = await readMetricsPath(
      file('<testsuite name="s"><testcase name="a"><skipped/></testcase></testsuite>'),
    );
    expect(doc.metrics['junit.skipped']).toBe(1);
    expect(doc.metrics['junit.pass_rate']).toBeUndefined();
  });

  it('gives keys whose direction is inferred: fewer failures and errors, more passes are better', () => {
    expect(inferDirection('junit.failures')).toBe('lower');
    expect(inferDirection('junit.errors')).toBe('lower');
    expect(inferDirection('junit.suites.data checks.passed')).toBe('higher');
    expect(inferDirection('junit.pass_rate')).toBe('higher');
  });

  it('escapes a suite name with dots so keys stay unambiguous', async () => {
    const doc = await readMetricsPath(
      file('<testsuite name="tests.test_model"><testcase name="a"/></testsuite>'),
    );
    expect(doc.metrics['junit.suites.tests\\.test_model.tests']).toBe(1);
  });
});

describe('junit: bad input', () => {
  it('names the line and column of broken XML', async () => {
    const path = file('<testsuite name="s">\n  <testcase name="a">\n</testsuite>');
    await expect(readMetricsPath(path, { format: 'junit' })).rejects.toThrow(ParseError);
    await expect(readMetricsPath(path, { format: 'junit' })).rejects.toThrow(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: invalid XML`),
    );
  });

  it('says what was expected of a count or a time', async () => {
    await expect(
      readMetricsPath(file('<testsuite name="s" tests="many"/>'), { format: 'junit' }),
    ).rejects.toThrow(
      /key "testsuite \\"s\\" @tests"\): expected a count \(a whole number >= 0\), found "many"/,
    );
    await expect(
      readMetricsPath(file('<testsuite name="s"><testcase name="a" time="-1"/></testsuite>')),
    ).rejects.toThrow(/@time"\): expected a duration in seconds/);
  });

  it('refuses XML that is not a test report', async () => {
    await expect(readMetricsPath(file('<html><body/></html>'), { format: 'junit' })).rejects.toThrow(
      /expected a JUnit report: a <testsuites> or <testsuite> root element/,
    );
  });

  it('does not expand entities declared in the file (no XML bombs)', async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      '<testsuite name="&lol2;"><testcase name="a"/></testsuite>';
    const doc = await readMetricsPath(file(bomb), { format: 'junit' });
    expect(Object.keys(doc.metrics)).toContain('junit.suites.&lol2;.tests');
  });

  it('only returns a document or throws a typed error, whatever the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (tail) => {
        const path = file(`<testsuite name="s" tests="1"><testcase name="a"/>${tail}`);
        try {
          const doc = await readMetricsPath(path, { format: 'junit' });
          expect(doc.metrics['junit.tests']).toBeGreaterThanOrEqual(0);
        } catch (error) {
          expect(error).toBeInstanceOf(MlciError);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('decodeXmlText', () => {
  it('decodes the predefined entities and character references, and leaves others alone', () => {
    expect(decodeXmlText('a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#65;&#x42; &nbsp;')).toBe(
      'a <b> & "c" \'d\' AB &nbsp;',
    );
  });
});
