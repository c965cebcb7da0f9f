import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';

/**
 * Renders chart.js configurations to PNG with @napi-rs/canvas (Skia, shipped as a prebuilt binary
 * inside an npm package: nothing to compile, no system libraries). Deterministic: the bundled Inter
 * font is the only font, animations are off, the pixel ratio is fixed, so the same configuration
 * gives the same bytes on every machine.
 */
export const CHART_FONT_FAMILY = 'Inter';

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

function setUp(): void {
  if (ready) return;
  const dir = fontDirectory();
  GlobalFonts.registerFromPath(join(dir, 'Inter-Regular.ttf'), CHART_FONT_FAMILY);
  GlobalFonts.registerFromPath(join(dir, 'Inter-SemiBold.ttf'), CHART_FONT_FAMILY);
  Chart.register(...registerables);
  Chart.defaults.font.family = CHART_FONT_FAMILY;
  Chart.defaults.animation = false;
  Chart.defaults.responsive = false;
  Chart.defaults.maintainAspectRatio = false;
  ready = true;
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
  setUp();
  const ratio = options.pixelRatio ?? 2;
  const canvas = createCanvas(Math.round(options.width * ratio), Math.round(options.height * ratio));
  const background = options.background ?? '#ffffff';
  const plugins = [
    ...(config.plugins ?? []),
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
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
