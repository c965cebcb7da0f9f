import { existsSync } from 'node:fs';
import { CHART_FONT_FAMILY } from './theme.js';
import { ChartsUnavailableError } from './unavailable.js';
import type * as Canvas from '@napi-rs/canvas';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';

/**
 * Renders chart.js configurations to PNG with @napi-rs/canvas (Skia, shipped as a prebuilt binary
 * inside an npm package: nothing to compile, no system libraries). Deterministic: the bundled Inter
 * font is the only font, animations are off, the pixel ratio is fixed, so the same configuration
 * gives the same bytes on every machine.
 *
 * The PNG is encoded here rather than by Skia: Skia's encoder spends ~170 ms on a 1600x720 chart
 * and writes ~500 KB, while a Sub filter (charts are mostly long horizontal runs of one colour)
 * and zlib level 3 take ~10 ms and write 60-100 KB (level 6 saves a fifth of the bytes for three
 * times the deflate time). Node's zlib may pick different (equally valid) matches on CPUs without
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
let canvasModule: CanvasModule | undefined;

export { ChartsUnavailableError };

/** Loaded on first use, so that a platform without the binary still gets a report (without charts). */
async function loadCanvas(): Promise<CanvasModule> {
  if (canvasModule !== undefined) return canvasModule;
  try {
    canvasModule = await import('@napi-rs/canvas');
    return canvasModule;
  } catch (error) {
    throw new ChartsUnavailableError(
      `charts cannot be drawn on ${process.platform}-${process.arch}: the canvas library did not load (${(error as Error).message.split('\n')[0]}); mlci's bundled actions draw charts on Linux x64 runners`,
    );
  }
}

async function setUp(): Promise<CanvasModule> {
  const canvas = await loadCanvas();
  if (ready) return canvas;
  const { GlobalFonts } = canvas;
  const dir = fontDirectory();
  GlobalFonts.registerFromPath(join(dir, 'Inter-Regular.ttf'), CHART_FONT_FAMILY);
  GlobalFonts.registerFromPath(join(dir, 'Inter-SemiBold.ttf'), CHART_FONT_FAMILY);
  // The matrix controller draws confusion-matrix heatmaps; registered here too so any spec renders.
  Chart.register(...registerables, MatrixController, MatrixElement);
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
    return encodePng(canvas.data(), canvas.width, canvas.height);
  } finally {
    chart.destroy();
  }
}

/**
 * A PNG of `width` x `height` pixels given as premultiplied RGBA (what @napi-rs/canvas's `data()`
 * returns), 8-bit RGBA with the alpha un-premultiplied. Every row uses the Sub filter; no
 * ancillary chunks (no time stamp, no gamma), so the bytes depend on the pixels only.
 */
export function encodePng(pixels: Uint8Array, width: number, height: number): Buffer {
  if (pixels.length !== width * height * 4)
    throw new RangeError(`expected ${width * height * 4} bytes of RGBA pixels, got ${pixels.length}`);
  const filtered =
    (LITTLE_ENDIAN ? subFilterOpaque(pixels, width, height) : undefined) ?? subFilter(pixels, width, height);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // compression, filter method and interlace stay 0
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filtered, { level: 3 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The pixels as 32-bit words (one per pixel), copying only when the buffer is not aligned. */
function words(pixels: Uint8Array): Uint32Array {
  const aligned = pixels.byteOffset % 4 === 0 ? pixels : new Uint8Array(pixels);
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
}

const HIGH_BITS = 0x80808080;
const LOW_BITS = 0x7f7f7f7f;

/**
 * The hot path (every chart is opaque: the background is painted): premultiplied equals straight
 * alpha, so the Sub filter (each byte minus the same channel of the pixel to its left) is computed
 * a whole pixel at a time, four byte-wise subtractions in one 32-bit operation without carries
 * between bytes. The constant alpha filters to zeros, which deflate all but drops. About twice as
 * fast as byte-wise access. Undefined at the first pixel that is not opaque.
 */
function subFilterOpaque(pixels: Uint8Array, width: number, height: number): Uint8Array | undefined {
  const w = words(pixels);
  const stride = width * 4 + 1;
  const out = new Uint8Array(stride * height);
  const row = new Uint32Array(width);
  const rowBytes = new Uint8Array(row.buffer);
  for (let y = 0; y < height; y++) {
    let previous = 0;
    const start = y * width;
    for (let x = 0; x < width; x++) {
      const v = w[start + x]!;
      if (v >>> 24 !== 255) return undefined;
      row[x] = ((v | HIGH_BITS) - (previous & LOW_BITS)) ^ ((v ^ ~previous) & HIGH_BITS);
      previous = v;
    }
    out[y * stride] = 1;
    out.set(rowBytes, y * stride + 1);
  }
  return out;
}

/** The general path: byte by byte, alpha un-premultiplied, Sub filter. */
function subFilter(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const stride = width * 4 + 1;
  const filtered = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    let out = y * stride;
    filtered[out++] = 1;
    let p = y * width * 4;
    let r0 = 0;
    let g0 = 0;
    let b0 = 0;
    let a0 = 0;
    for (let x = 0; x < width; x++, p += 4) {
      let r = pixels[p]!;
      let g = pixels[p + 1]!;
      let b = pixels[p + 2]!;
      const a = pixels[p + 3]!;
      if (a !== 0 && a !== 255) {
        r = Math.min(255, Math.round((r * 255) / a));
        g = Math.min(255, Math.round((g * 255) / a));
        b = Math.min(255, Math.round((b * 255) / a));
      }
      filtered[out++] = (r - r0) & 255;
      filtered[out++] = (g - g0) & 255;
      filtered[out++] = (b - b0) & 255;
      filtered[out++] = (a - a0) & 255;
      r0 = r;
      g0 = g;
      b0 = b;
      a0 = a;
    }
  }
  return filtered;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG wants it (node:zlib's crc32 needs Node 20.15; mlci supports every Node 20). */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
