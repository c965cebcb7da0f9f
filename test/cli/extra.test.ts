import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { encodePng } from '../../packages/core/src/report/charts/render.js';
import { runCli } from '../support/cli.js';
import { decodePng } from '../support/png.js';

/** A 4 x 3 PNG of one colour. */
function png(): Buffer {
  const pixels = new Uint8Array(4 * 3 * 4);
  for (let i = 0; i < pixels.length; i += 4) pixels.set([0, 114, 178, 255], i);
  return encodePng(pixels, 4, 3);
}

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="10"><rect width="10" height="10" fill="#009E73"/></svg>';

const QUICKSTART = resolve('examples/quickstart');
const cwd = process.cwd();
let counter = 0;

/**
 * A checkout of the quickstart with the team's own report files, as the current folder (the CLI's
 * workspace), and `.mlci.yml` naming them in report.sections.
 */
function workspace(sections: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mlci-extra-cli-${counter++}-`));
  cpSync(QUICKSTART, dir, { recursive: true });
  cpSync(join(QUICKSTART, '.mlci.yml'), join(dir, '.mlci.yml'));
  mkdirSync(join(dir, 'reports/img'), { recursive: true });
  writeFileSync(
    join(dir, 'reports/shap.md'),
    '# What the model looks at\n\nAge and income carry most of the signal.\n\n![SHAP summary: age first, then income](img/shap.png)\n',
  );
  writeFileSync(join(dir, 'reports/img/shap.png'), png());
  writeFileSync(join(dir, 'reports/img/arch.svg'), SVG);
  writeFileSync(
    join(dir, 'reports/arch.md'),
    'The network:\n\n![Three layers, then a softmax](img/arch.svg)\n',
  );
  writeFileSync(join(dir, '.mlci.yml'), `${readFileSync(join(dir, '.mlci.yml'), 'utf8')}\n${sections}`);
  process.chdir(dir);
  return dir;
}

afterEach(() => process.chdir(cwd));

describe('mlci report with the team’s own content', () => {
  it('puts report.sections in report.md and index.html, and the images next to them', async () => {
    workspace('report:\n  sections:\n    - { file: reports/shap.md, placement: after-summary }\n');
    const result = await runCli('report', '--base', 'main', '--out', 'out');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync('out')).toContain('extra-1-shap.png');
    expect(readFileSync('out/extra-1-shap.png')).toEqual(png());
    const markdown = readFileSync('out/report.md', 'utf8');
    expect(markdown).toContain('What the model looks at');
    expect(markdown).toContain('Age and income carry most of the signal.');
    expect(markdown).toContain('![SHAP summary: age first, then income](extra-1-shap.png)');
    const html = readFileSync('out/index.html', 'utf8');
    expect(html).toContain('<img src="extra-1-shap.png" alt="SHAP summary: age first, then income">');
    expect(html).toContain('Age and income carry most of the signal.');
    expect(JSON.parse(readFileSync('out/report.json', 'utf8')).extra).toEqual(['extra-1-shap.png']);
  });

  it('--extra FILE@PLACEMENT replaces report.sections; an SVG arrives as a PNG', async () => {
    workspace('report:\n  sections:\n    - reports/shap.md\n');
    const result = await runCli('report', '--base', 'main', '--out', 'out', '--extra', 'reports/arch.md@top');
    expect(result.stderr).toBe('');
    const markdown = readFileSync('out/report.md', 'utf8');
    expect(markdown).toContain('![Three layers, then a softmax](extra-1-arch.png)');
    expect(markdown).not.toContain('Age and income');
    const image = decodePng(readFileSync('out/extra-1-arch.png'));
    expect([image.width, image.height]).toEqual([60, 20]);
  });

  it('a second report into the same folder removes the images the first one wrote', async () => {
    workspace('report:\n  sections:\n    - reports/shap.md\n');
    await runCli('report', '--base', 'main', '--out', 'out');
    expect(readdirSync('out')).toContain('extra-1-shap.png');
    await runCli('report', '--base', 'main', '--out', 'out', '--extra', 'reports/arch.md');
    expect(readdirSync('out')).toContain('extra-1-arch.png');
    expect(readdirSync('out')).not.toContain('extra-1-shap.png');
  });

  it('bad content is exit 2 with the file and line, and no report is written', async () => {
    const dir = workspace('');
    writeFileSync(join(dir, 'reports/bad.md'), 'Intro\n\n![](img/shap.png)\n');
    const noAlt = await runCli('report', '--base', 'main', '--out', 'out', '--extra', 'reports/bad.md');
    expect(noAlt.code).toBe(2);
    expect(noAlt.stderr).toContain('reports/bad.md:3: the image "img/shap.png" has no alt text');
    expect(readdirSync('.')).not.toContain('out');

    const missing = await runCli('report', '--base', 'main', '--out', 'out', '--extra', 'reports/gone.md');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('reports/gone.md: not found');

    const placement = await runCli(
      'report',
      '--base',
      'main',
      '--out',
      'out',
      '--extra',
      'reports/shap.md@side',
    );
    expect(placement.code).toBe(2);
    expect(placement.stderr).toContain('unknown placement "side"');
  });

  it('a symbolic link that leads outside the workspace is refused', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'mlci-extra-outside-'));
    writeFileSync(join(outside, 'secret.png'), png());
    const dir = workspace('');
    symlinkSync(join(outside, 'secret.png'), join(dir, 'reports/img/link.png'));
    writeFileSync(join(dir, 'reports/leak.md'), '![a picture](img/link.png)\n');
    const result = await runCli('report', '--base', 'main', '--out', 'out', '--extra', 'reports/leak.md');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'reports/img/link.png: is a symbolic link that leads outside the workspace',
    );
  });
});
