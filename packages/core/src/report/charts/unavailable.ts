/**
 * Charts cannot be drawn here: the canvas' native binary is missing for this platform (the
 * committed dist/ ships one for each GitHub-hosted runner: Linux x64 and arm64, macOS arm64,
 * Windows x64; see canvas-binary.ts). Reports then go out without charts and say why. Its own
 * module, so callers can recognise it without loading chart.js and the canvas.
 */
export class ChartsUnavailableError extends Error {
  override name = 'ChartsUnavailableError';
}
