import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { crc32 } from '../../crc32.js';
import { CHART_FONT_FAMILY } from './theme.js';
import { ChartsUnavailableError } from './unavailable.js';
import {
  canvasPackageFor,
  describeTarget,
  detectLibc,
  shippedRunners,
  type CanvasTarget,
} from './canvas-binary.js';
import type * as Canvas from '@napi-rs/canvas';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  SubTitle,
  Title,
  type ChartConfiguration,
} from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';

/**
 * Renders chart.js configurations to PNG with @napi-rs/canvas (Skia, shipped as a prebuilt binary
 * inside an npm package: nothing to compile, no system libraries). Deterministic: the bundled Inter
 * font is the only font, animations are off, the pixel ratio is fixed, so the same configuration
 * gives the same bytes on every machine.
 *
 * The PNG is encoded here rather than by Skia: Skia's encoder spends ~170 ms on a 1600x720 chart
 * and writes ~500 KB, while unfiltered rows and zlib level 3 take ~5 ms and write 90-170 KB (level
 * 6 saves a fifth of the bytes for three times the deflate time; see encodePng). Node's zlib may pick different (equally valid) matches on CPUs without
 * SSE4.2/ARMv8 CRC instructions; the pixels stay identical.
 */
export { CHART_FONT_FAMILY };

let ready = false;

/** The bundled fonts: next to the sources in a checkout, or next to the bundle in dist/. */
export function fontDirectory(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, '../../../assets/fonts'),
    join(here, 'assets/fonts'),
    join(here, '../assets/fonts'),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'Inter-Regular.ttf')));
  if (found === undefined)
    throw new Error(`mlci's chart font is missing: looked in ${candidates.join(', ')}`);
  return found;
}

type CanvasModule = typeof Canvas;
let canvasLoading: Promise<CanvasModule> | undefined;

export { ChartsUnavailableError };

/**
 * Loaded on first use, so that a platform without the binary still gets a report (without charts).
 *
 * mlci picks the binary itself (canvasPackageFor) and hands its path to @napi-rs/canvas through the
 * variable its loader reads first, NAPI_RS_NATIVE_LIBRARY_PATH: so what the tests check for each
 * runner is what loads, and a missing binary is named in the report. The package is looked up from
 * @napi-rs/canvas's own folder, which finds it hoisted beside it (dist/node_modules, a checkout, an
 * npm install of mlci) or nested inside it. If that lookup fails, @napi-rs/canvas still gets to try
 * its own way before the charts are given up.
 */
function loadCanvas(): Promise<CanvasModule> {
  // One load, however many charts ask for it at once.
  canvasLoading ??= importCanvas();
  return canvasLoading;
}

async function importCanvas(): Promise<CanvasModule> {
  const target: CanvasTarget = { platform: process.platform, arch: process.arch };
  if (process.platform === 'linux') target.libc = detectLibc((path) => readFileSync(path, 'utf8'));
  let binary: string | undefined;
  let why: string;
  try {
    binary = canvasBinaryPath(target, createRequire(import.meta.url));
    why = '';
  } catch (error) {
    why = (error as Error).message;
  }
  const previous = process.env['NAPI_RS_NATIVE_LIBRARY_PATH'];
  // A path the user set wins: it is how @napi-rs/canvas documents choosing a binary by hand.
  if (binary !== undefined && previous === undefined) process.env['NAPI_RS_NATIVE_LIBRARY_PATH'] = binary;
  try {
    return await import('@napi-rs/canvas');
  } catch (error) {
    throw new ChartsUnavailableError(
      `charts cannot be drawn on ${describeTarget(target)}: ${why || `the canvas library did not load (${(error as Error).message.split('\n')[0]})`}; mlci's bundled actions draw charts on ${shippedRunners()} runners`,
    );
  } finally {
    // Only for the import: child processes of the step must not inherit it.
    if (previous === undefined) delete process.env['NAPI_RS_NATIVE_LIBRARY_PATH'];
  }
}

/**
 * The file of the canvas binary for `target`, found the way Node would from @napi-rs/canvas's folder
 * (`require` resolves from the caller: the bundle's chunk in dist/, the source in a checkout).
 * Throws, saying what is missing, when no binary exists for the target or none is installed.
 */
export function canvasBinaryPath(target: CanvasTarget, require: NodeJS.Require): string {
  const name = canvasPackageFor(target);
  if (name === undefined)
    throw new Error(`@napi-rs/canvas publishes no binary for ${describeTarget(target)}`);
  let canvasFolder: string;
  try {
    canvasFolder = dirname(require.resolve('@napi-rs/canvas/package.json'));
  } catch {
    throw new Error('@napi-rs/canvas is not installed');
  }
  try {
    // The package's `main` is the .node file itself.
    return createRequire(join(canvasFolder, 'package.json')).resolve(name);
  } catch {
    throw new Error(`${name}, its binary, is not installed beside @napi-rs/canvas`);
  }
}

async function setUp(): Promise<CanvasModule> {
  const canvas = await loadCanvas();
  if (ready) return canvas;
  const { GlobalFonts } = canvas;
  const dir = fontDirectory();
  GlobalFonts.registerFromPath(join(dir, 'Inter-Regular.ttf'), CHART_FONT_FAMILY);
  GlobalFonts.registerFromPath(join(dir, 'Inter-SemiBold.ttf'), CHART_FONT_FAMILY);
  // What mlci's charts use, and nothing else: the controllers, scales and plugins left out
  // (pie, radar, time scales, tooltips, fills, decimation, automatic colours) are not bundled, and
  // a chart that needed one would fail here loudly rather than draw differently. The matrix
  // controller draws confusion-matrix heatmaps.
  Chart.register(
    BarController,
    LineController,
    MatrixController,
    BarElement,
    LineElement,
    PointElement,
    MatrixElement,
    CategoryScale,
    LinearScale,
    LogarithmicScale,
    Legend,
    Title,
    SubTitle,
  );
  Chart.defaults.font.family = CHART_FONT_FAMILY;
  Chart.defaults.animation = false;
  Chart.defaults.responsive = false;
  Chart.defaults.maintainAspectRatio = false;
  ready = true;
  return canvas;
}

export interface RenderOptions {
  /** CSS pixels; the PNG is `pixelRatio` times larger. */
  width: number;
  height: number;
  /** 2 by default: sharp on high-density screens at GitHub's comment width. */
  pixelRatio?: number;
  /** Filled behind the chart (PNG transparency looks broken on GitHub's dark theme). */
  background?: string;
}

export async function renderChart(config: ChartConfiguration, options: RenderOptions): Promise<Buffer> {
  const { createCanvas } = await setUp();
  const ratio = options.pixelRatio ?? 2;
  // The canvas starts at CSS size: chart.js multiplies it by devicePixelRatio itself (a canvas
  // created at the PNG's size came out twice too large in each direction).
  const canvas = createCanvas(Math.round(options.width), Math.round(options.height));
  const background = options.background ?? '#ffffff';
  // The background goes first, so a plugin of the chart that draws before the datasets stays visible.
  const plugins = [
    {
      id: 'mlci-background',
      beforeDraw: (chart: Chart) => {
        const ctx = chart.ctx;
        ctx.save();
        ctx.fillStyle = background;
        ctx.fillRect(0, 0, chart.width, chart.height);
        ctx.restore();
      },
    },
    ...(config.plugins ?? []),
  ];
  const chart = new Chart(
    canvas as unknown as ConstructorParameters<typeof Chart>[0],
    {
      ...config,
      options: { ...config.options, devicePixelRatio: ratio, animation: false, responsive: false },
      plugins,
    } as ChartConfiguration,
  );
  try {
    // getImageData, not canvas.data(): it gives straight (not premultiplied) RGBA, which is what a
    // PNG holds, so no pass over the pixels is needed here (Skia converts natively, ~1 ms on Node 24).
    const image = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    // Compressed here, synchronously. zlib.deflate on libuv's thread pool, with the charts started
    // together so that one is compressed while the next is drawn, gave the same bytes but took
    // twice as long for the report's two charts (54 against 24 ms at best, on a loaded 2-CPU
    // machine): the hand-offs between threads cost more than the few ms of deflate they hide.
    return encodePng(image.data, canvas.width, canvas.height);
  } finally {
    chart.destroy();
  }
}

/**
 * A PNG of `width` x `height` pixels given as straight (not premultiplied) 8-bit RGBA, as a
 * canvas's getImageData() returns them. Every row uses filter type None; no ancillary chunks (no
 * time stamp, no gamma), so the bytes depend on the pixels only.
 *
 * Why None: on the report's real charts (anti-aliased text and lines on a painted background) it
 * compressed better than the Sub filter, 166 KB against 208 KB for a 1600x1072 change chart and
 * 91 KB against 104 KB for a 1600x720 curve chart, at zlib level 3 in the same deflate time, and it
 * needs no pass over the pixels in JavaScript (the Sub filter took 10-35 ms per chart in a step's
 * cold process). Runs of one colour deflate well unfiltered: they are matches four bytes back.
 */
export function encodePng(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number): Buffer {
  if (pixels.length !== width * height * 4)
    throw new RangeError(`expected ${width * height * 4} bytes of RGBA pixels, got ${pixels.length}`);
  const rowBytes = width * 4;
  const rows = rowsBuffer((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    // Each row: filter type 0, then its pixels. Every byte is written: the buffer is reused.
    rows[y * (rowBytes + 1)] = 0;
    rows.set(pixels.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // compression, filter method and interlace stay 0
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 3 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The filtered rows of the last PNG, reused by the next. A fresh 5-7 MB buffer per chart cost more
 * than copying into it: the first write to each page of new memory is a page fault, 13 ms per
 * 1600x720 chart (median of 16 in one process on a loaded 2-CPU VM; 0.3 ms when the pages were
 * already mapped), and each such buffer pressed V8 into another garbage collection. The first one is sized for a 1600x1200 chart (the report's charts are 640 to
 * ~1100 px high at 2x); pages never written are never mapped, so the headroom costs no memory.
 * deflateSync copies what it needs, so the buffer is free again when encodePng returns.
 */
let rowsScratch: Buffer | undefined;
const FIRST_ROWS_BYTES = (1600 * 4 + 1) * 1200;

function rowsBuffer(bytes: number): Buffer {
  if (rowsScratch === undefined || rowsScratch.length < bytes)
    rowsScratch = Buffer.allocUnsafeSlow(Math.max(bytes, FIRST_ROWS_BYTES));
  return rowsScratch.subarray(0, bytes);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out, 4, 8 + data.length, 0), 8 + data.length);
  return out;
}
