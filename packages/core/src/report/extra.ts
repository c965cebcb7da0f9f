import { posix } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { escapeMarkdownText } from './escape.js';
import type { ExtraImage, ExtraPlacement, ExtraSection } from './model.js';
import type * as Canvas from '@napi-rs/canvas';

type CanvasModule = typeof Canvas;

/**
 * The team's own content in the report (`report.sections`, the report action's `extra` input,
 * `mlci report --extra`): Markdown files and images, read through a reader the caller gives (the
 * CLI and the action read the workspace; tests give a map), checked, size-capped and turned into
 * ExtraSections plus the bytes of the images they show. See docs/extra-content.md.
 *
 * Nothing here is trusted: the files come from the pull request. Images must be files of the
 * workspace (PNG, JPEG, or SVG rendered to PNG, told apart by their bytes) with alt text; raw HTML
 * must be what GitHub's sanitiser keeps (checked with rehype-sanitize, the sanitiser of the
 * preview, never a second one) and must close what it opens, so a section cannot swallow or
 * restyle the rest of the report; HTML comments are dropped, since the report's hidden marker is
 * one and the actions find their comment by it.
 */

export const EXTRA_PLACEMENTS: readonly ExtraPlacement[] = ['top', 'after-summary', 'bottom'];

/** The caps, documented in docs/extra-content.md. */
export const EXTRA_LIMITS = {
  /** Sections per report. */
  sections: 10,
  /** Characters (UTF-16 units) of one Markdown file: a section explains, the comment holds 65,536. */
  markdownChars: 20_000,
  /** Images in all sections together. */
  images: 10,
  /** Bytes of one image file as read (an SVG's source too) and of an SVG's rendered PNG. */
  imageBytes: 1024 * 1024,
  /** An SVG is drawn at twice its size (sharp on high-density screens), at most this wide and high. */
  svgMaxPixels: 1600,
} as const;

/** One file the team wants in the report, as named in the config, an input or a flag. */
export interface ExtraRequest {
  /** Workspace-relative, `/`-separated. */
  file: string;
  placement?: ExtraPlacement;
  title?: string;
  folded?: boolean;
  /** Alt text, for an image given directly (a Markdown file gives each image's in `![alt](path)`). */
  alt?: string;
  /** Where it was named, for errors: `.mlci.yml:12:5: report.sections[0]`, `--extra`, `input extra`. */
  from: string;
}

/** An image's bytes, written next to report.md and uploaded with the charts. */
export interface ExtraImageFile {
  file: string;
  bytes: Buffer;
}

export interface ExtraContent {
  sections: ExtraSection[];
  images: ExtraImageFile[];
}

/**
 * Reads a workspace-relative path (already checked to stay inside the workspace). Returns at most
 * `maxBytes + 1` bytes, so a huge file is refused without being read whole; throws a
 * ConfigurationError naming the path when it is missing, a folder or leads outside the workspace.
 */
export type ExtraReader = (path: string, maxBytes: number) => Promise<Buffer>;

/** `reports/shap.md` or `reports/shap.md@after-summary` (the flag's and the input's syntax). */
export function parseExtraArgument(text: string, from: string): ExtraRequest {
  const trimmed = text.trim();
  const at = /^(.*)@([a-z-]+)$/.exec(trimmed);
  let file = trimmed;
  let placement: ExtraPlacement | undefined;
  if (at !== null) {
    if (!(EXTRA_PLACEMENTS as readonly string[]).includes(at[2]!))
      throw new ConfigurationError(
        `${from}: ${JSON.stringify(trimmed)}: unknown placement "${at[2]}"; expected FILE or FILE@PLACEMENT with ${EXTRA_PLACEMENTS.join(', ')}`,
      );
    file = at[1]!;
    placement = at[2] as ExtraPlacement;
  }
  if (file === '')
    throw new ConfigurationError(
      `${from}: ${JSON.stringify(trimmed)}: expected a file, such as reports/shap.md@bottom`,
    );
  return { file, ...(placement !== undefined ? { placement } : {}), from };
}

/**
 * `path` (relative to the folder `base`, both `/`-separated) as a workspace-relative path, or an
 * error when it is absolute, a URL, or climbs out of the workspace.
 */
export function workspacePath(path: string, base: string, where: string): string {
  if (
    /^[A-Za-z]:[\\/]/.test(path) ||
    (path.startsWith('/') && !path.startsWith('//')) ||
    path.startsWith('\\')
  )
    throw new ConfigurationError(
      `${where}: ${JSON.stringify(path)} is an absolute path; expected a path relative to the file that names it, inside the workspace`,
    );
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//'))
    throw new ConfigurationError(
      `${where}: ${JSON.stringify(path)} is a URL; expected a file of the repository (remote images are not shown: download it into the repository)`,
    );
  const joined = posix.normalize(posix.join(base, path.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../'))
    throw new ConfigurationError(
      `${where}: ${JSON.stringify(path)} leads outside the workspace; expected a file inside it`,
    );
  if (joined === '.' || joined.endsWith('/'))
    throw new ConfigurationError(`${where}: ${JSON.stringify(path)} is a folder; expected a file`);
  return joined;
}

type ImageKind = 'png' | 'jpeg' | 'svg';

/** By the bytes, never the name: a `.png` that is HTML is refused. */
export function imageKind(bytes: Uint8Array): ImageKind | undefined {
  if (bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).equals(PNG_SIGNATURE)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const head = Buffer.from(bytes.subarray(0, 4096))
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*>\s*)?((<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<svg[\s>]/i.test(head)) return 'svg';
  return undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads, checks and lays out every requested file. The same files give the same bytes. */
export async function buildExtraSections(
  requests: readonly ExtraRequest[],
  read: ExtraReader,
): Promise<ExtraContent> {
  if (requests.length > EXTRA_LIMITS.sections)
    throw new ConfigurationError(
      `${requests[EXTRA_LIMITS.sections]!.from}: at most ${EXTRA_LIMITS.sections} sections of the team's own content per report, found ${requests.length}`,
    );
  const images = new ImageStore(read);
  const sections: ExtraSection[] = [];
  for (const request of requests) {
    const file = workspacePath(request.file, '', request.from);
    const bytes = await read(file, Math.max(EXTRA_LIMITS.imageBytes, EXTRA_LIMITS.markdownChars * 4));
    const placement = request.placement ?? 'bottom';
    const folded = request.folded ?? placement === 'bottom';
    if (imageKind(bytes) !== undefined) {
      const alt = request.alt?.trim() ?? '';
      if (alt === '')
        throw new ConfigurationError(
          `${request.from}: ${file} is an image and has no alt text; give it alt: (in report.sections), or show it from a Markdown file as ![what it shows](${posix.basename(file)})`,
        );
      const image = await images.add(file, alt, `${request.from}: ${file}`);
      sections.push({
        placement,
        title: request.title ?? image.alt,
        markdown: `![${escapeMarkdownText(image.alt)}](${image.file})`,
        folded,
        source: file,
        images: [image],
      });
      continue;
    }
    if (request.alt !== undefined)
      throw new ConfigurationError(
        `${request.from}: alt: is for an image, and ${file} is not a PNG, JPEG or SVG; a Markdown file gives each image's alt text in ![alt](path)`,
      );
    const text = markdownText(bytes, file);
    const { markdown, heading, shown } = await checkMarkdown(text, file, images);
    sections.push({
      placement,
      title: request.title ?? heading ?? posix.basename(file).replace(/\.(md|markdown|txt)$/i, ''),
      markdown,
      folded,
      source: file,
      images: shown,
    });
  }
  return { sections, images: images.files };
}

function markdownText(bytes: Buffer, file: string): string {
  if (bytes.includes(0))
    throw new ConfigurationError(
      `${file}: expected a Markdown file or a PNG, JPEG or SVG image; found binary data`,
    );
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  if (text.length > EXTRA_LIMITS.markdownChars)
    throw new ConfigurationError(
      `${file}: ${text.length > EXTRA_LIMITS.markdownChars * 2 ? 'more than ' : ''}${Math.min(text.length, EXTRA_LIMITS.markdownChars * 2).toLocaleString('en-US')} characters; a section of the report holds at most ${EXTRA_LIMITS.markdownChars.toLocaleString('en-US')} (link to the rest, or split it)`,
    );
  return text.replace(/\r\n?/g, '\n');
}

/** The images of every section, each file read, checked and named once. */
class ImageStore {
  readonly files: ExtraImageFile[] = [];
  private readonly byPath = new Map<string, { file: string; width?: number; height?: number }>();
  constructor(private readonly read: ExtraReader) {}

  async add(path: string, alt: string, where: string): Promise<ExtraImage> {
    let stored = this.byPath.get(path);
    if (stored === undefined) {
      if (this.byPath.size >= EXTRA_LIMITS.images)
        throw new ConfigurationError(
          `${where}: more than ${EXTRA_LIMITS.images} images in the team's own sections; a report shows at most ${EXTRA_LIMITS.images}`,
        );
      const bytes = await this.read(path, EXTRA_LIMITS.imageBytes);
      if (bytes.length > EXTRA_LIMITS.imageBytes)
        throw new ConfigurationError(
          `${where}: more than ${EXTRA_LIMITS.imageBytes / 1024 / 1024} MiB; an image in the report is at most ${EXTRA_LIMITS.imageBytes / 1024 / 1024} MiB (shrink or compress it)`,
        );
      const kind = imageKind(bytes);
      if (kind === undefined)
        throw new ConfigurationError(
          `${where}: ${path} is not a PNG, JPEG or SVG image (by its contents, whatever its name)`,
        );
      const index = this.byPath.size + 1;
      const stem = posix
        .basename(path)
        .replace(/\.[^.]*$/, '')
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40);
      const name = `extra-${index}${stem === '' ? '' : `-${stem}`}.${kind === 'jpeg' ? 'jpg' : 'png'}`;
      let out: { bytes: Buffer; width?: number; height?: number };
      if (kind === 'svg') out = await svgToPng(bytes, `${where}: ${path}`);
      else out = { bytes, ...(kind === 'png' ? pngSize(bytes) : jpegSize(bytes)) };
      if (out.bytes.length > EXTRA_LIMITS.imageBytes)
        throw new ConfigurationError(
          `${where}: ${path} rendered to a PNG of more than ${EXTRA_LIMITS.imageBytes / 1024 / 1024} MiB; give it a smaller width and height`,
        );
      stored = { file: name };
      if (out.width !== undefined) stored.width = out.width;
      if (out.height !== undefined) stored.height = out.height;
      this.byPath.set(path, stored);
      this.files.push({ file: name, bytes: out.bytes });
    }
    return { ...stored, alt };
  }
}

function pngSize(bytes: Buffer): { width?: number; height?: number } {
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return {};
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The size in a JPEG's start-of-frame segment; undefined parts when it cannot be found. */
function jpegSize(bytes: Buffer): { width?: number; height?: number } {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return {};
    const marker = bytes[i + 1]!;
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  return {};
}

/**
 * An SVG drawn to PNG with the canvas the charts use (Skia), on white like the charts so it reads
 * on GitHub's dark theme too, at twice its size (at most EXTRA_LIMITS.svgMaxPixels a side). Written
 * by the charts' own PNG encoder: no time stamp, so the same SVG gives the same bytes.
 */
async function svgToPng(
  svg: Buffer,
  where: string,
): Promise<{ bytes: Buffer; width: number; height: number }> {
  let canvasModule: CanvasModule;
  try {
    canvasModule = await import('@napi-rs/canvas');
  } catch (error) {
    throw new ConfigurationError(
      `${where}: an SVG is drawn to PNG with the canvas library, which did not load on ${process.platform}-${process.arch} (${(error as Error).message.split('\n')[0]}); commit a PNG instead`,
    );
  }
  const { encodePng } = await import('./charts/render.js');
  const image = new canvasModule.Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = (error: unknown) => reject(error);
    image.src = svg;
  }).catch((error: unknown) => {
    throw new ConfigurationError(
      `${where}: the SVG could not be drawn (${error instanceof Error ? error.message : String(error)}); expected an SVG with a width and height or a viewBox`,
    );
  });
  if (!(image.width > 0 && image.height > 0))
    throw new ConfigurationError(
      `${where}: the SVG has no size; give its <svg> a width and height or a viewBox`,
    );
  const scale = Math.min(
    2,
    EXTRA_LIMITS.svgMaxPixels / image.width,
    EXTRA_LIMITS.svgMaxPixels / image.height,
  );
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = canvasModule.createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  const pixels = context.getImageData(0, 0, width, height);
  return { bytes: encodePng(pixels.data, width, height), width, height };
}

// ---------------------------------------------------------------------------------------------
// Markdown

interface Point {
  line: number;
  offset?: number;
}
interface MdNode {
  type: string;
  url?: string;
  alt?: string | null;
  value?: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: Point; end: Point };
}
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  position?: { start: Point; end: Point };
}

/** Elements that never have a closing tag. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/**
 * The team's Markdown as the report shows it: images checked and pointed at their files in the
 * report folder, HTML comments dropped, everything else as written. A first `# Heading` becomes
 * the section's title (and leaves the body, so it is not shown twice).
 */
async function checkMarkdown(
  text: string,
  source: string,
  images: ImageStore,
): Promise<{ markdown: string; heading?: string; shown: ExtraImage[] }> {
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
  ]);
  const processor = unified().use(remarkParse).use(remarkGfm);
  const tree = processor.runSync(processor.parse(text)) as unknown as MdNode;
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const htmlRanges: Array<[number, number]> = [];
  const openTags: Array<{ tag: string; line: number }> = [];
  const shown: ExtraImage[] = [];
  const at = (node: MdNode): string => `${source}:${node.position?.start.line ?? 1}`;
  const range = (node: MdNode): [number, number] => [
    node.position?.start.offset ?? 0,
    node.position?.end.offset ?? 0,
  ];

  let heading: string | undefined;
  const first = tree.children?.[0];
  if (first?.type === 'heading' && first.depth === 1) {
    heading = plainText(first).trim() || undefined;
    if (heading !== undefined) edits.push({ start: range(first)[0], end: range(first)[1], text: '' });
  }

  const visit = async (node: MdNode): Promise<void> => {
    switch (node.type) {
      case 'image': {
        const alt = (node.alt ?? '').trim();
        if (alt === '')
          throw new ConfigurationError(
            `${at(node)}: the image ${JSON.stringify(node.url ?? '')} has no alt text; write ![what it shows](${node.url ?? ''}): a reader who cannot see it, and GitHub when it cannot load it, show the alt text instead`,
          );
        const path = workspacePath(decodePath(node.url ?? ''), posix.dirname(source), `${at(node)}: image`);
        const image = await images.add(path, alt, at(node));
        if (!shown.some((s) => s.file === image.file)) shown.push(image);
        const [start, end] = range(node);
        edits.push({ start, end, text: `![${escapeMarkdownText(alt)}](${image.file})` });
        return;
      }
      case 'imageReference':
        throw new ConfigurationError(
          `${at(node)}: a reference-style image (![alt][name]); write it as ![alt](path) so mlci can check and upload the file`,
        );
      case 'html': {
        const value = node.value ?? '';
        const [start, end] = range(node);
        if (/^<!--[\s\S]*?-->\s*$/.test(value)) {
          edits.push({ start, end, text: '' });
          return;
        }
        if (value.includes('<!--'))
          throw new ConfigurationError(
            `${at(node)}: an HTML comment inside other HTML; put comments on their own (they are dropped from the report, whose hidden marker is one)`,
          );
        if (/<img\b/i.test(value))
          throw new ConfigurationError(
            `${at(node)}: an HTML <img>; write images as ![alt](path) so mlci can check, size-cap and upload the file`,
          );
        htmlRanges.push([start, end]);
        balanceTags(value, node.position?.start.line ?? 1, source, openTags);
        return;
      }
      case 'code': {
        const [start, end] = range(node);
        const fence = /^ {0,3}(`{3,}|~{3,})/.exec(text.slice(start, end));
        const lines = text.slice(start, end).split('\n');
        const last = lines[lines.length - 1]!.trim();
        if (
          fence !== null &&
          (lines.length < 2 || !last.startsWith(fence[1]!) || last.replace(/[`~]/g, '') !== '')
        )
          throw new ConfigurationError(
            `${at(node)}: a code block opened with ${fence[1]} is never closed; it would swallow the rest of the report`,
          );
        return;
      }
      default:
        for (const child of node.children ?? []) await visit(child);
    }
  };
  for (const child of tree.children ?? []) await visit(child);
  const open = openTags[openTags.length - 1];
  if (open !== undefined)
    throw new ConfigurationError(
      `${source}:${open.line}: <${open.tag}> is never closed; close it in the same file, or it would swallow the rest of the report`,
    );
  if (htmlRanges.length > 0) await checkSanitised(tree, source, htmlRanges);

  edits.sort((a, b) => a.start - b.start);
  let markdown = '';
  let from = 0;
  for (const edit of edits) {
    markdown += text.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  markdown += text.slice(from);
  markdown = markdown.replace(/\n{3,}/g, '\n\n').trim();
  return { markdown, ...(heading !== undefined ? { heading } : {}), shown };
}

function plainText(node: MdNode): string {
  if (typeof node.value === 'string') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  return (node.children ?? []).map(plainText).join('');
}

function decodePath(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** Every tag raw HTML opens is closed in the same file, in order (a <details> around Markdown spans several nodes). */
function balanceTags(
  html: string,
  firstLine: number,
  source: string,
  open: Array<{ tag: string; line: number }>,
): void {
  const tags = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  for (const match of html.matchAll(tags)) {
    const line = firstLine + (html.slice(0, match.index).match(/\n/g)?.length ?? 0);
    const tag = match[2]!.toLowerCase();
    if (VOID_ELEMENTS.has(tag) || match[3] === '/') continue;
    if (match[1] !== '/') {
      open.push({ tag, line });
      continue;
    }
    const top = open.pop();
    if (top?.tag !== tag)
      throw new ConfigurationError(
        top === undefined
          ? `${source}:${line}: </${tag}> closes nothing opened in this file; it would close part of the report`
          : `${source}:${line}: </${tag}> closes <${top.tag}> (line ${top.line}); expected </${top.tag}> first`,
      );
  }
}

/**
 * Raw HTML must come through GitHub's sanitiser unchanged: an element or attribute it removes
 * (a <script>, a style=, an onclick=, a javascript: link) is an error that names it, rather than
 * a section that shows differently on GitHub than the team wrote it. The judge is rehype-sanitize
 * with its default schema (GitHub's), the same step the index.html preview runs.
 */
async function checkSanitised(
  tree: MdNode,
  source: string,
  htmlRanges: Array<[number, number]>,
): Promise<void> {
  const [{ unified }, { default: remarkRehype }, { default: rehypeRaw }, { default: rehypeSanitize }] =
    await Promise.all([
      import('unified'),
      import('remark-rehype'),
      import('rehype-raw'),
      import('rehype-sanitize'),
    ]);
  const hast = unified()
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .runSync(structuredClone(tree) as never) as unknown as HastNode;
  const sanitizer = unified().use(rehypeSanitize);
  const fromHtml = (node: HastNode): boolean => {
    const offset = node.position?.start.offset;
    return offset !== undefined && htmlRanges.some(([start, end]) => offset >= start && offset < end);
  };
  const visit = (node: HastNode): void => {
    if (node.type === 'element' && fromHtml(node)) {
      const alone: HastNode = {
        type: 'element',
        tagName: node.tagName!,
        properties: { ...node.properties },
        children: [],
      };
      const kept = (sanitizer.runSync({ type: 'root', children: [alone] } as never) as unknown as HastNode)
        .children?.[0];
      const where = `${source}:${node.position?.start.line ?? 1}`;
      if (kept?.type !== 'element' || kept.tagName !== node.tagName)
        throw new ConfigurationError(
          `${where}: <${node.tagName}> is removed by GitHub's sanitiser; use Markdown, or HTML that GitHub keeps (details, summary, sub, sup, kbd, table, ...)`,
        );
      const lost = Object.keys(node.properties ?? {}).filter((key) => !(key in (kept.properties ?? {})));
      if (lost.length > 0)
        throw new ConfigurationError(
          `${where}: <${node.tagName}> ${lost.map(attributeName).join(', ')} ${lost.length === 1 ? 'is' : 'are'} removed by GitHub's sanitiser (styles, scripts and non-http links are); leave ${lost.length === 1 ? 'it' : 'them'} out`,
        );
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(hast);
}

/** hast's property name as the attribute the team wrote: className -> class, onClick -> onclick. */
function attributeName(property: string): string {
  if (property === 'className') return 'class=';
  if (property === 'htmlFor') return 'for=';
  return `${property.replace(/^(aria|data)([A-Z])/, (_m, p: string, c: string) => `${p}-${c.toLowerCase()}`).toLowerCase()}=`;
}
