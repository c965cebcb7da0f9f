import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * index.html: a local preview of the report comment as GitHub shows it. The Markdown goes through
 * the same steps GitHub's pipeline takes (GFM, raw HTML allowed, then a sanitizer modelled on
 * GitHub's), and the result sits in a frame styled like a pull-request comment with GitHub's own
 * Markdown stylesheet (github-markdown-css, light). The page loads nothing from the network and
 * needs no JavaScript: it works from a CI artifact, offline, with images next to it.
 */

export const MARKDOWN_STYLESHEET_FILE = 'github-markdown-light.css';

export interface HtmlPreviewOptions {
  /** The page's <title>: the report's title. */
  title: string;
  /** Who the comment appears to come from; `github-actions` (the bot the actions post as). */
  author?: string;
  /** The Markdown stylesheet's text; the bundled github-markdown-css by default (tests, custom themes). */
  stylesheet?: string;
}

/**
 * The bundled stylesheets: next to the sources in a checkout, or next to the bundle in dist/
 * (the same search as the chart fonts, see fontDirectory()).
 *
 * Located at run time rather than inlined by a build step: the sources run unbuilt under tsx and
 * jest, and a dist bundle copies `assets/` next to itself anyway for the fonts.
 */
export function stylesheetDirectory(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../../assets/css'), join(here, 'assets/css'), join(here, '../assets/css')];
  const found = candidates.find((dir) => existsSync(join(dir, MARKDOWN_STYLESHEET_FILE)));
  if (found === undefined)
    throw new Error(`mlci's report stylesheet is missing: looked in ${candidates.join(', ')}`);
  return found;
}

let bundledStylesheet: string | undefined;

/** github-markdown-css, read once per process: the file never changes while mlci runs. */
export function markdownStylesheet(): string {
  bundledStylesheet ??= readFileSync(join(stylesheetDirectory(), MARKDOWN_STYLESHEET_FILE), 'utf8');
  return bundledStylesheet;
}

/** A minimal view of hast nodes: enough to wrap images, without depending on @types/hast. */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/**
 * GitHub wraps every image that is not already a link in a link to the image itself (a click shows
 * the chart at full size). Runs after the sanitizer: it only adds what GitHub adds.
 */
function linkImages() {
  const visit = (node: HastNode, insideLink: boolean): void => {
    const children = node.children;
    if (children === undefined) return;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const src = child.properties?.['src'];
      if (child.type === 'element' && child.tagName === 'img' && !insideLink && typeof src === 'string') {
        children[i] = {
          type: 'element',
          tagName: 'a',
          properties: { href: src, target: '_blank', rel: ['noopener', 'noreferrer'] },
          children: [child],
        };
      } else {
        visit(child, insideLink || (child.type === 'element' && child.tagName === 'a'));
      }
    }
  };
  return (tree: HastNode) => visit(tree, false);
}

/**
 * GitHub-flavoured Markdown to sanitized HTML, as GitHub renders a comment body: tables,
 * <details>, images with relative sources survive; scripts, event handlers, javascript: URLs and
 * HTML comments (the report's hidden marker) do not.
 */
export function markdownToHtml(markdown: string): string {
  const html = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize)
    .use(linkImages)
    .use(rehypeStringify)
    .processSync(markdown);
  return String(html);
}

/** Text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The frame around the comment, after GitHub's timeline: avatar on the left, a bordered box with a
 * grey header, the body at ~ the real comment width. Narrow windows drop the avatar as GitHub does.
 * Long words in text wrap (github-markdown-css's `word-wrap: break-word`), but not inside table
 * cells: wide tables scroll inside their own box (`display: block; overflow: auto`), as on GitHub.
 */
const FRAME_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { background: #ffffff; }
body {
  margin: 0;
  color: #1f2328;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  font-size: 14px;
  line-height: 1.5;
}
.mlci-page { max-width: 952px; margin: 0 auto; padding: 24px 16px 48px; }
.mlci-note {
  margin: 0 0 24px;
  padding: 12px 16px;
  border: 1px solid #54aeff66;
  border-radius: 6px;
  background: #ddf4ff;
  color: #1f2328;
}
.mlci-note code {
  padding: 0.2em 0.4em;
  border-radius: 6px;
  background: #afb8c133;
  font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
  font-size: 85%;
}
.mlci-comment { display: flex; align-items: flex-start; gap: 16px; }
.mlci-avatar { flex: 0 0 40px; width: 40px; height: 40px; border-radius: 50%; overflow: hidden; }
.mlci-avatar svg { display: block; }
.mlci-box {
  position: relative;
  flex: 1 1 auto;
  min-width: 0;
  max-width: 880px;
  border: 1px solid #d1d9e0;
  border-radius: 6px;
  background: #ffffff;
}
.mlci-box::before, .mlci-box::after {
  content: "";
  position: absolute;
  top: 11px;
  right: 100%;
  border: 8px solid transparent;
}
.mlci-box::before { border-right-color: #d1d9e0; }
.mlci-box::after { margin-right: -1px; border-right-color: #f6f8fa; }
.mlci-header {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 4px;
  padding: 8px 16px;
  border-bottom: 1px solid #d1d9e0;
  border-radius: 6px 6px 0 0;
  background: #f6f8fa;
  color: #59636e;
}
.mlci-author { color: #1f2328; font-weight: 600; }
.mlci-bot {
  padding: 0 7px;
  border: 1px solid #d1d9e0;
  border-radius: 2em;
  font-size: 12px;
  font-weight: 500;
  line-height: 18px;
}
.mlci-box > .markdown-body { padding: 16px; border-radius: 0 0 6px 6px; }
@media (max-width: 543px) {
  .mlci-avatar { display: none; }
  .mlci-box::before, .mlci-box::after { display: none; }
}
`;

/** The github-actions avatar, drawn inline: a page that loads nothing cannot fetch the real one. */
const AVATAR_SVG =
  '<svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true">' +
  '<rect width="40" height="40" fill="#2088ff"/>' +
  '<circle cx="20" cy="20" r="11" fill="none" stroke="#ffffff" stroke-width="2.5"/>' +
  '<path d="M17 14.5v11l9-5.5z" fill="#ffffff"/></svg>';

/**
 * A complete HTML document showing `markdown` as a GitHub pull-request comment. Deterministic: the
 * same Markdown and options give the same bytes (no dates, no random ids).
 *
 * The Content-Security-Policy lets the page load images (relative files next to index.html, or the
 * hosted copies) and its own inline styles, and nothing else: no scripts, fonts or connections.
 */
export function renderHtmlPreview(markdown: string, options: HtmlPreviewOptions): string {
  const title = escapeHtml(options.title);
  const author = escapeHtml(options.author ?? 'github-actions');
  // A stylesheet cannot end the <style> element early, whatever text it is given.
  const stylesheet = (options.stylesheet ?? markdownStylesheet()).trim().replace(/<\/style/gi, '<\\/style');
  const body = markdownToHtml(markdown);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src * data:; style-src 'unsafe-inline'">
<meta name="generator" content="mlci">
<title>${title}</title>
<style>
${stylesheet}
</style>
<style>${FRAME_CSS}</style>
</head>
<body>
<main class="mlci-page">
<p class="mlci-note">Local preview of the pull-request comment <strong>${title}</strong>. GitHub renders the
same Markdown (<code>report.md</code>) with its own sanitizer; emoji shortcodes, @mentions, issue links and
the dark theme differ.</p>
<div class="mlci-comment">
<div class="mlci-avatar">${AVATAR_SVG}</div>
<div class="mlci-box">
<div class="mlci-header"><span class="mlci-author">${author}</span><span class="mlci-bot">bot</span><span>commented</span></div>
<div class="markdown-body">
${body}
</div>
</div>
</div>
</main>
</body>
</html>
`;
}
