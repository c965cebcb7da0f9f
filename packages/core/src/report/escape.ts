/**
 * Text from metrics files (keys, params, gate text, reasons, file names, alt text) goes into a pull
 * request comment that GitHub renders as Markdown. A file must not be able to change that comment:
 * no HTML, links, images, emphasis, tables, headings, mentions (which notify people) or issue
 * references (which leave a back-link on that issue). Everything here turns text into Markdown that
 * renders as exactly that text, on GitHub (cmark-gfm plus its post-rendering filters) and in remark.
 */

/**
 * U+2060 WORD JOINER: invisible, zero width and not a line-break opportunity. GitHub finds
 * mentions (`@octocat`), issue references (`#12`, `GH-12`), emoji (`:x:`) and literal URLs in the
 * *rendered* text, so a Markdown backslash escape or an HTML entity (`&#64;`) is decoded before they
 * look and protects nothing. A character between `@` and the name breaks the pattern while the
 * reader still sees `@octocat`. U+200B (zero width space) would work too but lets lines break inside
 * a metric key; U+00AD (soft hyphen) can become visible when a line breaks there.
 */
export const WORD_JOINER = '\u2060';

/**
 * Characters that open or close inline constructs anywhere in a line, escaped with a backslash: code,
 * emphasis, links and images (`[`), table cells, strikethrough, math (`$`), headings' closing `#`.
 */
const INLINE_SPECIAL = /[\\`*[\]|~$#]/g;

/**
 * Bidirectional overrides and isolates can make rendered text read differently from what it is
 * ("Trojan Source"); shown as U+FFFD so a reviewer sees that something was there.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** Everything escapeMarkdownText and breakAutolinks act on, in one test. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPING = /[\\`*[\]|~$#&<@:\r\n\t\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]|www|gh-/i;
/** An underscore that could open or close emphasis (not between two letters or digits). */
const LOOSE_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/u;

/**
 * Inline text: renders as exactly `text` (line breaks become spaces). Safe inside a paragraph, a
 * list item, a heading, link or image text (`![here](...)`) and a table cell.
 */
export function escapeMarkdownText(text: string): string {
  // Most cells are numbers and plain metric keys: when none of the characters (or words) the steps
  // below act on occurs, they would return the text unchanged, so only the line start is checked.
  if (!NEEDS_ESCAPING.test(text) && !LOOSE_UNDERSCORE.test(text)) return escapeLineStart(text);
  let out = text
    .replace(/\r\n?|\n|\t/g, ' ')
    .replace(CONTROL, '\uFFFD')
    // An entity rather than `\\<`: the raw comment must never contain `<!--` from a file, or text that
    // looks like another report's hidden marker could make an action find the wrong comment. Only a
    // `<` that could open a tag, comment or autolink needs it, so `loss <= 2` stays readable.
    .replace(/&(?=[#A-Za-z0-9])/g, '&amp;')
    .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
    .replace(INLINE_SPECIAL, '\\$&');
  // `_` between two letters or digits can neither open nor close emphasis (CommonMark's flanking
  // rules), so `train_loss` stays readable in report.md; every other `_` is escaped.
  out = out.replace(new RegExp(LOOSE_UNDERSCORE.source, 'gu'), '\\_');
  out = breakAutolinks(out);
  return escapeLineStart(out);
}

/**
 * A table cell: inline text whose pipes are escaped (done by escapeMarkdownText: GFM splits cells
 * on `|` before anything else, and `\|` is the one escape it honours, even inside code spans) and
 * which is never empty, so a row keeps its columns in every renderer.
 */
export function escapeTableCell(text: string): string {
  const out = escapeMarkdownText(text).trim();
  return out === '' ? ' ' : out;
}

/**
 * GitHub's filters that act on rendered text: mentions, issue references, emoji shortcodes, and
 * GFM's literal autolinks (`www.`, `http://`, `a@b.co`), which remark also finds in text nodes after
 * escapes are decoded. A word joiner breaks each one without a visible change.
 */
function breakAutolinks(text: string): string {
  return (
    text
      // @mentions, team mentions and e-mail autolinks all need `@` directly before a word character.
      .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${WORD_JOINER}`)
      // #123 (after the backslash escape of `#`), owner/repo#123 and GH-123.
      .replace(/#(?=\d)/g, `#${WORD_JOINER}`)
      .replace(/\b(GH-)(?=\d)/gi, `$1${WORD_JOINER}`)
      // http://, https://, ftp://, and any other scheme that cmark-gfm or a later filter might link.
      .replace(/:(?=\/\/)/g, `:${WORD_JOINER}`)
      .replace(/\b(www)(?=\.)/gi, `$1${WORD_JOINER}`)
      // :shortcode: emoji; optional in spirit (an emoji is not an injection) but text should read as written.
      .replace(/:(?=[a-z0-9_+\\-]+:)/gi, `:${WORD_JOINER}`)
  );
}

/**
 * Block constructs that only start a line: block quotes, list markers, setext underlines, thematic
 * breaks, ordered lists, and indented code (leading spaces, which renderers drop anyway). The text is
 * usually not at the start of a line, but a caller must not have to know.
 */
function escapeLineStart(text: string): string {
  return text
    .replace(/^\s+/, '')
    .replace(/^>/, '\\>')
    .replace(/^([-+=])(?=\s|$|[-=])/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * Shortens `text` to at most `max` characters (code points) by cutting the middle, so that keys that
 * share a prefix stay distinguishable. Done before escaping, so no escape sequence is cut.
 */
export function shortenMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = [...text];
  if (chars.length <= max) return text;
  const keep = Math.max(0, max - 1);
  const head = Math.ceil(keep / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`;
}

/**
 * A link or image destination that is only ever a link: `http(s)` URLs and relative paths. Other
 * schemes (`javascript:`, `data:`) give undefined. Characters that would end or break the
 * destination (spaces, parentheses, angle brackets, quotes, backslashes) are percent-encoded.
 */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  // eslint-disable-next-line no-control-regex
  if (trimmed === '' || /[\u0000-\u001f\u007f]/.test(trimmed)) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (scheme !== null && !/^https?$/i.test(scheme[1]!)) return undefined;
  if (scheme === null && trimmed.startsWith('//')) return undefined;
  return trimmed.replace(/[\s()<>"'`\\[\]|]/gu, (c) =>
    [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}
