import { assignOptionalInputs, reportIdInput } from '../../../actions/shared/src/inputs.js';

const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('inputs shared by the actions', () => {
  test('optional inputs are copied when given, and stay absent (not empty) when not', () => {
    const target: { token?: string; title?: string; other: number } = { other: 1 };
    assignOptionalInputs(inputs({ token: ' ghs_x ', title: '  ' }), target, {
      token: 'token',
      title: 'title',
    });
    expect(target).toEqual({ token: 'ghs_x', other: 1 });
    expect('title' in target).toBe(false);
  });

  test('report-id: letters, digits and . _ / - only, else an error naming the input', () => {
    expect(reportIdInput(inputs({ 'report-id': 'mlci/en' }))).toBe('mlci/en');
    expect(reportIdInput(inputs({}))).toBeUndefined();
    expect(() => reportIdInput(inputs({ 'report-id': 'my report' }))).toThrow(
      'input report-id: expected letters, digits and . _ / - only (it is part of a hidden marker), found "my report"',
    );
  });
});
