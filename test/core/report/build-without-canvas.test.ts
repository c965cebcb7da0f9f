import { jest } from '@jest/globals';

// As on a platform the committed dist/ has no canvas binary for (Alpine's musl, macOS x64).
jest.unstable_mockModule('@napi-rs/canvas', () => {
  throw new Error('Cannot find module @napi-rs/canvas-darwin-arm64');
});

const { buildReport } = await import('../../../packages/core/src/report/build.js');
const { runComparison } = await import('../../../packages/core/src/compare/pipeline.js');
const { emptyConfig } = await import('../../../packages/core/src/config/config.js');
const { emptyDoc } = await import('../../../packages/core/src/model.js');

describe('buildReport where charts cannot be drawn', () => {
  it('still writes the report, without charts, and says why', async () => {
    const head = { ...emptyDoc(), metrics: { accuracy: 0.9 } };
    const base = { ...emptyDoc(), metrics: { accuracy: 0.8 } };
    const comparison = runComparison({
      head: { runs: [head] },
      base: { runs: [base] },
      config: emptyConfig(),
    });
    const report = await buildReport({ comparison, head: [head], base: [base] });
    expect(report.charts).toEqual([]);
    expect(report.markdown).toContain('No charts: charts cannot be drawn on');
    expect(report.markdown).toContain('the canvas library did not load (Cannot find module');
    expect(report.markdown).toContain('accuracy');
  });
});
