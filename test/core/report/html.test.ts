import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  escapeHtml,
  markdownStylesheet,
  markdownToHtml,
  renderHtmlPreview,
  stylesheetDirectory,
} from '../../../packages/core/src/report/html.js';

const REPORT = `<!-- mlci-report id="mlci" -->
## mlci report

**❌ 1 gate failed** · head \`abc1234\` vs base \`main@def5678\`

| gate | value | threshold | result |
| :--- | ---: | ---: | :---: |
| eval.accuracy | 0.912 | ≥ 0.90 | ✅ |
| eval.loss | 0.41 | ≤ 0.35 | ❌ |

<details>
<summary>All metrics (3)</summary>

| metric | base | head |
| --- | ---: | ---: |
| a | 1 | 2 |
| b | 3 | 4 |
| c | 5 | 6 |

</details>

![Training loss of head and base](curves-loss.png)
`;

/** Counts of each opening tag, so structural assertions do not depend on whitespace. */
function count(html: string, tag: string): number {
  return html.match(new RegExp(`<${tag}[\\s>]`, 'g'))?.length ?? 0;
}

describe('markdownToHtml', () => {
  const html = markdownToHtml(REPORT);

  it('renders GFM tables with their alignment', () => {
    expect(count(html, 'table')).toBe(2);
    // 1 header + 2 body rows, 1 header + 3 body rows
    expect(count(html, 'tr')).toBe(3 + 4);
    expect(html).toContain('<th align="right">value</th>');
    expect(html).toContain('<td align="center">❌</td>');
    expect(html).toContain('<code>abc1234</code>');
  });

  it('keeps <details> and <summary>, with Markdown rendered inside them', () => {
    expect(html).toMatch(/<details>\s*<summary>All metrics \(3\)<\/summary>\s*<table>/);
    expect(html).toContain('</details>');
  });

  it('keeps images with relative sources and links them to themselves, as GitHub does', () => {
    expect(html).toContain(
      '<a href="curves-loss.png" target="_blank" rel="noopener noreferrer">' +
        '<img src="curves-loss.png" alt="Training loss of head and base"></a>',
    );
    const raw = markdownToHtml('<img src="charts/roc.png" alt="ROC" width="400">');
    expect(raw).toContain('<img src="charts/roc.png" alt="ROC" width="400">');
    // An image that already is a link is not wrapped twice.
    const linked = markdownToHtml('[![ROC](roc.png)](https://example.com/run/1)');
    expect(count(linked, 'a')).toBe(1);
    expect(linked).toContain('href="https://example.com/run/1"');
  });

  it('drops the hidden HTML comment marker', () => {
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('mlci-report id');
  });

  it('never lets scripts, event handlers or javascript: URLs through', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src="x.png" onerror="alert(2)">',
      '<img src="javascript:alert(3)">',
      '[click](javascript:alert(4))',
      '<a href="javascript:alert(5)">a</a>',
      '<iframe src="https://example.com"></iframe>',
      '<svg onload="alert(6)"><script>alert(7)</script></svg>',
      '<div style="position:fixed" onclick="alert(8)">x</div>',
      '<details open ontoggle="alert(9)"><summary>s</summary>t</details>',
      '<style>body{display:none}</style>',
      '<object data="x.swf"></object><embed src="x.swf"><form action="/x"><input name="q"></form>',
    ].join('\n\n');
    const out = markdownToHtml(hostile);
    expect(out).not.toMatch(/<script|<iframe|<svg|<style|<object|<embed|<form/i);
    expect(out).not.toMatch(/\son[a-z]+=/i);
    expect(out).not.toMatch(/javascript:/i);
    expect(out).not.toMatch(/alert\(/);
    expect(out).not.toContain('style=');
    // What is harmless survives.
    expect(out).toContain('<img src="x.png">');
    expect(out).toContain('<details open>');
  });

  it('escapes text that looks like HTML in code and in table cells', () => {
    const out = markdownToHtml('| key |\n| --- |\n| `<b>` & a<b |\n\n`</details>`');
    expect(out).toContain('<code>&#x3C;b></code> &#x26; a&#x3C;b');
    expect(out).toContain('<code>&#x3C;/details></code>');
  });
});

describe('renderHtmlPreview', () => {
  const page = renderHtmlPreview(REPORT, { title: 'mlci report' });

  it('is a complete, self-contained document', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<title>mlci report</title>');
    expect(page).toContain('<div class="markdown-body">');
    expect(page).toContain(markdownToHtml(REPORT));
  });

  it('shows the comment frame and says that it is a local preview', () => {
    expect(page).toContain(
      '<span class="mlci-author">github-actions</span><span class="mlci-bot">bot</span>',
    );
    expect(page).toContain('commented');
    expect(page).toMatch(/Local preview of the pull-request comment/);
    const other = renderHtmlPreview('x', { title: 't', author: 'mlci-bot' });
    expect(other).toContain('<span class="mlci-author">mlci-bot</span>');
  });

  it('inlines the bundled github-markdown-css and loads nothing from the network', () => {
    expect(page).toContain('.markdown-body table {');
    expect(page).toContain(markdownStylesheet().trim());
    // No external stylesheet, script or font; the CSP forbids what the sanitizer might miss.
    expect(page).not.toMatch(/<link|<script|@import|@font-face/i);
    expect(page).not.toMatch(/(src|href)="https?:/);
    expect(page).toContain(`default-src 'none'`);
    // The only url(...) values are data: URLs (GitHub's octicon masks).
    for (const m of page.matchAll(/url\(([^)]*)\)/g)) expect(m[1]).toMatch(/^["']?data:/);
  });

  it('escapes the title and author', () => {
    const evil = renderHtmlPreview('x', { title: '</title><script>alert(1)</script>', author: '<b>me</b>' });
    expect(evil).not.toContain('<script>');
    expect(evil).toContain('<title>&#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62;</title>');
    expect(evil).toContain('&#60;b&#62;me&#60;/b&#62;');
  });

  it('keeps a given stylesheet inside its <style> element', () => {
    const out = renderHtmlPreview('x', { title: 't', stylesheet: 'p{}</style><script>alert(1)</script>' });
    expect(out).not.toContain('</style><script>');
    expect(out).toContain('p{}<\\/style><script>');
    expect(count(out, 'style')).toBe(2);
  });

  it('is deterministic', () => {
    expect(renderHtmlPreview(REPORT, { title: 'mlci report' })).toBe(page);
  });
});

describe('bundled stylesheet', () => {
  it('is found next to the sources with its licence and attribution', () => {
    const dir = stylesheetDirectory();
    const css = readFileSync(join(dir, 'github-markdown-light.css'), 'utf8');
    expect(css).toMatch(/github-markdown-css 5\.\d+\.\d+/);
    expect(css).toContain('Sindre Sorhus');
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toContain('MIT License');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;',
    );
  });
});
