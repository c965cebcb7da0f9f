import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionRefProblems, formatProblem, parseVersion } from '../../scripts/release.js';
import { VERSION } from '../../packages/cli/src/version.js';

/**
 * Issue #13: the quickstart said `mlci-dev/mlci/actions/*@v1` while no such tag existed. The
 * release workflow makes vX.Y.Z and moves vX; every reference to our actions that users copy
 * must be one of those (or a commit SHA). While the version is 0.x, `@v1` is what the docs say:
 * the first release is 1.0.0, which makes v1 (CONTRIBUTING.md, "Releasing").
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const major = parseVersion(VERSION).major;

function filesUnder(dir: string, pattern: RegExp): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && pattern.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

/** Where users copy action references from. */
function documents(): string[] {
  const actionReadmes = readdirSync(join(root, 'actions'))
    .map((name) => `actions/${name}/README.md`)
    .filter((file) => existsSync(join(root, file)));
  return [
    'README.md',
    ...filesUnder('docs', /\.md$/),
    ...filesUnder('examples', /\.(md|ya?ml)$/),
    ...actionReadmes.sort(),
    ...filesUnder('.github/workflows', /\.ya?ml$/),
  ];
}

describe('action references in the docs, examples and workflows', () => {
  const files = documents();
  const texts = files.map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));

  it('cover the README, the docs, the examples, the action READMEs and the workflows', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'docs/workflows.md',
        'examples/workflows/fork-safe-post.yml',
        'actions/report/README.md',
        '.github/workflows/release.yml',
      ]),
    );
    const ours = texts.reduce(
      (n, { text }) => n + (text.match(/mlci-dev\/mlci\/actions\/[\w<>-]+@/g) ?? []).length,
      0,
    );
    expect(ours).toBeGreaterThanOrEqual(20);
  });

  it(`use the tags the release makes (@v${Math.max(major, 1)}, @vX.Y.Z) or a SHA, and pin other actions`, () => {
    const problems = texts.flatMap(({ file, text }) => actionRefProblems(text, file, major));
    expect(problems.map(formatProblem)).toEqual([]);
  });
});

describe('a wrong reference', () => {
  const text = `steps:
  - uses: actions/checkout@v4
  - uses: mlci-dev/mlci/actions/report@main
  - uses: ./actions/report
  - uses: mlci-dev/mlci/actions/compare-metrics@v1.2
  - uses: actions/setup-node@main
  - uses: someone/action
  - uses: docker://alpine:3
Pin \`mlci-dev/mlci/actions/<name>@v2\` in prose too.
  - uses: mlci-dev/mlci/actions/evaluate@0123456789abcdef0123456789abcdef01234567
  - uses: mlci-dev/mlci/actions/train@v1.0.0
`;

  it('is named with its file, its line and what was expected', () => {
    expect(actionRefProblems(text, 'docs/x.md', 1).map(formatProblem)).toEqual([
      'docs/x.md:3: mlci-dev/mlci/actions/report@main: @main: expected @v1 (the moving major tag), a full release tag @vX.Y.Z or a 40-hex commit SHA',
      'docs/x.md:5: mlci-dev/mlci/actions/compare-metrics@v1.2: @v1.2: expected @v1 (the moving major tag), a full release tag @vX.Y.Z or a 40-hex commit SHA',
      'docs/x.md:6: actions/setup-node@main: @main: pin third-party actions to a major tag (@v4), a version tag (@v4.2.1) or a 40-hex commit SHA, not a branch',
      'docs/x.md:7: someone/action: no @ref: pin it to a major tag or a SHA',
      'docs/x.md:9: mlci-dev/mlci/actions/<name>@v2: @v2: expected @v1 (the moving major tag), a full release tag @vX.Y.Z or a 40-hex commit SHA',
    ]);
  });

  it('follows the major version: at 2.x, @v1 is an old major', () => {
    expect(
      actionRefProblems('- uses: mlci-dev/mlci/actions/report@v1\n', 'w.yml', 2).map(formatProblem),
    ).toEqual([
      'w.yml:1: mlci-dev/mlci/actions/report@v1: @v1: expected @v2 (the moving major tag), a full release tag @vX.Y.Z or a 40-hex commit SHA',
    ]);
  });
});
