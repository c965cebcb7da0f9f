import { readFileSync } from 'node:fs';
import { CONFIG_KEYS } from '../../../packages/core/src/config/config.js';

// The published JSON Schema (editor completion) and the validator must accept the same keys.
const schema = JSON.parse(readFileSync('schema/mlci.schema.json', 'utf8'));

describe('schema/mlci.schema.json', () => {
  it('names the same top-level keys as the validator', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...CONFIG_KEYS.top].sort());
  });

  it('names the same file, gate and metric keys', () => {
    expect(Object.keys(schema.properties.files.items.oneOf[1].properties).sort()).toEqual(
      [...CONFIG_KEYS.file].sort(),
    );
    const gateKeys = new Set(
      schema.properties.gates.items.oneOf
        .slice(1, 3)
        .flatMap((o: { properties: object }) => Object.keys(o.properties)),
    );
    expect([...gateKeys].sort()).toEqual([...CONFIG_KEYS.gate].sort());
    expect(Object.keys(schema.properties.metrics.additionalProperties.properties).sort()).toEqual(
      [...CONFIG_KEYS.metric].sort(),
    );
    expect(Object.keys(schema.properties.report.properties).sort()).toEqual([...CONFIG_KEYS.report].sort());
    expect(
      Object.keys(schema.properties.report.properties.sections.items.oneOf[1].properties).sort(),
    ).toEqual([...CONFIG_KEYS.section].sort());
    expect(Object.keys(schema.properties.statistics.properties).sort()).toEqual(
      [...CONFIG_KEYS.statistics].sort(),
    );
    expect(Object.keys(schema.properties.drift.properties).sort()).toEqual([...CONFIG_KEYS.drift].sort());
  });
});
