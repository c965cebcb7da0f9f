import { READERS } from '../../packages/core/src/readers/registry.js';
import { runCli } from '../support/cli.js';

// Issue #13, item 4 ("A CLI that helps"), as measured on a clean clone: `read --help` did not list
// W&B, JUnit or scikit-learn (the usage text was written by hand and drifted), and a misspelt
// option printed Node's raw parseArgs error followed by the whole usage.

const COMMANDS = ['read', 'check', 'compare', 'report'] as const;

describe('--help lists every format mlci reads', () => {
  it('mlci read --help names every registered format and what it is', async () => {
    const { code, stdout } = await runCli('read', '--help');
    expect(code).toBe(0);
    // The registry is the list: a reader added there shows up here without anyone editing usage.
    const missing = READERS.filter(
      (r) => !new RegExp(`^  ${r.format} +${escape(r.title.split(' ')[0]!)}`, 'm').test(stdout),
    );
    expect(missing.map((r) => r.format)).toEqual([]);
    for (const title of ['Weights & Biases', 'JUnit XML', 'scikit-learn classification_report'])
      expect(stdout).toContain(title);
  });

  it.each(COMMANDS)('mlci %s --help names every format that --format takes', async (command) => {
    const { stdout } = await runCli(command, '--help');
    const text = stdout.replace(/\s+/g, ' ');
    expect(READERS.map((r) => r.format).filter((f) => !text.includes(` ${f}`))).toEqual([]);
  });

  it('keeps help lines within 100 columns', async () => {
    for (const command of COMMANDS) {
      const { stdout } = await runCli(command, '--help');
      expect(stdout.split('\n').filter((line) => line.length > 100)).toEqual([]);
    }
  });
});

describe('a mistake on the command line: one line that says what to do, exit 2', () => {
  it('a misspelt option: "did you mean", not the parser’s message and the whole usage', async () => {
    expect(await runCli('read', 'metrics.json', '--fromat', 'json')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "mlci read: unknown option --fromat; did you mean --format?\nRun 'mlci read --help' for its options.\n",
    });
    expect((await runCli('compare', '--base', 'a.json', '--hed', 'b.json')).stderr).toBe(
      "mlci compare: unknown option --hed; did you mean --head?\nRun 'mlci compare --help' for its options.\n",
    );
    expect((await runCli('check', '--jsno')).stderr).toMatch(
      /^mlci check: unknown option --jsno; did you mean --json\?\n/,
    );
    expect((await runCli('report', '--out', 'x', '--max-curve', '3')).stderr).toMatch(
      /^mlci report: unknown option --max-curve; did you mean --max-curves\?\n/,
    );
  });

  it('suggests only what is close: a far-off option is just unknown', async () => {
    expect(await runCli('read', '--colour')).toEqual({
      code: 2,
      stdout: '',
      stderr: "mlci read: unknown option --colour\nRun 'mlci read --help' for its options.\n",
    });
    expect((await runCli('read', '-x')).stderr).toBe(
      "mlci read: unknown option -x\nRun 'mlci read --help' for its options.\n",
    );
  });

  it('an option of another command says which commands take it', async () => {
    expect(await runCli('check', 'metrics.json', '--base', 'main.json')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "mlci check: --base is not an option of check (compare and report take it)\nRun 'mlci check --help' for its options.\n",
    });
    expect((await runCli('read', 'metrics.json', '--gate', 'accuracy >= 0.9')).stderr).toBe(
      "mlci read: --gate is not an option of read (check, compare, report, drift and validate take it)\nRun 'mlci read --help' for its options.\n",
    );
  });

  it('an option without its value names the value it needs', async () => {
    expect(await runCli('compare', '--base')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "mlci compare: --base needs a value, as in --base RUN\nRun 'mlci compare --help' for its options.\n",
    });
    expect((await runCli('check', 'metrics.json', '--gate')).stderr).toBe(
      'mlci check: --gate needs a value, as in --gate "G"\nRun \'mlci check --help\' for its options.\n',
    );
    // parseArgs refuses a value that starts with a dash: the value was forgotten.
    expect((await runCli('read', 'metrics.json', '--format', '--json')).stderr).toBe(
      "mlci read: --format needs a value, as in --format F (found --json after it)\nRun 'mlci read --help' for its options.\n",
    );
  });

  it('a switch given a value', async () => {
    expect((await runCli('read', 'metrics.json', '--json=yes')).stderr).toBe(
      "mlci read: --json takes no value (found --json=yes)\nRun 'mlci read --help' for its options.\n",
    );
  });

  it('an unknown command: the nearest command, one line, exit 2', async () => {
    expect(await runCli('comapre', '--base', 'a.json')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mlci: unknown command "comapre"; did you mean compare?\nRun \'mlci --help\' for the commands.\n',
    });
    expect(await runCli('frobnicate')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'mlci: unknown command "frobnicate"\nRun \'mlci --help\' for the commands.\n',
    });
  });

  it('a stray argument or a missing --base of compare: one line, not the usage', async () => {
    expect((await runCli('compare', 'a.json', '--base', 'b.json')).stderr).toBe(
      'mlci compare: unexpected "a.json": name runs with --base and --head\nRun \'mlci compare --help\' for its options.\n',
    );
    expect((await runCli('compare', '--head', 'a.json')).stderr).toBe(
      "mlci compare: no baseline: pass --base <run> (for example --base git:main:metrics.json)\nRun 'mlci compare --help' for its options.\n",
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
