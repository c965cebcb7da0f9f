import {
  changelogSections,
  findReleaseSection,
  formatProblem,
  prepareChangelog,
  releaseNotes,
} from '../../scripts/release.js';

const changelog = `# Changelog

All notable changes to mlci.

## Unreleased

### Added
- The release workflow.

## [1.1.0] - 2026-11-02

### Fixed
- A report without charts says why.

\`\`\`yaml
## not a heading: inside a code block
\`\`\`

## [1.0.0] - 2026-10-01

- The first release.

[1.1.0]: https://github.com/mlci-dev/mlci/releases/tag/v1.1.0
[1.0.0]: https://github.com/mlci-dev/mlci/releases/tag/v1.0.0
`;

const problems = (text: string, version: string) =>
  findReleaseSection(text, version).problems.map(formatProblem);

describe('the sections of a changelog', () => {
  it('are its level-2 headings, not ## lines in code blocks, nor the link definitions at the end', () => {
    const sections = changelogSections(changelog);
    expect(sections.map((s) => [s.line, s.kind, s.version, s.date])).toEqual([
      [5, 'unreleased', undefined, undefined],
      [10, 'release', '1.1.0', '2026-11-02'],
      [19, 'release', '1.0.0', '2026-10-01'],
    ]);
    expect(sections[2]!.body.join('\n').trim()).toBe('- The first release.');
  });
});

describe('release notes', () => {
  it('are the section of the version, without its heading', () => {
    expect(releaseNotes(changelog, '1.1.0')).toBe(
      '### Fixed\n- A report without charts says why.\n\n```yaml\n## not a heading: inside a code block\n```\n',
    );
    expect(releaseNotes(changelog, '1.0.0')).toBe('- The first release.\n');
  });

  it('fail when the version has no section, and say that prepare makes it', () => {
    expect(() => releaseNotes(changelog, '1.2.0')).toThrow(
      'CHANGELOG.md: no "## [1.2.0] - YYYY-MM-DD" section; the changes are still under "## Unreleased" ' +
        '(line 5): run `npx tsx scripts/release.ts prepare 1.2.0` in a pull request first',
    );
  });

  it('fail when the section is empty or has only sub-headings and comments', () => {
    const empty = changelog.replace(
      '## Unreleased\n\n### Added\n- The release workflow.\n',
      '## [1.2.0] - 2026-12-06\n\n### Added\n<!--\n- soon\n-->\n',
    );
    expect(() => releaseNotes(empty, '1.2.0')).toThrow(
      'CHANGELOG.md:5: the section for 1.2.0 is empty (lines 5-11): list what changed',
    );
  });
});

describe('a release section', () => {
  it('is right as `## [X.Y.Z] - YYYY-MM-DD`, newest first, with entries', () => {
    expect(problems(changelog, '1.1.0')).toEqual([]);
  });

  it('names a heading written in another form, on its line', () => {
    const loose = changelog.replace('## Unreleased', '## 1.2.0 (2026-12-06)');
    expect(problems(loose, '1.2.0')).toEqual([
      'CHANGELOG.md:5: expected the heading "## [1.2.0] - YYYY-MM-DD", found "## 1.2.0 (2026-12-06)"',
    ]);
  });

  it('needs a real date', () => {
    const bad = changelog.replace('## Unreleased', '## [1.2.0] - 2026-02-30');
    expect(problems(bad, '1.2.0')).toEqual([
      'CHANGELOG.md:5: "2026-02-30" is not a date; expected "## [1.2.0] - YYYY-MM-DD" with a date such as 2026-12-06',
    ]);
  });

  it('appears once, above the older releases', () => {
    const twice = `${changelog}\n## [1.1.0] - 2026-11-03\n\n- Again.\n`;
    expect(problems(twice, '1.1.0')).toEqual([
      'CHANGELOG.md:26: a second section for 1.1.0 (the first is at line 10)',
    ]);
    expect(problems(changelog, '1.0.0')).toEqual([
      'CHANGELOG.md:19: the section for 1.0.0 must be the newest, above "## [1.1.0] - 2026-11-02" (line 10)',
    ]);
  });
});

describe('prepare, in the changelog', () => {
  it('renames ## Unreleased to the release and opens a new, empty ## Unreleased above it', () => {
    const prepared = prepareChangelog(changelog, '1.2.0', '2026-12-06');
    expect(prepared.split('\n').slice(4, 11)).toEqual([
      '## Unreleased',
      '',
      '## [1.2.0] - 2026-12-06',
      '',
      '### Added',
      '- The release workflow.',
      '',
    ]);
    expect(releaseNotes(prepared, '1.2.0')).toBe('### Added\n- The release workflow.\n');
    expect(problems(prepared, '1.2.0')).toEqual([]);
  });

  it('refuses when there is nothing to release, or the version is there already', () => {
    const nothing = changelog.replace('### Added\n- The release workflow.\n', '');
    expect(() => prepareChangelog(nothing, '1.2.0', '2026-12-06')).toThrow(
      'CHANGELOG.md:5: "## Unreleased" has no entries: nothing to release',
    );
    expect(() => prepareChangelog(changelog, '1.1.0', '2026-12-06')).toThrow(
      'CHANGELOG.md:10: there is already a section for 1.1.0 ("## [1.1.0] - 2026-11-02")',
    );
    expect(() =>
      prepareChangelog(changelog.replace('## Unreleased', '## Next'), '1.2.0', '2026-12-06'),
    ).toThrow('CHANGELOG.md: no "## Unreleased" heading; the changes to release go under it');
  });

  it('refuses a date that is not YYYY-MM-DD, and a version that is not one', () => {
    expect(() => prepareChangelog(changelog, '1.2.0', '06/12/2026')).toThrow(
      '--date 06/12/2026: expected a date YYYY-MM-DD such as 2026-12-06',
    );
    expect(() => prepareChangelog(changelog, '1.2', '2026-12-06')).toThrow(/found "1.2"/);
  });
});
