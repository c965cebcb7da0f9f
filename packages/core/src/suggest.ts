/**
 * Edit distance with the swap of two neighbouring characters as one edit (optimal string
 * alignment): `fromat` is one slip from `format`, not two.
 */
export function editDistance(a: string, b: string): number {
  // Three rows: the one before the previous is what a swap looks back to.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The names a mistyped one was probably meant to be, closest first, at most `limit`: those within
 * about a third of its length in edits (`acuracy` -> `accuracy`, `--hed` -> `--head`), and those
 * that contain it or that it contains (`accuracy` -> `val_accuracy`, `accuracy_top1`). Case is
 * ignored. Nothing when nothing is close: a far-fetched suggestion misleads more than none.
 */
export function closestNames(wanted: string, names: Iterable<string>, limit = 3): string[] {
  const word = wanted.toLowerCase();
  const most = Math.max(1, Math.round(word.length / 3));
  const scored: Array<{ name: string; distance: number }> = [];
  for (const name of new Set(names)) {
    const other = name.toLowerCase();
    const distance = editDistance(word, other);
    const contains =
      (word.length >= 3 && other.includes(word)) || (other.length >= 4 && word.includes(other));
    if (distance <= most || contains) scored.push({ name, distance });
  }
  return scored
    .sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit)
    .map(({ name }) => name);
}
