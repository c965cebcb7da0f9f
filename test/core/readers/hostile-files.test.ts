/**
 * Hostile and unusual files and folders (#15, part 1, the file-system half): each reproducer from
 * the issue, read the way `mlci read --json` reads it. Every one ends in exit 2 with a message that
 * names the path and says what was expected, or in a document whose warnings say what was left
 * out: never exit 3 (a crash), never a read that blocks or grows without limit, never a file
 * outside the folder being read, and never a message that quotes such a file. Time is the bench's
 * business (bench/files.bench.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../packages/cli/src/main.js';
import type { CliIO } from '../../../packages/cli/src/io.js';
import { ConfigurationError, ParseError } from '../../../packages/core/src/errors.js';
import { readTextFile } from '../../../packages/core/src/readers/files.js';
import { eventFile } from '../../support/tfevents-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'mlci-hostile-files-'));
let counter = 0;
const posix = process.platform !== 'win32';
const onPosix = posix ? it : it.skip;

/** A fresh folder holding `files` (text or bytes); `links` are symbolic links (name -> target). */
function folder(files: Record<string, string | Uint8Array> = {}, links: Record<string, string> = {}): string {
  const root = join(dir, `case-${counter++}`);
  mkdirSync(root, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  for (const [name, target] of Object.entries(links)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    symlinkSync(target, join(root, name));
  }
  return root;
}

/** What `mlci read --json` printed, as far as these tests look at it. */
interface ReadOutput {
  metrics: Record<string, number>;
}

async function read(
  ...paths: string[]
): Promise<{ code: number; out: ReadOutput | undefined; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await main(['read', ...paths, '--json'], io);
  return { code, out: code === 0 ? (JSON.parse(stdout) as ReadOutput) : undefined, stderr };
}

/** What a file outside the folder holds: it must never appear in a message. */
const FOREIGN = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';
const outside = folder({ passwd: FOREIGN, 'metrics.json': '{"stolen": 1}' });

const METRICS = '{"accuracy": 0.9}';

describe('special files are refused by type, before they are opened', () => {
  onPosix('metrics.json -> /dev/zero: a character device, refused (its stat size is 0)', async () => {
    const root = folder({}, { 'metrics.json': '/dev/zero' });
    const { code, stderr } = await read(join(root, 'metrics.json'));
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(root, 'metrics.json')}: is a character device`);
    expect(stderr).toContain('mlci reads regular files and folders');
  });

  onPosix('a FIFO given directly is refused, not waited on', async () => {
    const root = folder();
    const fifo = join(root, 'metrics.json');
    execFileSync('mkfifo', [fifo]);
    const { code, stderr } = await read(fifo);
    expect(code).toBe(2);
    expect(stderr).toContain(`${fifo}: is a FIFO (named pipe)`);
  });

  onPosix('a FIFO in a folder is left out with a warning; the folder is still read', async () => {
    const root = folder({ 'metrics.json': METRICS });
    execFileSync('mkfifo', [join(root, 'live.csv')]);
    const { code, out, stderr } = await read(root);
    expect(code).toBe(0);
    expect(out!.metrics).toEqual({ accuracy: 0.9 });
    expect(stderr).toContain('live.csv (a FIFO (named pipe))');
  });

  onPosix('a socket is refused (opening one fails with ENXIO today)', async () => {
    const root = folder({ 'metrics.json': METRICS });
    const socket = join(root, 'server.json');
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const direct = await read(socket);
      expect(direct.code).toBe(2);
      expect(direct.stderr).toContain(`${socket}: is a socket`);
      const inFolder = await read(root);
      expect(inFolder.code).toBe(0);
      expect(inFolder.stderr).toContain('server.json (a socket)');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  const onLinux = process.platform === 'linux' ? it : it.skip;
  onLinux('reads are capped by the bytes actually read: /proc files say their size is 0', async () => {
    await expect(readTextFile('/proc/self/maps', { maxBytes: 100 })).rejects.toThrow(
      '/proc/self/maps: the file holds over 100 bytes (counted while reading)',
    );
  });

  it('a file larger than the cap is refused before it is read', async () => {
    const root = folder({ 'big.json': '[' + '1,'.repeat(600) + '1]' });
    await expect(readTextFile(join(root, 'big.json'), { maxBytes: 1000 })).rejects.toThrow(ParseError);
    await expect(readTextFile(join(root, 'big.json'), { maxBytes: 1000 })).rejects.toThrow('over 1000 bytes');
  });
});

describe('symbolic links', () => {
  onPosix(
    'a link inside a folder that leads out of it is not followed, and its content is never quoted',
    async () => {
      const root = folder({ 'metrics.json': METRICS }, { 'passwd.json': join(outside, 'passwd') });
      const { code, out, stderr } = await read(root);
      expect(code).toBe(0);
      expect(out!.metrics).toEqual({ accuracy: 0.9 });
      expect(stderr).toContain('passwd.json (a symbolic link that leads outside the folder)');
      expect(JSON.stringify(out) + stderr).not.toContain('root:x');
    },
  );

  onPosix('a folder holding only such a link is an error that does not quote the target', async () => {
    const root = folder({}, { 'passwd.json': join(outside, 'passwd'), 'm.csv': join(outside, 'passwd') });
    const { code, stderr } = await read(root);
    expect(code).toBe(2);
    expect(stderr).toContain(root);
    expect(stderr).not.toContain('root:x');
  });

  onPosix('a link to a metrics file inside the same folder is read', async () => {
    const root = folder({ 'real/metrics.json': METRICS }, { 'metrics.json': 'real/metrics.json' });
    const { code, out } = await read(root);
    expect(code).toBe(0);
    expect(out!.metrics).toEqual({ accuracy: 0.9 });
  });

  onPosix("a link given on the command line is the user's choice: it is followed", async () => {
    const root = folder({}, { 'theirs.json': join(outside, 'metrics.json') });
    const { code, out } = await read(join(root, 'theirs.json'));
    expect(code).toBe(0);
    expect(out!.metrics).toEqual({ stolen: 1 });
  });

  onPosix('a symlink loop given directly: a located error, not ELOOP', async () => {
    const root = folder({}, { a: 'b', b: 'a' });
    const { code, stderr } = await read(join(root, 'a'));
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(root, 'a')}: too many symbolic links (a loop of links?)`);
  });

  onPosix('a symlink loop in a folder is left out with a warning', async () => {
    const root = folder({ 'metrics.json': METRICS }, { 'a.json': 'b.json', 'b.json': 'a.json' });
    const { code, out, stderr } = await read(root);
    expect(code).toBe(0);
    expect(out!.metrics).toEqual({ accuracy: 0.9 });
    expect(stderr).toContain('a.json (too many symbolic links (a loop of links?))');
  });

  onPosix('a dangling link given directly says so', async () => {
    const root = folder({}, { 'metrics.json': 'gone.json' });
    const { code, stderr } = await read(join(root, 'metrics.json'));
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(root, 'metrics.json')}: a symbolic link whose target does not exist`);
  });
});

describe('TensorBoard folders', () => {
  const events = eventFile([{ step: 1, wallTime: 1700000000, summary: [{ tag: 'loss', simpleValue: 0.5 }] }]);

  onPosix('a dangling event-file symlink is skipped with a warning; the other files are read', async () => {
    const root = folder(
      { 'events.out.tfevents.1.host': events },
      { 'events.out.tfevents.2.host': 'nowhere' },
    );
    const { code, out, stderr } = await read(root);
    expect(code).toBe(0);
    expect(out!.metrics).toEqual({ loss: 0.5 });
    expect(stderr).toContain('events.out.tfevents.2.host: a symbolic link whose target does not exist');
  });

  onPosix('a folder whose only event file is a dangling symlink: exit 2', async () => {
    const root = folder({}, { 'events.out.tfevents.2.host': 'nowhere' });
    const { code, stderr } = await read(root);
    expect(code).toBe(2);
    expect(stderr).toContain('a symbolic link whose target does not exist');
  });

  onPosix('an event-file symlink leading out of the folder is not read', async () => {
    const theirs = folder({ 'events.out.tfevents.9.host': events });
    const root = folder(
      { 'events.out.tfevents.1.host': events },
      { 'events.out.tfevents.2.host': join(theirs, 'events.out.tfevents.9.host') },
    );
    const { code, stderr } = await read(root);
    expect(code).toBe(0);
    expect(stderr).toContain('events.out.tfevents.2.host: a symbolic link that leads outside');
  });

  onPosix('an event file that is a FIFO is refused, not waited on', async () => {
    const root = folder({ 'events.out.tfevents.1.host': events });
    execFileSync('mkfifo', [join(root, 'events.out.tfevents.2.host')]);
    const { code, stderr } = await read(root);
    expect(code).toBe(0);
    expect(stderr).toContain('a FIFO (named pipe)');
  });
});

describe('MLflow folders', () => {
  const run = (extra: Record<string, string> = {}, links: Record<string, string> = {}) =>
    folder(
      {
        'meta.yaml': 'run_id: abc123\nrun_name: r\nstatus: 3\nexperiment_id: "0"\n',
        'params/lr': '0.1',
        ...extra,
      },
      links,
    );

  it('`metrics` that is a file (ENOTDIR): a located error', async () => {
    const root = run({ metrics: '' });
    const { code, stderr } = await read(root);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(root, 'metrics')}: expected a folder of metric files, found a file`);
  });

  onPosix('a metric file that links out of the run folder is not read, and not quoted', async () => {
    const root = run({ 'metrics/acc': '1700000000000 0.9 0\n' }, { 'metrics/loss': join(outside, 'passwd') });
    const { code, out, stderr } = await read(root);
    expect(code).toBe(0);
    expect(out!.metrics).toEqual({ acc: 0.9 });
    expect(stderr).toContain('loss: a symbolic link that leads outside');
    expect(JSON.stringify(out) + stderr).not.toContain('root:x');
  });

  onPosix('a param file that is a FIFO is refused', async () => {
    const root = run({ 'metrics/acc': '1700000000000 0.9 0\n' });
    execFileSync('mkfifo', [join(root, 'params', 'batch')]);
    const { code, stderr } = await read(root);
    expect(code).toBe(0);
    expect(stderr).toContain('a FIFO (named pipe)');
  });
});

describe('the errors are mlci errors', () => {
  it('a missing path is a ConfigurationError', async () => {
    await expect(readTextFile(join(dir, 'nope.json'))).rejects.toThrow(ConfigurationError);
  });
});
