import { createHash } from 'node:crypto';
import { readMetricsPath } from '../../../../packages/core/src/readers/registry.js';
import { runComparison } from '../../../../packages/core/src/compare/pipeline.js';
import { emptyConfig } from '../../../../packages/core/src/config/config.js';
import { changeChart } from '../../../../packages/core/src/report/charts/change.js';
import { curveCharts, SIDE_COLORS } from '../../../../packages/core/src/report/charts/curves.js';
import { historyChart } from '../../../../packages/core/src/report/charts/history.js';
import { tableCrc32 } from '../../../../packages/core/src/crc32.js';
import { encodePng, renderChart } from '../../../../packages/core/src/report/charts/render.js';
import {
  CHART_PIXEL_RATIO,
  OKABE_ITO,
  STATUS_COLORS,
  type ChartSpec,
} from '../../../../packages/core/src/report/charts/theme.js';
import { emptyDoc } from '../../../../packages/core/src/model.js';
import { countColor, decodePng, pixelAt } from '../../../support/png.js';
import { docWith, lossCurve } from './helpers.js';

const WHISPER = 'test/fixtures/real/hf-trainer/whisper-ja/trainer_state.json';

function render(spec: ChartSpec): Promise<Buffer> {
  return renderChart(spec.config, { width: spec.width, height: spec.height, pixelRatio: CHART_PIXEL_RATIO });
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The plot area, roughly: inside the axes, below the title and the legend (y < 140), in PNG pixels. */
const PLOT = { x0: 160, y0: 150, x1: 1560, y1: 600 };

/** The reference chart: generated data only, so reader changes cannot move its hash. */
function referenceSpec(): ChartSpec {
  const head = docWith({ train_loss: lossCurve(300, 2.5, 0.02), val_loss: lossCurve(300, 2.6, 0.08) });
  const base = docWith({
    train_loss: lossCurve(300, 2.5, 0.03, 0.012),
    val_loss: lossCurve(300, 2.6, 0.1, 0.012),
  });
  return curveCharts([head], [base])[0]!;
}

describe('rendering chart specs to PNG', () => {
  it("renders the whisper-ja loss chart at 2x, on white, with both sides' colours in the plot", async () => {
    const head = await readMetricsPath(WHISPER);
    // A baseline 30% higher, so its dashed lines are not hidden under the pull request's.
    const base = {
      ...head,
      series: Object.fromEntries(
        Object.entries(head.series).map(([k, s]) => [
          k,
          { ...s, points: s.points.map((p) => ({ ...p, value: p.value * 1.3 })) },
        ]),
      ),
    };
    const spec = curveCharts([head], [base]).find((s) => s.file === 'curve-loss.png')!;
    const png = decodePng(await render(spec));
    expect([png.width, png.height]).toEqual([1600, 720]);
    expect(png.colorType).toBe(6);
    // Opaque: the background is painted, so the chart reads the same on dark and light pages.
    let opaque = true;
    for (let i = 3; i < png.data.length; i += 4) if (png.data[i] !== 255) opaque = false;
    expect(opaque).toBe(true);
    expect(png.chunks).toEqual(['IHDR', 'IDAT', 'IEND']); // no time stamp or other varying chunk
    for (const [x, y] of [
      [0, 0],
      [1599, 0],
      [0, 719],
      [1599, 719],
      [800, 5],
    ] as const)
      expect(pixelAt(png, x, y)).toEqual([255, 255, 255, 255]);
    expect(countColor(png, SIDE_COLORS.head, PLOT)).toBeGreaterThan(1000);
    expect(countColor(png, SIDE_COLORS.base, PLOT)).toBeGreaterThan(300);
  });

  it('renders the change chart at its dynamic height with both status colours', async () => {
    const dvc = 'test/fixtures/real/dvc';
    const comparison = runComparison({
      head: { runs: [await readMetricsPath(`${dvc}/churn-metrics-nested-rev-01b7b1c.json`)] },
      base: { runs: [await readMetricsPath(`${dvc}/churn-metrics-nested-rev-c4404a0.json`)] },
      config: emptyConfig(),
    });
    const spec = changeChart(comparison)!;
    const png = decodePng(await render(spec));
    expect([png.width, png.height]).toEqual([1600, spec.height * 2]);
    expect(pixelAt(png, 0, 0)).toEqual([255, 255, 255, 255]);
    expect(countColor(png, STATUS_COLORS.regressed)).toBeGreaterThan(2000);
    expect(countColor(png, STATUS_COLORS.improved)).toBeGreaterThan(2000);
  });

  it('renders a history chart', async () => {
    const history = [0.9, 0.91, 0.905].map((accuracy, i) => ({
      label: `c${i}`,
      doc: { ...emptyDoc(), metrics: { accuracy } },
    }));
    const spec = historyChart(history, ['accuracy'], {
      label: 'PR',
      doc: { ...emptyDoc(), metrics: { accuracy: 0.93 } },
    })!;
    const png = decodePng(await render(spec));
    expect([png.width, png.height]).toEqual([1600, 640]);
    expect(countColor(png, OKABE_ITO.blue)).toBeGreaterThan(500);
  });

  it('is deterministic: the same spec gives the same bytes, and the reviewed reference hash', async () => {
    const first = await render(referenceSpec());
    const second = await render(referenceSpec());
    expect(first.equals(second)).toBe(true);
    const png = decodePng(first);
    expect([png.width, png.height]).toEqual([1600, 720]);
    // Reviewed by looking at the chart. When the renderer, the theme or chart.js changes the
    // picture ON PURPOSE, write it out (fs.writeFileSync('/tmp/reference.png', first)), look at it,
    // and paste the new hashes here. The pixel hash separates the two causes of a change: if only
    // the file hash moved, the PNG encoding (zlib) differs while the picture is the same.
    expect({ pixels: sha256(png.data), file: sha256(first) }).toEqual({
      pixels: '8cd6b94daaffc5b6feffeed52360f688c855ea37a49471d02168e4bc28116a70',
      file: '4345755df4b3f1633c90e36557ef25cdae246acbfb45e3d3a10caf301ca3849e',
    });
  });
});

describe('encodePng', () => {
  it('round-trips straight RGBA, translucent pixels included', () => {
    const width = 7;
    const height = 5;
    const pixels = new Uint8Array(width * height * 4);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37) % 256;
    const decoded = decodePng(encodePng(pixels, width, height));
    expect(decoded.colorType).toBe(6);
    expect(Array.from(decoded.data)).toEqual(Array.from(pixels));
    // Not 4-byte aligned (a slice of a pooled Buffer), or clamped as getImageData gives them: the same.
    const unaligned = new Uint8Array(pixels.length + 1).subarray(1);
    unaligned.set(pixels);
    expect(Array.from(decodePng(encodePng(unaligned, width, height)).data)).toEqual(Array.from(pixels));
    const clamped = new Uint8ClampedArray(pixels);
    expect(Array.from(decodePng(encodePng(clamped, width, height)).data)).toEqual(Array.from(pixels));
  });

  it('gives the same bytes whatever was encoded before it (its rows buffer is reused between charts)', () => {
    const picture = (width: number, height: number, seed: number) => {
      const pixels = new Uint8Array(width * height * 4);
      for (let i = 0; i < pixels.length; i++) pixels[i] = (i * seed + (i >> 7)) % 256;
      return pixels;
    };
    const small = picture(300, 40, 31);
    const first = encodePng(small, 300, 40);
    // Larger than the buffer's first size (1600x1200), in both directions: no byte of it may
    // be left in the rows of the smaller picture, filter bytes included.
    const large = picture(1700, 1300, 251);
    expect(Buffer.from(decodePng(encodePng(large, 1700, 1300)).data).equals(Buffer.from(large))).toBe(true);
    const again = encodePng(small, 300, 40);
    expect(again.equals(first)).toBe(true);
    expect(Array.from(decodePng(again).data)).toEqual(Array.from(small));
  });

  it('writes a translucent chart background as straight RGBA, not premultiplied', async () => {
    const spec = referenceSpec();
    const png = decodePng(
      await renderChart(spec.config, {
        width: 100,
        height: 50,
        pixelRatio: 1,
        background: 'rgba(200, 0, 0, 0.5)',
      }),
    );
    // Premultiplied it would read (100, 0, 0, 128): half as red. Skia keeps premultiplied 8-bit
    // pixels, so 200 comes back as 199 (100 * 255 / 128).
    const [red, green, blue, alpha] = pixelAt(png, 0, 0);
    expect([green, blue, alpha]).toEqual([0, 0, 128]);
    expect(red).toBeGreaterThanOrEqual(199);
  });

  it("computes PNG's CRC-32 without zlib's (Node 20 before 20.15) as zlib does", async () => {
    const { crc32 } = (await import('node:zlib')) as { crc32?: (b: Uint8Array) => number };
    const bytes = new Uint8Array(1000).map((_, i) => (i * 7919) % 256);
    // The check value of CRC-32 (ISO-HDLC), whatever the running Node has.
    expect(tableCrc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    if (crc32 !== undefined) expect(tableCrc32(bytes)).toBe(crc32(bytes));
  });

  it('refuses a buffer of the wrong size', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(/expected 16 bytes/);
  });
});
