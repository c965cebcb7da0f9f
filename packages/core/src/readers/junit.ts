/**
 * JUnit XML test reports (format id `junit`), user-facing rules in docs/formats/junit.md.
 *
 * Written by pytest (`--junitxml`), Maven Surefire, Gradle, Jest (jest-junit), Go (gotestsum) and most
 * CI tools. ML projects use them for data and model checks, so a gate such as `junit.failures == 0`
 * belongs next to the accuracy gates. Counts come from the `<testcase>` elements when a suite has any
 * (the `tests=`/`failures=` attributes are optional and some writers get them wrong); a suite that
 * lists no cases is taken at its word.
 *
 * Keys: `junit.tests`, `junit.passed`, `junit.failures`, `junit.errors`, `junit.skipped`,
 * `junit.time` and `junit.pass_rate` (passed / (tests - skipped)) for the whole file, and the same
 * under `junit.suites.<suite name>` for each suite that holds test cases.
 */
import type { MetricsDoc } from '../model.js';
import { extensionOf } from './files.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from './types.js';

export const junitReader: Reader = {
  format: 'junit',
  title: 'JUnit XML test report',
  target: 'file',
  detect(probe: Probe): number {
    if (probe.isDirectory) return DETECT.no;
    const ext = extensionOf(probe.name);
    if (ext !== 'xml' && ext !== '') return DETECT.no;
    const head = new TextDecoder().decode(probe.head);
    // The root element, after an optional declaration, comments and a doctype.
    const root = /<(testsuites|testsuite)[\s>/]/.exec(head.replace(/<!--[\s\S]*?-->/g, ''));
    if (root !== null) return DETECT.content;
    return /^(junit|TEST-).*\.xml$/i.test(probe.name) ? DETECT.extension : DETECT.no;
  },
  // The XML parser is loaded by the first JUnit file, not by every step that reads metrics.
  async read(path: string, options: ReaderOptions): Promise<MetricsDoc> {
    const { readJunit } = await import('./junit-xml.js');
    return readJunit(path, options);
  },
};
