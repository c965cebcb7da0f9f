import { ConfigurationError } from '@mlci/core';

/**
 * Typed inputs from the runner's strings. Pure: `get` is ActionIO.getInput (or a map in tests),
 * and '' always means "not given", as the runner passes an input without a default.
 */
export type GetInput = (name: string) => string;

export function optionalInput(get: GetInput, name: string): string | undefined {
  const value = get(name).trim();
  return value === '' ? undefined : value;
}

export function requiredInput(get: GetInput, name: string, expected: string): string {
  const value = optionalInput(get, name);
  if (value === undefined) throw new ConfigurationError(`input ${name} is required: expected ${expected}`);
  return value;
}

/** `true`/`false` as YAML 1.2 core spells them (what @actions/core's getBooleanInput accepts). */
export function booleanInput(get: GetInput, name: string, fallback: boolean): boolean {
  const value = optionalInput(get, name);
  if (value === undefined) return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new ConfigurationError(`input ${name}: expected true or false, found ${JSON.stringify(value)}`);
}

/** One item per line (the YAML `|` block people write); commas also separate, except inside gates. */
export function listInput(get: GetInput, name: string, options: { commas?: boolean } = {}): string[] {
  const value = get(name);
  const lines = value.split(/\r?\n/);
  const items = options.commas === false ? lines : lines.flatMap((line) => line.split(','));
  return items.map((item) => item.trim()).filter((item) => item !== '' && !item.startsWith('#'));
}

export function choiceInput<T extends string>(
  get: GetInput,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = optionalInput(get, name);
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new ConfigurationError(
      `input ${name}: expected one of ${choices.join(', ')}, found ${JSON.stringify(value)}`,
    );
  }
  return value as T;
}

export function integerInput(
  get: GetInput,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = optionalInput(get, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigurationError(
      `input ${name}: expected a whole number from ${min} to ${max}, found ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/**
 * `report-id`: names a report's hidden comment marker and its history files, so it may hold
 * letters, digits and `. _ / -` only. Undefined when not given (the config's report.id applies).
 */
export function reportIdInput(get: GetInput): string | undefined {
  const id = optionalInput(get, 'report-id');
  if (id !== undefined && !/^[A-Za-z0-9._/-]+$/.test(id)) {
    throw new ConfigurationError(
      `input report-id: expected letters, digits and . _ / - only (it is part of a hidden marker), found ${JSON.stringify(id)}`,
    );
  }
  return id;
}

/**
 * The optional string inputs named in `names` (field -> input name), copied onto `target` when
 * given: a field stays absent (not '') for an input left empty.
 */
export function assignOptionalInputs<K extends string>(
  get: GetInput,
  target: NoInfer<Partial<Record<K, string>>>,
  names: Record<K, string>,
): void {
  for (const key of Object.keys(names) as K[]) {
    const value = optionalInput(get, names[key]);
    if (value !== undefined) target[key] = value;
  }
}
