import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkMlciConfig,
  classifyYamlBlock,
  formatProblem,
  lintMarkdown,
  loadActionSpecs,
  markdownToLint,
  markdownYamlBlocks,
} from '../../scripts/lint-workflows.js';

/**
 * Issue #13: the README's YAML blocks were never linted, though they are what users copy first.
 * `npm run lint:workflows` now checks every ```yaml block of the README, the docs, the action
 * READMEs and the examples as what it is, and reports each problem on its Markdown line.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const specs = loadActionSpecs(root);
const fence = '```';

const lint = async (markdown: string) =>
  (await lintMarkdown(markdown, 'doc.md', specs, root)).problems.map(formatProblem);

describe('YAML blocks of Markdown', () => {
  it('are the yaml and yml fences, indented ones too, each with the line it starts on', () => {
    const markdown = [
      '# Title', // 1
      `${fence}yaml`, // 2
      'a: 1', // 3
      fence, // 4
      `${fence}sh`, // 5
      `${fence}yaml`, // 6: inside the sh block, not a fence of its own
      fence, // 7
      '1. A step:', // 8
      `   ~~~yml title="x"`, // 9
      '   - run: echo', // 10
      '     shell: bash', // 11
      '   ~~~', // 12
      `${fence}json`, // 13
      '{}', // 14
      fence, // 15
    ].join('\n');
    expect(markdownYamlBlocks(markdown)).toEqual([
      { line: 3, text: 'a: 1\n' },
      { line: 10, text: '- run: echo\n  shell: bash\n' },
    ]);
  });

  it('are told apart: workflow, .mlci.yml, steps, or a fragment', () => {
    expect(classifyYamlBlock('on: push\njobs:\n  a: {}\n')).toBe('workflow');
    expect(classifyYamlBlock('jobs:\n  a: {}\n')).toBe('workflow');
    expect(classifyYamlBlock('# .mlci.yml\nreport:\n  title: x\n')).toBe('mlci config');
    expect(classifyYamlBlock('gates:\n  - accuracy >= 0.9\nreport:\n  title: x\n')).toBe('mlci config');
    expect(classifyYamlBlock('metrics:\n  loss: { direction: lower }\n')).toBe('mlci config');
    expect(classifyYamlBlock('      - uses: actions/checkout@v4\n      - run: make\n')).toBe('steps');
    expect(classifyYamlBlock('uses: mlci-dev/mlci/actions/report@v1\nwith:\n  comment: false\n')).toBe(
      'steps',
    );
    expect(classifyYamlBlock('permissions:\n  contents: read\n')).toBe('fragment');
    expect(classifyYamlBlock('with:\n  files: metrics.json\n')).toBe('fragment');
    expect(classifyYamlBlock('files: [a]\nruns-on: x\n')).toBe('fragment');
  });
});

describe('linting the YAML blocks of a Markdown file', () => {
  it('lints a workflow with actionlint, action-validator and our check, on the Markdown lines', async () => {
    const markdown = `# Quickstart

${fence}yaml
on: pull_request
jobs:
  model:
    runs-on: ubuntu-latest
    steps:
      - uses: mlci-dev/mlci/actions/report@v1
        with:
          report_id: x
      - run: echo "\${{ steps.nope.outputs.x }}"
${fence}
`;
    expect(await lint(markdown)).toEqual([
      'doc.md:11: report has no input "report_id"; did you mean "report-id"? (see actions/report/action.yml) [mlci]',
      'doc.md:12: property "nope" is not defined in object type {} (expression) [actionlint]',
    ]);
  });

  it('accepts a workflow excerpt that leaves out its trigger', async () => {
    const markdown = `${fence}yaml
jobs:
  sweep:
    runs-on: ubuntu-latest
    steps:
      - uses: mlci-dev/mlci/actions/report@v1
${fence}
`;
    expect(await lint(markdown)).toEqual([]);
  });

  it('checks a .mlci.yml against schema/mlci.schema.json and mlci itself', async () => {
    const markdown = `Your config:

${fence}yaml
# .mlci.yml
files: [metrics.json]
gates:
  - accuracy >== 0.9
metrics:
  loss: { direction: down }
${fence}
`;
    const problems = await lint(markdown);
    expect(problems).toContainEqual(
      expect.stringMatching(/^doc\.md:9: \/metrics\/loss\/direction: .*\[schema\]$/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^doc\.md:7: gates\[0\]: .*\[mlci config\]$/));
    expect(checkMlciConfig('gates:\n  - accuracy >= 0.9\n', 'c.yml', root)).toEqual([]);
  });

  it("checks steps and a single step with our actions' inputs", async () => {
    const markdown = `${fence}yaml
      - uses: mlci-dev/mlci/actions/evaluate@v1
        id: evaluate
        with:
          file: metrics.json
      - run: echo '\${{ steps.evaluate.outputs.verdit }}'
${fence}

${fence}yaml
uses: mlci-dev/mlci/actions/train@v1
with:
  timeout-minutes: 10
${fence}
`;
    expect(await lint(markdown)).toEqual([
      'doc.md:5: evaluate has no input "file"; did you mean "files"? (see actions/evaluate/action.yml) [mlci]',
      expect.stringMatching(
        /^doc\.md:6: steps\.evaluate\.outputs\.verdit: evaluate has no output "verdit"; did you mean "verdict"\?/,
      ),
      'doc.md:10: train: the required input "run" is missing [mlci]',
    ]);
  });

  it('parses every other block as YAML', async () => {
    const markdown = `${fence}yaml
permissions:
  contents: write
  contents: read
${fence}
`;
    expect(await lint(markdown)).toEqual([
      expect.stringMatching(/^doc\.md:4: YAML: Map keys must be unique.*\[yaml\]$/),
    ]);
  });
});

describe("this repository's Markdown", () => {
  it('has its YAML blocks linted and clean: README, docs, action READMEs, examples', async () => {
    const files = markdownToLint(root).map((path) => relative(root, path));
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'docs/config.md',
        'actions/report/README.md',
        'actions/train/README.md',
      ]),
    );
    let blocks = 0;
    const problems: string[] = [];
    for (const file of files) {
      const found = await lintMarkdown(readFileSync(join(root, file), 'utf8'), file, specs, root);
      blocks += found.blocks;
      problems.push(...found.problems.map(formatProblem));
    }
    expect(problems).toEqual([]);
    expect(blocks).toBeGreaterThanOrEqual(15);
  });
});
