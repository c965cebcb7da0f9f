import { createHash } from 'node:crypto';
import { parseConfig } from '../../../packages/core/src/config/config.js';
import { ConfigurationError } from '../../../packages/core/src/errors.js';
import { encodePng } from '../../../packages/core/src/report/charts/render.js';
import {
  buildExtraSections,
  EXTRA_LIMITS,
  imageKind,
  parseExtraArgument,
  workspacePath,
  type ExtraReader,
  type ExtraRequest,
} from '../../../packages/core/src/report/extra.js';
import { markdownToHtml } from '../../../packages/core/src/report/html.js';
import { decodePng } from '../../support/png.js';

/** A 4 x 3 PNG of one colour, written by mlci's own encoder. */
function png(rgb: [number, number, number] = [0, 114, 178]): Buffer {
  const pixels = new Uint8Array(4 * 3 * 4);
  for (let i = 0; i < pixels.length; i += 4) pixels.set([...rgb, 255], i);
  return encodePng(pixels, 4, 3);
}

const SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">
  <rect x="0" y="0" width="20" height="20" fill="#D55E00"/>
</svg>
`;

/** The workspace as a map of files; a missing one is the error the real reader gives. */
function workspace(files: Record<string, string | Buffer>): ExtraReader & { reads: string[] } {
  const reads: string[] = [];
  const read = async (path: string, maxBytes: number): Promise<Buffer> => {
    reads.push(path);
    const content = files[path];
    if (content === undefined) throw new ConfigurationError(`${path}: not found`);
    return Buffer.from(content).subarray(0, maxBytes + 1);
  };
  return Object.assign(read, { reads });
}

const section = (file: string, more: Partial<ExtraRequest> = {}): ExtraRequest => ({
  file,
  from: '.mlci.yml:3:5: report.sections[0]',
  ...more,
});

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe("the team's own sections", () => {
  test('a Markdown file becomes a section titled by its first heading, its image pointed at a file of the report folder', async () => {
    const read = workspace({
      'reports/shap.md':
        '# SHAP values\n\nThe model leans on **age**.\n\n![SHAP summary: age matters most](img/shap.png)\n',
      'reports/img/shap.png': png(),
    });
    const extra = await buildExtraSections(
      [section('reports/shap.md', { placement: 'after-summary' })],
      read,
    );
    expect(extra.sections).toEqual([
      {
        placement: 'after-summary',
        title: 'SHAP values',
        markdown: 'The model leans on **age**.\n\n![SHAP summary: age matters most](extra-1-shap.png)',
        folded: false,
        source: 'reports/shap.md',
        images: [{ file: 'extra-1-shap.png', alt: 'SHAP summary: age matters most', width: 4, height: 3 }],
      },
    ]);
    expect(extra.images).toEqual([{ file: 'extra-1-shap.png', bytes: png() }]);
  });

  test('a section goes at the bottom, folded, unless the team says otherwise; a title given wins over the heading', async () => {
    const read = workspace({ 'notes.md': 'Plain text, no heading.\n', 'a.md': '# A\n\nx\n' });
    const extra = await buildExtraSections(
      [section('notes.md'), section('a.md', { title: 'Ablation', placement: 'top', folded: true })],
      read,
    );
    expect(extra.sections.map(({ title, placement, folded }) => ({ title, placement, folded }))).toEqual([
      { title: 'notes', placement: 'bottom', folded: true },
      { title: 'Ablation', placement: 'top', folded: true },
    ]);
  });

  test('an image given directly is a section of its own and needs alt text', async () => {
    const read = workspace({ 'plots/confusion.png': png() });
    const extra = await buildExtraSections(
      [section('plots/confusion.png', { alt: 'Confusion matrix of the test set' })],
      read,
    );
    expect(extra.sections[0]).toMatchObject({
      title: 'Confusion matrix of the test set',
      markdown: '![Confusion matrix of the test set](extra-1-confusion.png)',
    });
    expect(await failure(buildExtraSections([section('plots/confusion.png')], read))).toBe(
      '.mlci.yml:3:5: report.sections[0]: plots/confusion.png is an image and has no alt text; give it alt: (in report.sections), or show it from a Markdown file as ![what it shows](confusion.png)',
    );
  });

  test('an image without alt text is an error naming the file and line', async () => {
    const read = workspace({ 'r/report.md': 'Intro\n\n![](shap.png)\n', 'r/shap.png': png() });
    expect(await failure(buildExtraSections([section('r/report.md')], read))).toMatch(
      /^r\/report\.md:3: the image "shap\.png" has no alt text; write !\[what it shows\]\(shap\.png\)/,
    );
  });

  test('images are told apart by their bytes, not their names', async () => {
    expect(imageKind(png())).toBe('png');
    expect(imageKind(Buffer.from(SVG))).toBe('svg');
    expect(imageKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
    expect(imageKind(Buffer.from('<html><script>alert(1)</script></html>'))).toBeUndefined();
    const read = workspace({ 'r.md': '![a chart](fake.png)\n', 'fake.png': '<html>not an image</html>' });
    expect(await failure(buildExtraSections([section('r.md')], read))).toBe(
      'r.md:1: fake.png is not a PNG, JPEG or SVG image (by its contents, whatever its name)',
    );
  });

  test('a JPEG keeps its bytes and its size, under a .jpg name', async () => {
    const { createCanvas } = await import('@napi-rs/canvas');
    const canvas = createCanvas(6, 5);
    canvas.getContext('2d').fillRect(0, 0, 6, 5);
    const jpeg = canvas.toBuffer('image/jpeg');
    const extra = await buildExtraSections(
      [section('photo.jpeg', { alt: 'A sample prediction' })],
      workspace({ 'photo.jpeg': jpeg }),
    );
    expect(extra.images).toEqual([{ file: 'extra-1-photo.jpg', bytes: jpeg }]);
    expect(extra.sections[0]!.images[0]).toMatchObject({ width: 6, height: 5 });
  });

  test('an SVG is drawn to a PNG at twice its size, on white, and the same SVG gives the same bytes', async () => {
    const read = workspace({ 'r.md': '![Feature importance](fi.svg)\n', 'fi.svg': SVG });
    const first = await buildExtraSections([section('r.md')], read);
    const second = await buildExtraSections([section('r.md')], read);
    const image = first.images[0]!;
    expect(image.file).toBe('extra-1-fi.png');
    expect(first.sections[0]!.images[0]).toMatchObject({ width: 80, height: 40 });
    expect(createHash('sha256').update(image.bytes).digest('hex')).toBe(
      createHash('sha256').update(second.images[0]!.bytes).digest('hex'),
    );
    const decoded = decodePng(image.bytes);
    expect([decoded.width, decoded.height]).toEqual([80, 40]);
    const pixel = (x: number, y: number) => [
      ...decoded.data.subarray((y * 80 + x) * 4, (y * 80 + x) * 4 + 4),
    ];
    expect(pixel(10, 20)).toEqual([0xd5, 0x5e, 0x00, 255]); // the rectangle
    expect(pixel(60, 20)).toEqual([255, 255, 255, 255]); // transparent in the SVG, white in the report
  });

  test('an image reference stays inside the workspace: no climbing out, no absolute paths, no URLs', async () => {
    const cases: Array<[string, RegExp]> = [
      ['../../etc/passwd', /leads outside the workspace/],
      ['/etc/passwd', /is an absolute path/],
      ['C:\\Windows\\win.ini', /is an absolute path/],
      [
        'https://example.com/shap.png',
        /is a URL; expected a file of the repository \(remote images are not shown/,
      ],
      ['//example.com/shap.png', /is a URL/],
      ['data:image/png;base64,iVBORw0KGgo=', /is a URL/],
    ];
    for (const [url, message] of cases) {
      const read = workspace({ 'reports/r.md': `Text\n\n![a picture](${url})\n` });
      const error = await failure(buildExtraSections([section('reports/r.md')], read));
      expect(error).toMatch(/^reports\/r\.md:3: image: /);
      expect(error).toMatch(message);
      expect(read.reads).toEqual(['reports/r.md']);
    }
    expect(workspacePath('../shared/a.png', 'reports/x', 'w')).toBe('reports/shared/a.png');
  });

  test('a missing file is an error, not a smaller report', async () => {
    const read = workspace({ 'r.md': '![SHAP](shap.png)\n' });
    expect(await failure(buildExtraSections([section('r.md')], read))).toBe('shap.png: not found');
    expect(await failure(buildExtraSections([section('gone.md')], read))).toBe('gone.md: not found');
  });

  test('sizes are capped: Markdown per section, bytes per image, images per report, sections per report', async () => {
    const long = 'x'.repeat(EXTRA_LIMITS.markdownChars + 1);
    expect(await failure(buildExtraSections([section('long.md')], workspace({ 'long.md': long })))).toBe(
      'long.md: 20,001 characters; a section of the report holds at most 20,000 (link to the rest, or split it)',
    );
    const big = Buffer.concat([png(), Buffer.alloc(EXTRA_LIMITS.imageBytes)]);
    expect(
      await failure(
        buildExtraSections([section('r.md')], workspace({ 'r.md': '![big](big.png)', 'big.png': big })),
      ),
    ).toBe('r.md:1: more than 1 MiB; an image in the report is at most 1 MiB (shrink or compress it)');
    const files: Record<string, string | Buffer> = {
      'r.md': Array.from({ length: 11 }, (_, i) => `![chart ${i}](c${i}.png)`).join('\n\n'),
    };
    for (let i = 0; i < 11; i++) files[`c${i}.png`] = png([i, 0, 0]);
    expect(await failure(buildExtraSections([section('r.md')], workspace(files)))).toBe(
      "r.md:21: more than 10 images in the team's own sections; a report shows at most 10",
    );
    const many = Array.from({ length: 11 }, (_, i) => section(`s${i}.md`, { from: `--extra` }));
    expect(await failure(buildExtraSections(many, workspace({})))).toBe(
      "--extra: at most 10 sections of the team's own content per report, found 11",
    );
  });

  test('one image shown twice is read, stored and uploaded once', async () => {
    const read = workspace({
      'a.md': '![one](p.png)\n\n![again](./p.png)',
      'b.md': '![three](p.png)',
      'p.png': png(),
    });
    const extra = await buildExtraSections([section('a.md'), section('b.md')], read);
    expect(extra.images.map((i) => i.file)).toEqual(['extra-1-p.png']);
    expect(extra.sections[0]!.markdown).toBe('![one](extra-1-p.png)\n\n![again](extra-1-p.png)');
    expect(read.reads.filter((p) => p === 'p.png')).toHaveLength(1);
  });

  test("HTML that GitHub's sanitiser keeps stays; what it removes is an error naming the line", async () => {
    const kept =
      '<details>\n<summary>Per-class scores</summary>\n\n| class | f1 |\n| --- | --- |\n| cat | 0.9 |\n\n</details>\n\nH<sub>2</sub>O\n';
    const extra = await buildExtraSections([section('k.md')], workspace({ 'k.md': kept }));
    expect(extra.sections[0]!.markdown).toBe(kept.trim());
    const refused: Array<[string, string]> = [
      ['Hi\n\n<script>alert(1)</script>\n', "x.md:3: <script> is removed by GitHub's sanitiser"],
      ['Hi <b onclick="steal()">there</b>\n', "x.md:1: <b> onclick= is removed by GitHub's sanitiser"],
      ['<p style="color:red">red</p>\n', "x.md:1: <p> style= is removed by GitHub's sanitiser"],
      ['<a href="javascript:alert(1)">x</a>\n', "x.md:1: <a> href= is removed by GitHub's sanitiser"],
      ['<img src="a.png" alt="a">\n', 'x.md:1: an HTML <img>; write images as ![alt](path)'],
    ];
    for (const [text, message] of refused) {
      expect(await failure(buildExtraSections([section('x.md')], workspace({ 'x.md': text })))).toContain(
        message,
      );
    }
  });

  test('a section cannot swallow or close the rest of the report', async () => {
    const cases: Array<[string, string]> = [
      ['Text\n\n<details>\n<summary>open</summary>\n\nnever closed\n', 'x.md:3: <details> is never closed'],
      ['Text\n\n</details>\n\nmore\n', 'x.md:3: </details> closes nothing opened in this file'],
      ['Text\n\n```python\nprint(1)\n', 'x.md:3: a code block opened with ``` is never closed'],
    ];
    for (const [text, message] of cases) {
      expect(await failure(buildExtraSections([section('x.md')], workspace({ 'x.md': text })))).toContain(
        message,
      );
    }
  });

  test("HTML comments are dropped: a section cannot carry another report's hidden marker", async () => {
    const text = 'Before\n\n<!-- mlci-report id="mlci" -->\n\nAfter\n';
    const extra = await buildExtraSections([section('x.md')], workspace({ 'x.md': text }));
    expect(extra.sections[0]!.markdown).toBe('Before\n\nAfter');
  });

  test('alt text is shown as text: it cannot add links or HTML', async () => {
    const read = workspace({ 'x.md': '![see <b>this</b> @octocat](p.png)\n', 'p.png': png() });
    const markdown = (await buildExtraSections([section('x.md')], read)).sections[0]!.markdown;
    const html = markdownToHtml(markdown);
    expect(html).toContain('alt="see <b>this</b> @\u2060octocat"');
    expect(html.replace(/alt="[^"]*"/, '')).not.toContain('<b>');
  });
});

describe('--extra FILE[@PLACEMENT]', () => {
  test('a file, optionally with where it goes', () => {
    expect(parseExtraArgument('reports/shap.md', '--extra')).toEqual({
      file: 'reports/shap.md',
      from: '--extra',
    });
    expect(parseExtraArgument(' reports/shap.md@after-summary ', 'input extra')).toEqual({
      file: 'reports/shap.md',
      placement: 'after-summary',
      from: 'input extra',
    });
    expect(parseExtraArgument('me@work/notes.md', '--extra')).toMatchObject({ file: 'me@work/notes.md' });
    expect(() => parseExtraArgument('a.md@middle', '--extra')).toThrow(
      '--extra: "a.md@middle": unknown placement "middle"; expected FILE or FILE@PLACEMENT with top, after-summary, bottom',
    );
  });
});

describe('report.sections in .mlci.yml', () => {
  test('a file, or a file with where it goes, its title, folding and (for an image) alt text', () => {
    const config = parseConfig(
      [
        'report:',
        '  sections:',
        '    - reports/notes.md',
        '    - file: reports/shap.md',
        '      placement: after-summary',
        '      title: SHAP',
        '      folded: true',
        '    - { file: plots/cm.png, alt: Confusion matrix of the test set }',
        '',
      ].join('\n'),
      '.mlci.yml',
    );
    expect(config.report.sections).toEqual([
      { file: 'reports/notes.md', from: '.mlci.yml:3:7: report.sections[0]' },
      {
        file: 'reports/shap.md',
        placement: 'after-summary',
        title: 'SHAP',
        folded: true,
        from: '.mlci.yml:4:7: report.sections[1]',
      },
      {
        file: 'plots/cm.png',
        alt: 'Confusion matrix of the test set',
        from: '.mlci.yml:8:7: report.sections[2]',
      },
    ]);
  });

  test('mistakes name the line and what was expected', () => {
    const error = (text: string) => () => parseConfig(`report:\n  sections:\n${text}`, '.mlci.yml');
    expect(error('    - file: a.md\n      placement: middle\n')).toThrow(
      '.mlci.yml:4:18: report.sections[0].placement: expected top, after-summary, bottom; found "middle"',
    );
    expect(error('    - title: no file\n')).toThrow(
      '.mlci.yml:3:7: report.sections[0]: expected file: (a Markdown file or an image)',
    );
    expect(error('    - file: a.md\n      fold: true\n')).toThrow(
      '.mlci.yml:4:7: report.sections[0].fold: unknown key; expected one of file, placement, title, folded, alt',
    );
    expect(() => parseConfig('report:\n  sections: a.md\n', '.mlci.yml')).toThrow(
      '.mlci.yml:2:13: report.sections: expected a list of files',
    );
  });
});
