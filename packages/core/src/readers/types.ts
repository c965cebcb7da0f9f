import type { FormatId, MetricsDoc } from '../model.js';

/** What detection may look at: cheap facts about a path, never its whole content. */
export interface Probe {
  /** The path as the user gave it (or as found inside a given folder). */
  path: string;
  /** Its last segment. */
  name: string;
  isDirectory: boolean;
  /** The first bytes of a file (up to 8 KiB); empty for a folder. */
  head: Uint8Array;
  /** The names inside a folder; empty for a file. */
  entries: string[];
}

export interface ReaderOptions {
  /** Curves are downsampled for display to at most this many points (exact stats are kept). */
  maxSeriesPoints: number;
  /** The run to read where a file or folder holds several: MLflow (run id, run name or experiment), lm-eval and Inspect AI. */
  run?: string;
}

export interface Reader {
  format: FormatId;
  /** What a user would call it: "Hugging Face Trainer output". */
  title: string;
  /** Whether it reads files, folders or both. */
  target: 'file' | 'directory' | 'both';
  /**
   * How sure the reader is that it understands this path: 0 = not at all; 10 = a generic extension
   * (`.json`); 50 = a content signature; 90 = a name only this tool writes (`trainer_state.json`).
   * The most confident reader wins; `--format` skips detection.
   */
  detect(probe: Probe): number;
  read(path: string, options: ReaderOptions): Promise<MetricsDoc>;
}

export const DETECT = {
  no: 0,
  extension: 10,
  content: 50,
  name: 90,
} as const;
