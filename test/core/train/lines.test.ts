import { LastLines, LineSplitter } from '../../../packages/core/src/train/lines.js';

describe('LineSplitter', () => {
  it('cuts at \\n and \\r\\n, keeping empty lines, and holds back an unfinished line', () => {
    const splitter = new LineSplitter();
    expect(splitter.feed('a\nb\r\n\nc')).toEqual([
      { text: 'a', endsLine: true },
      { text: 'b', endsLine: true },
      { text: '', endsLine: true },
    ]);
    expect(splitter.feed('d\n')).toEqual([{ text: 'cd', endsLine: true }]);
    expect(splitter.end()).toEqual([]);
  });

  it('gives each progress-bar redraw as a segment that does not end the line, as soon as it is drawn', () => {
    const splitter = new LineSplitter();
    expect(splitter.feed('\r 10%|█ | loss=0.9\r 20%|██ | loss=nan\r')).toEqual([
      { text: ' 10%|█ | loss=0.9', endsLine: false },
      { text: ' 20%|██ | loss=nan', endsLine: false },
    ]);
    expect(splitter.feed('\n')).toEqual([{ text: '', endsLine: true }]);
  });

  it('ends the line just redrawn when a \\r\\n is split across chunks', () => {
    const splitter = new LineSplitter();
    expect(splitter.feed('x\r')).toEqual([{ text: 'x', endsLine: false }]);
    expect(splitter.feed('\ny\r')).toEqual([
      { text: '', endsLine: true },
      { text: 'y', endsLine: false },
    ]);
    expect(splitter.feed('z')).toEqual([]);
    expect(splitter.end()).toEqual([{ text: 'z', endsLine: true }]);
  });

  it('shows the unfinished text (tqdm redraws start with \\r) and gives it out on request', () => {
    const splitter = new LineSplitter();
    expect(splitter.feed('\r 10%|█ | loss=0.9\r 20%|██ | loss=nan')).toEqual([
      { text: ' 10%|█ | loss=0.9', endsLine: false },
    ]);
    expect(splitter.unfinished).toBe(' 20%|██ | loss=nan');
    expect(splitter.take()).toEqual({ text: ' 20%|██ | loss=nan', endsLine: false });
    expect(splitter.take()).toBeUndefined();
    expect(splitter.end()).toEqual([]);
  });

  it('lets out a line longer than its limit, and the last line without a terminator', () => {
    const splitter = new LineSplitter(5);
    expect(splitter.feed('abcdefgh')).toEqual([{ text: 'abcdefgh', endsLine: true }]);
    expect(splitter.feed('tail')).toEqual([]);
    expect(splitter.end()).toEqual([{ text: 'tail', endsLine: true }]);
  });
});

describe('LastLines', () => {
  it('keeps only the most recent lines', () => {
    const last = new LastLines(2);
    for (const line of ['1', '2', '3']) last.push(line);
    expect(last.get()).toEqual(['2', '3']);
  });
});
