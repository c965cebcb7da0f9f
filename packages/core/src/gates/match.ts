import { closestNames } from '../suggest.js';

/**
 * Which metric keys a gate's selector names. A selector without `*` or `?` names one key exactly;
 * `*` matches within one `.`-separated segment, `**` across segments, `?` one character. A
 * backslash keeps the next character literal, the same escape keys use for a "." inside a name, so
 * `delivery_count\.agent_0` names that W&B key and `eval.*.f1` every split's f1.
 */
export function isGlob(selector: string): boolean {
  return /(^|[^\\])[*?]/.test(selector);
}

export function selectorToRegExp(selector: string): RegExp {
  let out = '';
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]!;
    if (c === '\\' && i + 1 < selector.length) {
      out += escapeRegExp(c + selector[++i]!);
    } else if (c === '*' && selector[i + 1] === '*') {
      out += '.*';
      i++;
    } else if (c === '*') {
      out += '(?:[^.\\\\]|\\\\.)*';
    } else if (c === '?') {
      out += '(?:[^.\\\\]|\\\\.)';
    } else {
      out += escapeRegExp(c);
    }
  }
  return new RegExp(`^${out}$`);
}

/** Compiled selectors: settings are looked up per metric, and a report can have 10,000 of them. */
const compiled = new Map<string, RegExp>();

function compiledSelector(selector: string): RegExp {
  let re = compiled.get(selector);
  if (re === undefined) {
    if (compiled.size >= 1000) compiled.clear();
    re = selectorToRegExp(selector);
    compiled.set(selector, re);
  }
  return re;
}

export function matchKeys(selector: string, keys: Iterable<string>): string[] {
  if (!isGlob(selector)) {
    for (const key of keys) if (key === selector) return [selector];
    return [];
  }
  const re = compiledSelector(selector);
  const matched: string[] = [];
  for (const key of keys) if (re.test(key)) matched.push(key);
  return matched.sort();
}

/** Up to three keys close to a name that matched nothing: a typo should be a one-glance fix. */
export function suggestKeys(selector: string, keys: Iterable<string>): string[] {
  return closestNames(selector, keys, 3);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
