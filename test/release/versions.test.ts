import {
  compareVersions,
  isIsoDate,
  latestReleaseTag,
  majorTag,
  npmDistTag,
  ourRefProblem,
  parseVersion,
  releaseTag,
  thirdPartyRefProblem,
} from '../../scripts/release.js';

const v = (text: string) => parseVersion(text);

describe('a release version', () => {
  it('is X.Y.Z, or X.Y.Z with pre-release identifiers', () => {
    expect(v('1.2.3')).toMatchObject({ major: 1, minor: 2, patch: 3, prerelease: [] });
    expect(v('1.0.0-rc.2')).toMatchObject({ major: 1, prerelease: ['rc', 2] });
    expect(v('0.9.0-alpha.beta-1.0')).toMatchObject({ prerelease: ['alpha', 'beta-1', 0] });
  });

  it('is refused with the reason and the expected form', () => {
    expect(() => v('v1.2.3')).toThrow(
      '"v1.2.3": give the version without the leading v (1.2.3); the tag v1.2.3 is made from it',
    );
    expect(() => v('1.2')).toThrow(
      'expected a version X.Y.Z or X.Y.Z-rc.N (semantic versioning, no leading zeros), found "1.2"',
    );
    expect(() => v('01.2.3')).toThrow(/no leading zeros\), found "01.2.3"/);
    expect(() => v('1.2.3-rc.01')).toThrow(/found "1.2.3-rc.01"/);
    expect(() => v('1.2.3-')).toThrow(/found "1.2.3-"/);
    expect(() => v(' 1.2.3')).toThrow(/found " 1.2.3"/);
    expect(() => v('1.2.3+build.5')).toThrow(/build metadata \(\+\.\.\.\) is not allowed/);
    expect(() => v('99999999999999999999.0.0')).toThrow(/too large/);
  });

  it('orders by semantic versioning precedence, a pre-release before its release', () => {
    const ordered = [
      '0.1.0',
      '0.10.0',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.2.0',
      '2.0.0',
    ];
    const shuffled = [...ordered].reverse();
    shuffled.sort((a, b) => compareVersions(v(a), v(b)));
    expect(shuffled).toEqual(ordered);
    expect(compareVersions(v('1.0.0-rc.1'), v('1.0.0-rc.1'))).toBe(0);
  });

  it('names its tag, its moving major tag and its npm dist-tag; a pre-release moves nothing', () => {
    expect(releaseTag(v('1.4.2'))).toBe('v1.4.2');
    expect(majorTag(v('1.4.2'))).toBe('v1');
    expect(majorTag(v('0.3.0'))).toBe('v0');
    expect(npmDistTag(v('1.4.2'))).toBe('latest');
    expect(releaseTag(v('2.0.0-rc.1'))).toBe('v2.0.0-rc.1');
    expect(majorTag(v('2.0.0-rc.1'))).toBeUndefined();
    expect(npmDistTag(v('2.0.0-rc.1'))).toBe('next');
  });
});

describe('the latest release tag', () => {
  it('is the highest vX.Y.Z tag, moving major tags and other tags aside', () => {
    const tags = ['v1', 'v1.0.0', 'v1.10.0', 'v1.9.3', 'v2.0.0-rc.1', 'nightly', 'v1.2', 'release-3.0.0'];
    expect(latestReleaseTag(tags)?.tag).toBe('v2.0.0-rc.1');
    expect(latestReleaseTag(['v1', 'v1.0.0', 'v1.10.0', 'v1.9.3'])?.tag).toBe('v1.10.0');
    expect(latestReleaseTag(['v1', 'main'])).toBeUndefined();
    expect(latestReleaseTag([])).toBeUndefined();
  });
});

describe('a changelog date', () => {
  it('is a real day written YYYY-MM-DD', () => {
    expect(isIsoDate('2026-12-06')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-6')).toBe(false);
    expect(isIsoDate('6 December 2026')).toBe(false);
  });
});

describe('the refs the docs may give our actions', () => {
  it('are the moving major tag, a release tag or a commit SHA', () => {
    expect(ourRefProblem('v2', 2)).toBeUndefined();
    expect(ourRefProblem('v1.4.2', 2)).toBeUndefined();
    expect(ourRefProblem('v2.0.0-rc.1', 2)).toBeUndefined();
    expect(ourRefProblem('0123456789abcdef0123456789abcdef01234567', 2)).toBeUndefined();
  });

  it('are @v1 while the version is 0.x: the tag the first release, 1.0.0, makes', () => {
    expect(ourRefProblem('v1', 0)).toBeUndefined();
    expect(ourRefProblem('v1', 1)).toBeUndefined();
    expect(ourRefProblem('v0', 0)).toMatch(/^@v0: expected @v1/);
  });

  it('are never a branch, a minor tag or an older major', () => {
    expect(ourRefProblem('main', 1)).toBe(
      '@main: expected @v1 (the moving major tag), a full release tag @vX.Y.Z or a 40-hex commit SHA',
    );
    expect(ourRefProblem('v1.2', 1)).toMatch(/^@v1\.2: expected @v1/);
    expect(ourRefProblem('v1', 2)).toMatch(/^@v1: expected @v2/);
    expect(ourRefProblem('0123abc', 1)).toMatch(/^@0123abc: /);
  });

  it('of third-party actions are a major tag, a version tag or a SHA, not a branch', () => {
    expect(thirdPartyRefProblem('v4')).toBeUndefined();
    expect(thirdPartyRefProblem('v4.2.1')).toBeUndefined();
    expect(thirdPartyRefProblem('0123456789abcdef0123456789abcdef01234567')).toBeUndefined();
    expect(thirdPartyRefProblem('main')).toMatch(/^@main: pin third-party actions to a major tag/);
    expect(thirdPartyRefProblem('releases/v2')).toMatch(/not a branch$/);
  });
});
