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
  /** The last chunk ended with `\r`: a `\n` starting the next one completes a `\r\n`. */
  private afterCarriageReturn = false;

  constructor(private readonly maxPending = MAX_PENDING_CHARS) {}

  feed(chunk: string): LogSegment[] {
    const segments: LogSegment[] = [];
    let text = this.pending + chunk;
    if (this.afterCarriageReturn && text.startsWith('\n')) {
      // The redraw before it was already given out: this `\n` only ends its line.
      segments.push({ text: '', endsLine: true });
      text = text.slice(1);
    }
    this.afterCarriageReturn = false;
    let start = 0;
    for (const match of text.matchAll(/\r\n|\r|\n/g)) {
      const segment = text.slice(start, match.index);
      start = match.index + match[0].length;
      const endsLine = match[0] !== '\r';
      if (endsLine || segment !== '') segments.push({ text: segment, endsLine });
    }
    this.afterCarriageReturn = text.endsWith('\r');
    this.pending = text.slice(start);
    if (this.pending.length > this.maxPending) segments.push(...this.end());
    return segments;
  }

  /**
   * The text after the last terminator: with tqdm, which writes `\r` before each redraw rather
   * than after, this is the progress bar on screen right now.
   */
  get unfinished(): string {
    return this.pending;
  }

  /** Gives out the unfinished text now, as a redraw that does not end its line. */
  take(): LogSegment | undefined {
    const text = this.pending;
    this.pending = '';
    return text === '' ? undefined : { text, endsLine: false };
  }

  /** What is left when the stream ends: a last line without a terminator. */
  end(): LogSegment[] {
    const rest = this.pending;
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
