/**
 * Output of a training process, cut into what a person reads as lines. Progress bars (tqdm,
 * Lightning, Keras) redraw one line with `\r` for minutes without a `\n`, so each redraw is a
 * segment of its own: a NaN in a progress bar is seen when it is drawn, not when the epoch ends.
 */
export interface LogSegment {
  /** The text, without its terminator. */
  text: string;
  /** True when a `\n` (or `\r\n`) ended it, or the line was cut for being too long, or the stream ended. */
  endsLine: boolean;
}

/** Past this many characters without a terminator, the pending text is let out as a line of its own. */
export const MAX_PENDING_CHARS = 1024 * 1024;

export class LineSplitter {
  private pending = '';

  constructor(private readonly maxPending = MAX_PENDING_CHARS) {}

  feed(chunk: string): LogSegment[] {
    const text = this.pending + chunk;
    const segments: LogSegment[] = [];
    let start = 0;
    for (const match of text.matchAll(/\r\n|\r|\n/g)) {
      // A trailing `\r` may be the first half of a `\r\n` split across two chunks: wait for the next.
      if (match[0] === '\r' && match.index === text.length - 1) break;
      const segment = text.slice(start, match.index);
      start = match.index + match[0].length;
      const endsLine = match[0] !== '\r';
      if (endsLine || segment !== '') segments.push({ text: segment, endsLine });
    }
    this.pending = text.slice(start);
    if (this.pending.length > this.maxPending) {
      segments.push({ text: this.pending, endsLine: true });
      this.pending = '';
    }
    return segments;
  }

  /** What is left when the stream ends: a last line without a terminator. */
  end(): LogSegment[] {
    const rest = this.pending.replace(/\r$/, '');
    this.pending = '';
    return rest === '' ? [] : [{ text: rest, endsLine: true }];
  }
}

/** The last `limit` lines seen, for an error message that shows how a run ended. */
export class LastLines {
  private readonly lines: string[] = [];

  constructor(private readonly limit: number) {}

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.limit) this.lines.shift();
  }

  get(): string[] {
    return [...this.lines];
  }
}
