import fc from 'fast-check';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import {
  escapeMarkdownText,
  escapeTableCell,
  safeUrl,
  shortenMiddle,
  WORD_JOINER,
} from '../../../packages/core/src/report/escape.js';

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  children?: HastNode[];
}

/** Markdown -> HTML tree as GitHub-flavoured renderers build it, raw HTML parsed into elements. */
function toTree(markdown: string): HastNode {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw);
  return processor.runSync(processor.parse(markdown)) as HastNode;
}

function elements(node: HastNode): string[] {
  const own = node.type === 'element' ? [node.tagName!] : [];
  return [...own, ...(node.children ?? []).flatMap(elements)];
}

function text(node: HastNode): string {
  if (node.type === 'text') return node.value!;
  return (node.children ?? []).map(text).join('');
}

/** What a reader sees: word joiners are invisible, runs of white space one space. */
function seen(s: string): string {
  return s.replaceAll(WORD_JOINER, '').replace(/\s+/g, ' ').trim();
}

/** The text as the escaper promises to show it: line breaks as spaces, control characters as U+FFFD. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

function expected(s: string): string {
  return seen(s.replace(CONTROL, '\uFFFD'));
}

const INJECTIONS: [string, string][] = [
  ['a script element', '<script>alert(1)</script>'],
  ['an image with onerror', '<img src=x onerror=alert(1)>'],
  ['an HTML comment that imitates the marker', '<!-- mlci-report id="mlci/other" -->'],
  ['a javascript: link', '[click](javascript:alert(1))'],
  ['an image', '![pixel](https://evil.example/p.png)'],
  ['a reference link', '[x][1] and [1]: https://evil.example'],
  ['an angle-bracket autolink', '<https://evil.example>'],
  ['emphasis', '*a* **b** _c_ __d__ ***e***'],
  ['intraword emphasis', 'a*b*c'],
  ['code', '`rm -rf` ``x``'],
  ['strikethrough', '~~gone~~ ~x~'],
  ['math', '$x^2$ and $$y$$'],
  ['a table row', 'a | b | c'],
  ['a heading after a newline', 'line one\n# heading\n\n- item'],
  ['a list marker', '- item'],
  ['an ordered list marker', '1. item'],
  ['a block quote', '> quoted'],
  ['a thematic break', '---'],
  ['a setext underline', '==='],
  ['indented code', '    code'],
  ['a fence', '```js'],
  ['a mention', '@octocat please look'],
  ['a team mention', 'cc @github/security'],
  ['an issue reference', 'fixes #123'],
  ['a cross-repository reference', 'octo/repo#7'],
  ['a GH- reference', 'see GH-42'],
  ['a www autolink', 'www.evil.example/path'],
  ['an http autolink', 'http://evil.example'],
  ['an https autolink', 'visit https://evil.example/x?y=1'],
  ['an e-mail autolink', 'mail me@evil.example'],
  ['an entity', '&lt;script&gt; &#64;octocat &amp;'],
  ['an emoji shortcode', ':shipit: :x:'],
  ['a trailing backslash', 'path\\'],
  ['a bidi override', 'safe\u202Eexe.txt'],
  ['a task list', '[ ] todo'],
  ['a footnote', 'text[^1]'],
];

describe('escapeMarkdownText', () => {
  it.each(INJECTIONS)('shows %s as the text it is', (_what, input) => {
    const tree = toTree(`before ${escapeMarkdownText(input)} after`);
    expect(elements(tree)).toEqual(['p']);
    expect(seen(text(tree))).toBe(expected(`before ${input} after`));
  });

  it.each(INJECTIONS)('shows %s as the text it is inside a table cell', (_what, input) => {
    const tree = toTree(`| a | b |\n| - | - |\n| ${escapeTableCell(input)} | x |`);
    expect(elements(tree)).toEqual(['table', 'thead', 'tr', 'th', 'th', 'tbody', 'tr', 'td', 'td']);
    const cells = text(tree)
      .trim()
      .split(/\s*\n\s*/);
    expect(seen(cells.at(-2)!)).toBe(expected(input));
  });

  it.each(INJECTIONS)(
    'shows %s as the text it is at the start of a line and in a heading',
    (_what, input) => {
      const line = toTree(escapeMarkdownText(input));
      expect(elements(line)).toEqual(['p']);
      expect(seen(text(line))).toBe(expected(input));
      const heading = toTree(`## ${escapeMarkdownText(input)}`);
      expect(elements(heading)).toEqual(['h2']);
      expect(seen(text(heading))).toBe(expected(input));
    },
  );

  it('keeps the raw text free of HTML openers, so no file text can imitate the hidden marker', () => {
    for (const [, input] of INJECTIONS) expect(escapeMarkdownText(input)).not.toMatch(/<[A-Za-z/!?]/);
  });

  it('breaks the patterns GitHub links in rendered text with an invisible word joiner', () => {
    // GitHub finds mentions, references and emoji after rendering, so a backslash would not help.
    const J = WORD_JOINER;
    expect(escapeMarkdownText('@octocat')).toBe(`@${J}octocat`);
    expect(escapeMarkdownText('me@evil.example')).toBe(`me@${J}evil.example`);
    expect(escapeMarkdownText('#123')).toBe(`\\#${J}123`);
    expect(escapeMarkdownText('GH-42')).toBe(`GH-${J}42`);
    expect(escapeMarkdownText('www.evil.example')).toBe(`www${J}.evil.example`);
    expect(escapeMarkdownText('https://evil.example')).toBe(`https:${J}//evil.example`);
    expect(escapeMarkdownText(':shipit:')).toBe(`:${J}shipit:`);
    for (const [, input] of INJECTIONS) {
      const out = escapeMarkdownText(input);
      expect(out).not.toMatch(/@[\p{L}\p{N}_-]/u);
      expect(out).not.toMatch(/#\d/);
      expect(out).not.toMatch(/:\/\/|www\./i);
    }
  });

  it('leaves ordinary metric keys and numbers readable in the raw Markdown', () => {
    expect(escapeMarkdownText('eval.per_class.f1_score')).toBe('eval.per_class.f1_score');
    expect(escapeMarkdownText('train/loss')).toBe('train/loss');
    expect(escapeMarkdownText('loss rise <= 2%')).toBe('loss rise <= 2%');
    expect(escapeMarkdownText('accuracy >= 0.9')).toBe('accuracy >= 0.9');
    expect(escapeMarkdownText('-0.25')).toBe('-0.25');
    expect(escapeMarkdownText('0.3 → 0.31 (+0.01, +3.33%)')).toBe('0.3 → 0.31 (+0.01, +3.33%)');
    expect(escapeMarkdownText('_private')).toBe('\\_private');
    expect(escapeMarkdownText('a | b')).toBe('a \\| b');
  });

  it('never lets any text turn into markup (property)', () => {
    const pieces = fc.constantFrom(
      ...'<>&*_`[]()!|~$#@:/\\.-+=\n\r\t \u0000\u202e'.split(''),
      'a',
      'Z',
      '1',
      'é',
      'www',
      'http',
      'script',
      'img',
      '&#64;',
      '!--',
      '😀',
    );
    const texts = fc.array(pieces, { maxLength: 24 }).map((p) => p.join(''));
    fc.assert(
      fc.property(texts, (input) => {
        const inline = toTree(`x ${escapeMarkdownText(input)} y`);
        expect(elements(inline)).toEqual(['p']);
        expect(seen(text(inline))).toBe(expected(`x ${input} y`));
        const cell = toTree(`| a |\n| - |\n| ${escapeTableCell(input)} |`);
        expect(elements(cell)).toEqual(['table', 'thead', 'tr', 'th', 'tbody', 'tr', 'td']);
      }),
      { numRuns: 400, seed: 4 },
    );
  });
});

describe('escapeTableCell', () => {
  it('is never empty, so a row keeps its columns', () => {
    expect(escapeTableCell('')).toBe(' ');
    expect(escapeTableCell('  \n ')).toBe(' ');
  });
});

describe('shortenMiddle', () => {
  it('cuts the middle and never splits a surrogate pair', () => {
    expect(shortenMiddle('abcdefghij', 5)).toBe('ab…ij');
    expect(shortenMiddle('short', 10)).toBe('short');
    const emoji = '😀'.repeat(10);
    expect([...shortenMiddle(emoji, 5)]).toEqual(['😀', '😀', '…', '😀', '😀']);
  });
});

describe('safeUrl', () => {
  it('keeps http(s) and relative links and encodes what would end the destination', () => {
    expect(safeUrl('curve-loss.png')).toBe('curve-loss.png');
    expect(safeUrl('https://example.com/a b(1).png')).toBe('https://example.com/a%20b%281%29.png');
    expect(safeUrl('charts/x<y>.png')).toBe('charts/x%3Cy%3E.png');
  });

  it('refuses other schemes and protocol-relative links', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl(' JavaScript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:image/png;base64,xx')).toBeUndefined();
    expect(safeUrl('//evil.example/x.png')).toBeUndefined();
    expect(safeUrl('java\nscript:x')).toBeUndefined();
    expect(safeUrl('')).toBeUndefined();
  });
});
