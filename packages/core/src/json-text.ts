import { ParseError, lineColumnAt } from './errors.js';
import { MAX_NESTING } from './flatten.js';
import { joinKey } from './keys.js';

/** Duplicate keys named in the note; the rest are counted. */
const NAMED_DUPLICATES = 10;

/**
 * Parses JSON as ML tools write it. Python's `json.dump` (used by Hugging Face, W&B, DVC, Keras)
 * writes `NaN`, `Infinity` and `-Infinity` as bare tokens, which `JSON.parse` rejects; a diverged
 * run's file is exactly the one we must read. Valid JSON takes the fast native path; anything else
 * goes through this parser, which accepts those three tokens and otherwise reports the line and
 * column of the first mistake and what was expected there.
 */
export function parseJsonText(text: string, file: string, notes?: string[]): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const parser = new JsonParser(body, file, notes !== undefined);
    value = parser.parseDocument();
    if (notes !== undefined) parser.noteDuplicates(notes);
    return value;
  }
  // JSON.parse keeps the last of two equal keys without a word. With `notes`, the caller wants to
  // be told; the exact (slower) parser runs only when a cheap count says a duplicate is possible.
  if (notes !== undefined && mayHaveDuplicateKeys(body, value)) {
    const parser = new JsonParser(body, file, true);
    parser.parseDocument();
    parser.noteDuplicates(notes);
  }
  return value;
}

/**
 * Every key in a JSON text is a string followed by optional blanks and ':', so the text has at
 * least as many `"\s*:` as the parsed document has keys, plus one per duplicate (and one per string
 * value that happens to contain a quote and a colon). Equal counts prove there is no duplicate.
 */
function isJsonBlank(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function mayHaveDuplicateKeys(text: string, value: unknown): boolean {
  let colons = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) {
    let before = at - 1;
    while (before >= 0 && isJsonBlank(text.charCodeAt(before))) before--;
    if (text.charCodeAt(before) === 0x22) colons++;
  }
  if (colons === 0) return false;
  let keys = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key of Object.keys(node)) {
      keys++;
      const item = (node as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
  return colons > keys;
}

class JsonParser {
  private pos = 0;
  /** The keys leading to the value being parsed, kept only when duplicates are looked for. */
  private readonly path: string[] = [];
  private readonly duplicates: string[] = [];
  private duplicateCount = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly findDuplicates = false,
  ) {}

  noteDuplicates(notes: string[]): void {
    if (this.duplicateCount === 0) return;
    const more = this.duplicateCount - this.duplicates.length;
    notes.push(
      `duplicate keys, the last value of each is read: ${this.duplicates.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
    );
  }

  parseDocument(): unknown {
    this.skipBlank();
    if (this.pos >= this.text.length) this.fail('expected a JSON value, found an empty document');
    const value = this.parseValue(0);
    this.skipBlank();
    if (this.pos < this.text.length)
      this.fail(`expected the end of the document, found ${this.describeHere()}`);
    return value;
  }

  private parseValue(depth: number): unknown {
    if (depth > MAX_NESTING)
      this.fail(`nested deeper than ${MAX_NESTING} levels; mlci reads at most ${MAX_NESTING}`);
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.parseObject(depth);
      case '[':
        return this.parseArray(depth);
      case '"':
        return this.parseString();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      case 'N':
        return this.literal('NaN', NaN);
      case 'I':
        return this.literal('Infinity', Infinity);
      case '-':
        if (this.text.startsWith('-Infinity', this.pos)) return this.literal('-Infinity', -Infinity);
        return this.parseNumber();
      default:
        if (c !== undefined && c >= '0' && c <= '9') return this.parseNumber();
        return this.fail(
          `expected a value (object, array, string, number, true, false or null), found ${this.describeHere()}`,
        );
    }
  }

  private parseObject(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    this.skipBlank();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipBlank();
      if (this.text[this.pos] !== '"') this.fail(`expected a quoted key, found ${this.describeHere()}`);
      const keyStart = this.pos;
      const key = this.parseString();
      this.skipBlank();
      if (this.text[this.pos] !== ':')
        this.fail(`expected ':' after key ${JSON.stringify(key)}, found ${this.describeHere()}`);
      this.pos++;
      this.skipBlank();
      if (this.findDuplicates) {
        this.path.push(key);
        if (Object.hasOwn(out, key) && this.duplicateCount++ < NAMED_DUPLICATES)
          this.duplicates.push(`${joinKey(this.path)} (line ${lineColumnAt(this.text, keyStart).line})`);
      }
      const value = this.parseValue(depth + 1);
      if (this.findDuplicates) this.path.pop();
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipBlank();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '}') {
        this.pos++;
        return out;
      }
      this.fail(`expected ',' or '}' in an object, found ${this.describeHere()}`);
    }
  }

  private parseArray(depth: number): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    this.skipBlank();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipBlank();
      if (this.findDuplicates) this.path.push(String(out.length));
      out.push(this.parseValue(depth + 1));
      if (this.findDuplicates) this.path.pop();
      this.skipBlank();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === ']') {
        this.pos++;
        return out;
      }
      this.fail(`expected ',' or ']' in an array, found ${this.describeHere()}`);
    }
  }

  private parseString(): string {
    const start = this.pos;
    this.pos++;
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (Number.isNaN(c)) {
        this.pos = start;
        this.fail('unterminated string: the file ends before its closing quote');
      }
      if (c === 0x22) break;
      if (c < 0x20) this.fail('control character inside a string (escape it as \\n, \\t or \\u00XX)');
      if (c === 0x5c) {
        const e = this.text[this.pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
            this.pos++;
            this.fail('expected four hex digits after \\u');
          }
          this.pos += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          this.pos++;
          this.fail(`invalid escape \\${e ?? ''} in a string`);
        }
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
    this.pos++;
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }

  private parseNumber(): number {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
      this.text.slice(this.pos, this.pos + 400),
    );
    if (match === null) this.fail(`expected a number, found ${this.describeHere()}`);
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private literal<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail(`expected ${word}, found ${this.describeHere()}`);
    this.pos += word.length;
    return value;
  }

  private skipBlank(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else return;
    }
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'the end of the file';
    const snippet = this.text.slice(this.pos, this.pos + 12).split(/\r?\n/)[0] ?? '';
    return JSON.stringify(snippet);
  }

  private fail(detail: string): never {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < this.pos && i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    throw new ParseError(
      { file: this.file, line, column: this.pos - lineStart + 1 },
      `invalid JSON: ${detail}`,
    );
  }
}
