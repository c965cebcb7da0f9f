import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChartConfiguration } from 'chart.js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderChart } from '../../../packages/core/src/report/charts/render.js';
import { renderHtmlPreview } from '../../../packages/core/src/report/html.js';
import { countColor, decodePng } from '../../support/png.js';

/**
 * index.html in a real browser: the headless Chromium that the @sparticuz/chromium npm package
 * ships (unpacked into the temporary folder on first use; nothing to install on the machine), or
 * the one MLCI_CHROMIUM names, driven by playwright-core,
 * loading the page from a loopback HTTP server the way a user opens the report folder. Checks what
 * string assertions cannot: images decode, tables lay out and scroll inside their box, nothing
 * overflows the window, and the page asks nothing of the network.
 */

// Without the background-networking flags Chromium tries Google's hosts at every start, which a
// closed network (and this test's "asks nothing of the network") refuses.
const QUIET = [
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Flags for a headless Chromium in a container: no sandbox (no user namespaces), no GPU. */
const HEADLESS = [
  '--headless=new',
  '--no-sandbox',
  '--no-zygote',
  '--disable-gpu',
  '--use-gl=disabled',
  '--disable-dev-shm-usage',
];

/**
 * The browser to drive: MLCI_CHROMIUM when set; else, on Linux, the Chromium inside the
 * @sparticuz/chromium npm package (installed by `npm ci`, so a fresh machine needs nothing else);
 * else one found on PATH. Never a fixed system path.
 *
 * The package's own flags are for AWS Lambda (`--single-process` hangs the second browser context
 * this test opens; its in-process SwiftShader GL aborts on this machine), so ours are used. It
 * unpacks the binary into `os.tmpdir()/chromium` (the run's temporary folder under Jest) and
 * reuses whatever is there, whichever version put it there: a folder named after the version
 * keeps another checkout's Chromium out.
 */
async function browserToLaunch(): Promise<{ executablePath: string; args: string[] }> {
  const given = process.env['MLCI_CHROMIUM'];
  if (given !== undefined && given !== '') {
    if (!existsSync(given)) throw new Error(`MLCI_CHROMIUM=${given}: no such file`);
    return { executablePath: given, args: [...HEADLESS, ...QUIET] };
  }
  if (process.platform === 'linux') {
    const { default: packaged } = await import('@sparticuz/chromium');
    // Its exports hide package.json; the version is read from the installed copy.
    const manifest = join(import.meta.dirname, '../../../node_modules/@sparticuz/chromium/package.json');
    const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
    const unpackInto = join(tmpdir(), `mlci-chromium-${version}`);
    await mkdir(unpackInto, { recursive: true });
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = unpackInto;
    try {
      return { executablePath: await packaged.executablePath(), args: [...HEADLESS, ...QUIET] };
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
  }
  const onPath = findOnPath([
    'chromium',
    'chromium-browser',
    'google-chrome',
    'google-chrome-stable',
    'chrome',
  ]);
  if (onPath !== undefined) return { executablePath: onPath, args: [...HEADLESS, ...QUIET] };
  throw new Error(
    'no Chromium for the preview test: on Linux it comes with `npm ci` (@sparticuz/chromium); elsewhere put chromium on PATH or set MLCI_CHROMIUM to its executable',
  );
}

function findOnPath(names: string[]): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const name of names) {
      const candidate = join(dir, process.platform === 'win32' ? `${name}.exe` : name);
      if (dir !== '' && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

const HEAD_COLOR = '#0072B2';
const BASE_COLOR = '#D55E00';

/** A small line chart, rendered with the real chart renderer, so the page shows real mlci PNGs. */
function lossChart(title: string, slope: number): ChartConfiguration {
  const steps = Array.from({ length: 50 }, (_, i) => i * 10);
  return {
    type: 'line',
    data: {
      labels: steps,
      datasets: [
        {
          label: 'head',
          data: steps.map((s) => 2.4 * Math.exp(-slope * s) + 0.2),
          borderColor: HEAD_COLOR,
          borderWidth: 3,
          pointRadius: 0,
        },
        {
          label: 'base',
          data: steps.map((s) => 2.4 * Math.exp(-0.004 * s) + 0.25),
          borderColor: BASE_COLOR,
          borderWidth: 3,
          pointRadius: 0,
        },
      ],
    },
    options: { plugins: { title: { display: true, text: title } } },
  };
}

const LONG_KEYS = [
  'eval/per_class/vehicle.heavy_goods.articulated_trailer/precision_at_iou_0.75',
  'eval/per_class/vehicle.heavy_goods.articulated_trailer/recall_at_iou_0.75',
  'train/optimizer/param_groups.0.learning_rate_after_warmup_and_cosine_decay',
  'system/gpu.0.memory_allocated_bytes_peak_during_validation_epoch',
];

/** A realistic report comment, hand-written: what markdown.ts will produce, in shape. */
function reportMarkdown(): string {
  const wideHeader = '| metric | base | head | Δ | Δ % | tolerance | direction | status |';
  const wideRule = '| :--- | ---: | ---: | ---: | ---: | ---: | :---: | :---: |';
  const wideRows = LONG_KEYS.map(
    (key, i) =>
      `| \`${key}\` | ${(0.8 + i / 100).toFixed(4)} | ${(0.81 + i / 90).toFixed(4)} | +0.0100 | +1.25 % | ± 0.005 | higher is better | improved |`,
  );
  return [
    '<!-- mlci-report id="mlci" -->',
    '## mlci report',
    '',
    '**❌ Failed: 1 of 3 gates** · head `abc1234` (feature/bigger-model) vs base `main@def5678` (merge base)',
    '',
    '| gate | value | threshold | result |',
    '| :--- | ---: | ---: | :---: |',
    '| eval.accuracy | 0.9120 | ≥ 0.9000 | ✅ pass |',
    '| eval.loss | 0.4100 | ≤ 0.3500 | ❌ fail |',
    '| train.duration_seconds | 1 843 | ≤ 3 600 | ✅ pass |',
    '',
    '### Metrics',
    '',
    wideHeader,
    wideRule,
    ...wideRows,
    '',
    '![Training loss: head against base](curves-loss.png)',
    '',
    '<img src="curves-val-loss.png" alt="Validation loss: head against base" width="800">',
    '',
    '<details>',
    '<summary>Parameters (2 changed)</summary>',
    '',
    '| param | base | head |',
    '| --- | --- | --- |',
    '| model.hidden_size | 768 | 1024 |',
    '| optimizer.lr | 3e-4 | 1e-4 |',
    '',
    '</details>',
    '',
    '<sub>mlci 0.1.0 · [full report](https://example.com/run/42)</sub>',
    '',
  ].join('\n');
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.png': 'image/png' };

/** Serves `dir` on 127.0.0.1 (an ephemeral port); 404 for anything outside it. */
async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir + '/')) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

interface Layout {
  innerWidth: number;
  scrollWidth: number;
  bodyLeft: number;
  bodyRight: number;
  images: Array<{ src: string; complete: boolean; naturalWidth: number; left: number; right: number }>;
  tables: Array<{
    rows: number;
    inDetails: boolean;
    overflowX: string;
    clientWidth: number;
    scrollWidth: number;
    left: number;
    right: number;
  }>;
  details: number;
  detailsOpen: boolean;
  header: string;
}

/**
 * Measured in the page. A string, not a function: it runs in the browser, and the packages'
 * TypeScript settings have no DOM types to check it against.
 */
const MEASURE = `(() => {
  const body = document.querySelector('.markdown-body').getBoundingClientRect();
  const box = (el) => el.getBoundingClientRect();
  return {
    innerWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    bodyLeft: body.left,
    bodyRight: body.right,
    images: [...document.querySelectorAll('.markdown-body img')].map((img) => ({
      src: img.getAttribute('src'),
      complete: img.complete,
      naturalWidth: img.naturalWidth,
      left: box(img).left,
      right: box(img).right,
    })),
    tables: [...document.querySelectorAll('.markdown-body table')].map((t) => ({
      rows: t.rows.length,
      inDetails: t.closest('details') !== null,
      overflowX: getComputedStyle(t).overflowX,
      clientWidth: t.clientWidth,
      scrollWidth: t.scrollWidth,
      left: box(t).left,
      right: box(t).right,
    })),
    details: document.querySelectorAll('.markdown-body details').length,
    detailsOpen: document.querySelector('.markdown-body details')?.open === true,
    header: document.querySelector('.mlci-header')?.textContent ?? '',
  };
})()`;

function measure(page: Page): Promise<Layout> {
  return page.evaluate<Layout>(MEASURE);
}

/** Everything inside the Markdown body's box: GitHub clips nothing, so neither may the preview. */
function expectInsideBody(layout: Layout): void {
  expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
  for (const element of [...layout.images, ...layout.tables.filter((t) => t.clientWidth > 0)]) {
    expect(element.left).toBeGreaterThanOrEqual(layout.bodyLeft - 0.5);
    expect(element.right).toBeLessThanOrEqual(layout.bodyRight + 0.5);
  }
}

describe('index.html in Chromium', () => {
  let dir: string;
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlci-html-preview-'));
    const markdown = reportMarkdown();
    await writeFile(join(dir, 'report.md'), markdown);
    await writeFile(
      join(dir, 'curves-loss.png'),
      await renderChart(lossChart('Training loss', 0.01), { width: 800, height: 360 }),
    );
    await writeFile(
      join(dir, 'curves-val-loss.png'),
      await renderChart(lossChart('Validation loss', 0.006), { width: 800, height: 360 }),
    );
    await writeFile(join(dir, 'index.html'), renderHtmlPreview(markdown, { title: 'mlci report' }));
    ({ server, origin } = await serve(dir));
    browser = await chromium.launch(await browserToLaunch());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  /** A fresh page at `width` that records every request and every console error. */
  async function open(width: number): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    const requests: string[] = [];
    const errors: string[] = [];
    // Anything that is not the loopback server is recorded and refused, so a leak fails the test
    // instead of waiting on this machine's closed network.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      return url.startsWith(`${origin}/`) ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
    const response = await page.goto(`${origin}/index.html`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    return { page, requests, errors };
  }

  it.each([1280, 800])(
    'renders the comment at %i px: images, tables, details, no overflow, loopback only',
    async (width) => {
      const { page, requests, errors } = await open(width);
      try {
        const closed = await measure(page);
        expect(closed.header.replace(/\s+/g, ' ').trim()).toBe('github-actionsbotcommented');

        expect(closed.images.map((i) => i.src)).toEqual(['curves-loss.png', 'curves-val-loss.png']);
        for (const image of closed.images) {
          expect(image.complete).toBe(true);
          expect(image.naturalWidth).toBe(1600);
        }

        // gates: header + 3; metrics: header + 4; parameters (inside <details>): header + 2
        expect(closed.tables.map((t) => [t.rows, t.inDetails])).toEqual([
          [4, false],
          [5, false],
          [3, true],
        ]);
        for (const table of closed.tables) expect(table.overflowX).toBe('auto');
        // The wide metrics table is wider than the comment: it scrolls inside its own box, as on GitHub.
        const metrics = closed.tables[1]!;
        expect(metrics.scrollWidth).toBeGreaterThan(metrics.clientWidth);
        expect(closed.details).toBe(1);
        expect(closed.detailsOpen).toBe(false);
        expectInsideBody(closed);

        // Opened, the table inside <details> lays out and still fits.
        await page.click('.markdown-body summary');
        const opened = await measure(page);
        expect(opened.detailsOpen).toBe(true);
        expect(opened.tables[2]!.clientWidth).toBeGreaterThan(0);
        expectInsideBody(opened);

        expect(errors).toEqual([]);
        expect(requests.length).toBeGreaterThanOrEqual(3);
        for (const url of requests) expect(url.startsWith(`${origin}/`)).toBe(true);
      } finally {
        await page.context().close();
      }
    },
    60_000,
  );

  it('also works opened from disk (file://), as most people will open it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    try {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(pathToFileURL(join(dir, 'index.html')).href, { waitUntil: 'load' });
      const layout = await measure(page);
      expect(layout.images.map((i) => i.complete && i.naturalWidth)).toEqual([1600, 1600]);
      expect(layout.tables).toHaveLength(3);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('takes a full-page screenshot that shows the comment', async () => {
    const { page, errors } = await open(1280);
    try {
      await page.click('.markdown-body summary');
      const shot = await page.screenshot({ fullPage: true, type: 'png' });
      const path = join(tmpdir(), 'mlci-html-preview-1280.png');
      await writeFile(path, shot);
      console.log(`index.html screenshot: ${path}`);

      const png = decodePng(shot);
      expect(png.width).toBe(1280);
      // Two 360 px charts, three tables and the text: well over one window's height.
      expect(png.height).toBeGreaterThan(1200);
      // Dark text (GitHub's #1f2328 and antialiased neighbours), the grey header, both chart lines.
      expect(countColor(png, '#1f2328', undefined, 40)).toBeGreaterThan(5000);
      expect(countColor(png, '#f6f8fa', undefined, 2)).toBeGreaterThan(20_000);
      expect(countColor(png, HEAD_COLOR, undefined, 24)).toBeGreaterThan(1000);
      expect(countColor(png, BASE_COLOR, undefined, 24)).toBeGreaterThan(1000);
      // Not blank: white is the background, not the whole picture.
      expect(countColor(png, '#ffffff', undefined, 0)).toBeLessThan(png.width * png.height * 0.95);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 60_000);
});

/**
 * The reports people read: the iris example (three seeds per side) and a real Hugging Face run,
 * written by `mlci report` and shown at a comment's width (830 px, about what GitHub gives a
 * comment) and at 1280 px. The screenshots are kept in the run's temporary folder
 * (MLCI_KEEP_TEST_TMP=1 keeps it) for a person to look at; what is asserted is what a screenshot
 * can check without judgement: every chart decodes, nothing overflows sideways, the first chart
 * starts within the first screen, and the pull request's and the baseline's colours are both in
 * the picture.
 */
describe("mlci report's index.html at 830 and 1280 px (#14)", () => {
  const IRIS = 'examples/iris-classifier';
  /** The example's pull-request runs as run.ts writes them (its out/ folder is git-ignored). */
  const IRIS_PR = 'test/fixtures/generated/iris-pr';
  const WHISPER = 'test/fixtures/real/hf-trainer/whisper-ja';
  let root: string;
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    const { main } = await import('../../../packages/cli/src/main.js');
    const { SIDE_COLORS } = await import('../../../packages/core/src/report/charts/curves.js');
    expect(SIDE_COLORS).toEqual({ head: '#0072B2', base: '#E69F00' });
    root = await mkdtemp(join(tmpdir(), 'mlci-report-preview-'));
    const io = { stdout: () => undefined, stderr: (text: string) => void process.stderr.write(text) };
    const seeds = (side: 'baseline' | 'pr') =>
      [1, 2, 3].flatMap((s) =>
        side === 'baseline' ? ['--base', `${IRIS}/baseline/seed-${s}`] : ['--head', `${IRIS_PR}/seed-${s}`],
      );
    const iris = await main(
      [
        'report',
        '--config',
        `${IRIS}/.mlci.yml`,
        ...seeds('baseline'),
        ...seeds('pr'),
        '--base-predictions',
        `${IRIS}/baseline/seed-1/eval/predictions.csv`,
        '--head-predictions',
        `${IRIS_PR}/seed-1/eval/predictions.csv`,
        '--out',
        join(root, 'iris'),
      ],
      io,
    );
    expect(iris).toBe(0);
    // The same run as both sides, with a gate: the Whisper fine-tune's curves, head over base.
    const whisper = await main(
      [
        'report',
        '--base',
        WHISPER,
        '--head',
        WHISPER,
        '--gate',
        'eval_wer <= 0.8',
        '--out',
        join(root, 'whisper'),
      ],
      io,
    );
    expect(whisper).toBe(0);
    ({ server, origin } = await serve(root));
    browser = await chromium.launch(await browserToLaunch());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  const cases = ['iris', 'whisper'].flatMap((name) => [830, 1280].map((width) => [name, width] as const));
  it.each(cases)(
    '%s at %i px: charts decode, no sideways overflow, first chart on the first screen',
    async (name, width) => {
      const height = 900;
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${origin}/${name}/index.html`, { waitUntil: 'load' });
        const layout = await measure(page);
        expect(layout.images.length).toBeGreaterThan(0);
        for (const image of layout.images) {
          expect(image.complete).toBe(true);
          expect(image.naturalWidth).toBe(1600);
        }
        expectInsideBody(layout);
        const firstTop = await page.evaluate<number>(
          `document.querySelector('.markdown-body img').getBoundingClientRect().top`,
        );
        expect(firstTop).toBeLessThan(height);
        // Everything open, as a reviewer who wants the evidence sees it: the folded charts too.
        await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
        await page.waitForFunction(`[...document.images].every((i) => i.complete)`);
        const shot = await page.screenshot({ fullPage: true, type: 'png' });
        const path = join(tmpdir(), `mlci-report-${name}-${width}.png`);
        await writeFile(path, shot);
        console.log(`index.html screenshot: ${path}`);
        const png = decodePng(shot);
        expect(png.width).toBe(width);
        // The pull request's colour; and in iris, whose sides differ, the baseline's too (whisper is
        // its own baseline, so its lines lie under the pull request's).
        expect(countColor(png, '#0072B2', undefined, 40)).toBeGreaterThan(200);
        if (name === 'iris') expect(countColor(png, '#E69F00', undefined, 40)).toBeGreaterThan(200);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    60_000,
  );
});
