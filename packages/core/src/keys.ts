/**
 * Metric keys are paths of segments joined with ".", so nested documents read naturally
 * (`f1_by_geo.France`). A segment that itself contains "." or "\" escapes it with "\", so
 * `{"a": {"b": 1}}` is `a.b` while `{"a.b": 1}` is `a\.b`: two different metrics never share a
 * key, and a key can always be split back into the segments it came from.
 */
export function escapeSegment(segment: string): string {
  return segment.includes('.') || segment.includes('\\')
    ? segment.replace(/[\\.]/g, (c) => `\\${c}`)
    : segment;
}

export function joinKey(segments: readonly string[]): string {
  return segments.map(escapeSegment).join('.');
}

/** Appends one raw segment to an existing (already escaped) key. */
export function childKey(parent: string, segment: string): string {
  const escaped = escapeSegment(segment);
  return parent === '' ? escaped : `${parent}.${escaped}`;
}

export function splitKey(key: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (let i = 0; i < key.length; i++) {
    const c = key[i];
    if (c === '\\' && i + 1 < key.length) {
      current += key[++i];
    } else if (c === '.') {
      segments.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  segments.push(current);
  return segments;
}

/** `train/loss` (a dvclive plot path or a slash-separated name) as the key `train.loss`. */
export function slashPathToKey(path: string): string {
  return joinKey(path.split('/').filter((s) => s !== ''));
}
