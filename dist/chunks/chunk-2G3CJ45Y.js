import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  ConfigurationError
} from "./chunk-TQLTVCQ6.js";

// actions/shared/src/inputs.ts
function optionalInput(get, name) {
  const value = get(name).trim();
  return value === "" ? void 0 : value;
}
function requiredInput(get, name, expected) {
  const value = optionalInput(get, name);
  if (value === void 0) throw new ConfigurationError(`input ${name} is required: expected ${expected}`);
  return value;
}
function booleanInput(get, name, fallback) {
  const value = optionalInput(get, name);
  if (value === void 0) return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new ConfigurationError(`input ${name}: expected true or false, found ${JSON.stringify(value)}`);
}
function listInput(get, name, options = {}) {
  const value = get(name);
  const lines = value.split(/\r?\n/);
  const items = options.commas === false ? lines : lines.flatMap((line) => line.split(","));
  return items.map((item) => item.trim()).filter((item) => item !== "" && !item.startsWith("#"));
}
function choiceInput(get, name, choices, fallback) {
  const value = optionalInput(get, name);
  if (value === void 0) return fallback;
  if (!choices.includes(value)) {
    throw new ConfigurationError(
      `input ${name}: expected one of ${choices.join(", ")}, found ${JSON.stringify(value)}`
    );
  }
  return value;
}
function integerInput(get, name, fallback, min, max) {
  const value = optionalInput(get, name);
  if (value === void 0) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigurationError(
      `input ${name}: expected a whole number from ${min} to ${max}, found ${JSON.stringify(value)}`
    );
  }
  return n;
}
function reportIdInput(get) {
  const id = optionalInput(get, "report-id");
  if (id !== void 0 && !/^[A-Za-z0-9._/-]+$/.test(id)) {
    throw new ConfigurationError(
      `input report-id: expected letters, digits and . _ / - only (it is part of a hidden marker), found ${JSON.stringify(id)}`
    );
  }
  return id;
}
function assignOptionalInputs(get, target, names) {
  for (const key of Object.keys(names)) {
    const value = optionalInput(get, names[key]);
    if (value !== void 0) target[key] = value;
  }
}

export {
  optionalInput,
  requiredInput,
  booleanInput,
  listInput,
  choiceInput,
  integerInput,
  reportIdInput,
  assignOptionalInputs
};
