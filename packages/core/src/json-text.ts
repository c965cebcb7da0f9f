import { ParseError } from './errors.js';

/**
 * Parses JSON as ML tools write it. Python's `json.dump` (used by Hugging Face, W&B, DVC, Keras)
 * writes `NaN`, `Infinity` and `-Infinity` as bare tokens, which `JSON.parse` rejects; a diverged
 * run's file is exactly the one we must read. Valid JSON takes the fast native path; anything else
 * goes through this parser, which accepts those three tokens and otherwise reports the line and
 * column of the first mistake and what was expected there.
 */
export function parseJsonText(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch {
    return new JsonParser(body, file).parseDocument();
  }
}

class JsonParser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

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
    if (depth > 512) this.fail('nesting is deeper than 512 levels');
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
      const key = this.parseString();
      this.skipBlank();
      if (this.text[this.pos] !== ':')
        this.fail(`expected ':' after key ${JSON.stringify(key)}, found ${this.describeHere()}`);
      this.pos++;
      this.skipBlank();
      const value = this.parseValue(depth + 1);
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
      out.push(this.parseValue(depth + 1));
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
