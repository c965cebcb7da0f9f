import {
  matchRuns,
  naturalCompare,
  normalizePattern,
  parseConfig,
  pathPatternToRegExp,
  requireRuns,
  staticPrefix,
  type PathEntry,
} from '@mlci/core';

const files = (...paths: string[]): PathEntry[] => paths.map((path) => ({ path, kind: 'file' as const }));
const dirs = (...paths: string[]): PathEntry[] => paths.map((path) => ({ path, kind: 'dir' as const }));

describe('path patterns', () => {
  it.each([
    ['runs/seed-*/metrics.json', 'runs/seed-1/metrics.json', true],
    ['runs/seed-*/metrics.json', 'runs/seed-1/extra/metrics.json', false],
    ['runs/*', 'runs/a/b', false],
    ['runs/**/metrics.json', 'runs/metrics.json', true],
    ['runs/**/metrics.json', 'runs/a/b/c/metrics.json', true],
    ['runs/**', 'runs/a/b', true],
    ['**/metrics.json', 'metrics.json', true],
    ['seed-?', 'seed-1', true],
    ['seed-?', 'seed-10', false],
    ['seed-[0-4]', 'seed-3', true],
    ['seed-[!0-4]', 'seed-7', true],
    ['seed-[!0-4]', 'seed-3', false],
    ['{cv,holdout}/fold-*', 'holdout/fold-2', true],
    ['{cv,holdout}/fold-*', 'test/fold-2', false],
    ['a.b/c+d(1)', 'a.b/c+d(1)', true],
    ['a.b', 'aXb', false],
    ['runs\\*', 'runs*', true],
    ['runs\\*', 'runsX', false],
    ['./runs//seed-*/', 'runs/seed-1', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(pathPatternToRegExp(pattern).test(path)).toBe(expected);
  });

  it('refuses what is not a path inside the repository, naming the pattern', () => {
    expect(() => normalizePattern('/abs/seed-*')).toThrow(
      /"\/abs\/seed-\*" must be a relative path inside the repository/,
    );
    expect(() => normalizePattern('../other/seed-*')).toThrow(/must be a relative path/);
    expect(() => normalizePattern('  ')).toThrow(
      /expected a path pattern such as runs\/seed-\*\/metrics.json/,
    );
    expect(() => pathPatternToRegExp('seed-[0-4')).toThrow(/a \[ without its \]/);
    expect(() => pathPatternToRegExp('{a,b')).toThrow(/a \{ without its \}/);
  });

  it('lists only the folder a pattern is fixed to', () => {
    expect(staticPrefix('runs/seed-*/metrics.json')).toBe('runs');
    expect(staticPrefix('outputs/cv/fold-*')).toBe('outputs/cv');
    expect(staticPrefix('*/metrics.json')).toBe('');
    expect(staticPrefix('metrics.json')).toBe('');
  });
});

describe('the runs a pattern names', () => {
  it('in natural order: seed-2 before seed-10', () => {
    const entries = dirs('runs', 'runs/seed-10', 'runs/seed-2', 'runs/seed-1');
    expect(matchRuns(['runs/seed-*'], entries)).toEqual(['runs/seed-1', 'runs/seed-2', 'runs/seed-10']);
    expect(['b10', 'b9', 'a', 'b9x'].sort(naturalCompare)).toEqual(['a', 'b9', 'b9x', 'b10']);
  });

  it('a match inside another match belongs to it; two patterns naming one path give one run', () => {
    const entries = [
      ...dirs('runs', 'runs/a', 'runs/b'),
      ...files('runs/a/metrics.json', 'runs/b/metrics.json'),
    ];
    expect(matchRuns(['runs/**'], entries)).toEqual(['runs/a', 'runs/b']);
    expect(matchRuns(['runs/*'], entries)).toEqual(['runs/a', 'runs/b']);
    expect(matchRuns(['runs/a', 'runs/*'], entries)).toEqual(['runs/a', 'runs/b']);
  });

  it('no match is an error that names the pattern and where it looked', () => {
    expect(() => requireRuns(['runs/seed-*'], files('metrics.json'), 'repeats', 'the workspace')).toThrow(
      'repeats: "runs/seed-*" matched nothing in the workspace: write each run\'s metrics where the pattern says (one file or folder per seed), or fix the pattern',
    );
  });

  it('more than 100 runs is an error, not a silent cut', () => {
    const many = dirs(...Array.from({ length: 101 }, (_, i) => `runs/seed-${i}`));
    expect(() => requireRuns(['runs/seed-*'], many, 'repeats', 'the workspace')).toThrow(
      /matched 101 runs in the workspace; at most 100 are read: narrow the pattern/,
    );
  });
});

describe('repeats: in .mlci.yml', () => {
  it('takes one pattern or a list', () => {
    expect(parseConfig('repeats: runs/seed-*\n', '.mlci.yml').repeats).toEqual(['runs/seed-*']);
    expect(parseConfig('repeats: [cv/fold-*, holdout]\n', '.mlci.yml').repeats).toEqual([
      'cv/fold-*',
      'holdout',
    ]);
  });

  it('with files: too is an error at the line of repeats:, since both would name the runs', () => {
    expect(() => parseConfig('files: [metrics.json]\nrepeats: runs/seed-*\n', '.mlci.yml')).toThrow(
      '.mlci.yml:2:10: repeats: files: and repeats: both name the runs: keep files: for one run, or repeats: for one run per match (each seed folder or file), not both',
    );
  });

  it('a pattern that is not one is refused at its line', () => {
    expect(() => parseConfig('repeats:\n  - runs/seed-*\n  - ../elsewhere/*\n', '.mlci.yml')).toThrow(
      /^\.mlci\.yml:3:5: repeats\[1\]: "\.\.\/elsewhere\/\*" must be a relative path inside the repository/,
    );
    expect(() => parseConfig('repeats: {a: 1}\n', '.mlci.yml')).toThrow(
      /\.mlci\.yml:1:10: repeats: expected a path pattern such as runs\/seed-\*\/metrics.json, found a mapping/,
    );
  });
});
