/**
 * The GPUs of the machine, from
 * `nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader,nounits`:
 * one line per GPU, `NVIDIA A100-SXM4-40GB, 40960, 535.104.05`. Memory is in MiB; a value the
 * driver cannot report reads `[N/A]` or `[Not Supported]` and becomes null rather than a guess.
 */
export interface GpuInfo {
  name: string;
  memoryMiB: number | null;
  driver?: string;
}

export const NVIDIA_SMI_ARGS: readonly string[] = [
  '--query-gpu=name,memory.total,driver_version',
  '--format=csv,noheader,nounits',
];

export function parseNvidiaSmiGpus(csv: string): GpuInfo[] {
  const gpus: GpuInfo[] = [];
  for (const raw of csv.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const fields = line.split(',').map((field) => field.trim());
    // The name is the only field that could hold a comma, so the other two are read from the end.
    if (fields.length < 3) continue;
    const driver = fields.pop() ?? '';
    const memory = fields.pop() ?? '';
    const name = fields.join(', ');
    const memoryMiB = /^\d+(?:\.\d+)?$/.test(memory) ? Number(memory) : null;
    const gpu: GpuInfo = { name, memoryMiB };
    if (driver !== '' && !driver.startsWith('[')) gpu.driver = driver;
    gpus.push(gpu);
  }
  return gpus;
}
