import { parseNvidiaSmiGpus } from '../../../packages/core/src/train/gpus.js';

describe('parseNvidiaSmiGpus', () => {
  it('reads one GPU per line: name, memory in MiB, driver', () => {
    const csv = [
      'NVIDIA A100-SXM4-40GB, 40960, 535.104.05',
      'NVIDIA A100-SXM4-40GB, 40960, 535.104.05',
      'Tesla T4, 15360, 470.57.02',
      '',
    ].join('\n');
    expect(parseNvidiaSmiGpus(csv)).toEqual([
      { name: 'NVIDIA A100-SXM4-40GB', memoryMiB: 40960, driver: '535.104.05' },
      { name: 'NVIDIA A100-SXM4-40GB', memoryMiB: 40960, driver: '535.104.05' },
      { name: 'Tesla T4', memoryMiB: 15360, driver: '470.57.02' },
    ]);
  });

  it('keeps a comma inside the name, reading the other fields from the end', () => {
    expect(parseNvidiaSmiGpus('Some GPU, Rev 2, 8192, 550.54.14\r\n')).toEqual([
      { name: 'Some GPU, Rev 2', memoryMiB: 8192, driver: '550.54.14' },
    ]);
  });

  it('records memory the driver cannot report as null, and leaves out an unknown driver', () => {
    expect(parseNvidiaSmiGpus('NVIDIA GB10, [N/A], 580.95.05\nGRID T4-1Q, [Not Supported], [N/A]')).toEqual([
      { name: 'NVIDIA GB10', memoryMiB: null, driver: '580.95.05' },
      { name: 'GRID T4-1Q', memoryMiB: null },
    ]);
  });

  it('lists no GPUs for empty output or lines that are not the query', () => {
    expect(parseNvidiaSmiGpus('')).toEqual([]);
    expect(parseNvidiaSmiGpus('No devices were found\n')).toEqual([]);
  });
});
