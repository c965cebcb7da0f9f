import type { ChartConfiguration } from 'chart.js';
import type { RenderOptions } from './charts/render.js';
import type { HtmlPreviewOptions } from './html.js';

export type { RenderOptions, HtmlPreviewOptions };

/** Renders a chart.js configuration to PNG bytes (see charts/render.ts), loading the renderer on first use. */
export async function renderChart(config: ChartConfiguration, options: RenderOptions): Promise<Buffer> {
  return (await import('./charts/render.js')).renderChart(config, options);
}

/** The index.html preview of a report's Markdown (see html.ts), loading the HTML stack on first use. */
export async function renderHtmlPreview(markdown: string, options: HtmlPreviewOptions): Promise<string> {
  return (await import('./html.js')).renderHtmlPreview(markdown, options);
}
