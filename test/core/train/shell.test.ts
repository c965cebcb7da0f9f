import { ConfigurationError } from '../../../packages/core/src/errors.js';
import { resolveShell } from '../../../packages/core/src/train/shell.js';

const at = (extension: string): string => `/tmp/script${extension}`;

describe('resolveShell', () => {
  it('runs bash as GitHub does: no profile, -e and pipefail', () => {
    expect(resolveShell('bash', 'python train.py', at)).toEqual({
      file: 'bash',
      args: ['--noprofile', '--norc', '-eo', 'pipefail', '/tmp/script.sh'],
      extension: '.sh',
      script: 'python train.py',
    });
  });

  it.each([
    ['sh', 'sh', ['-e', '/tmp/script.sh']],
    ['python', 'python', ['/tmp/script.py']],
    ['pwsh', 'pwsh', ['-command', ". '/tmp/script.ps1'"]],
  ])('knows %s', (shell, file, args) => {
    expect(resolveShell(shell, 'x', at)).toMatchObject({ file, args });
  });

  it('wraps PowerShell scripts so errors stop them and the exit code is kept', () => {
    const { script } = resolveShell('pwsh', 'python train.py', at);
    expect(script).toMatch(/^\$ErrorActionPreference = 'stop'\npython train.py\n/);
    expect(script).toContain('exit $LASTEXITCODE');
  });

  it('fills in a custom template, splitting it on blanks', () => {
    expect(resolveShell('  python3 -u {0} ', 'print(1)', at)).toEqual({
      file: 'python3',
      args: ['-u', '/tmp/script'],
      extension: '',
      script: 'print(1)',
    });
  });

  it('refuses a template without {0}, naming the input', () => {
    expect(() => resolveShell('zsh', 'x', at)).toThrow(ConfigurationError);
    expect(() => resolveShell('zsh', 'x', at, 'shell')).toThrow(
      /input shell: .*containing \{0\}.*found "zsh"/,
    );
  });
});
