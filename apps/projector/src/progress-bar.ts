import type { RebuildProgress } from '#projections';

const BAR_WIDTH = 24;
const TTY_REDRAW_MS = 100;
const LOG_LINE_MS = 2_000;

const grouped = (value: number) => Math.round(value).toLocaleString('en-GB');

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** e.g. `records   building [██████░░░░]  52%  1,204 / 2,310 events  812 events/s  1s left` */
export function renderProgress(progress: RebuildProgress, elapsedMs: number, doneAtStart = 0): string {
  const { projection, phase, done, total, unit } = progress;
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
  const rate = elapsedMs > 0 ? ((done - doneAtStart) / elapsedMs) * 1000 : 0;
  const left = rate > 0 ? formatDuration(((total - done) / rate) * 1000) : '?';
  return (
    `${projection.padEnd(14)} ${phase.padEnd(9)} [${bar}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ` +
    `${grouped(done)} / ${grouped(total)} ${unit}  ${grouped(rate)} ${unit}/s  ${left} left`
  );
}

/** Draws progress on stderr: redrawn in place on a terminal, an occasional line otherwise (CI logs). */
export class ProgressBar {
  private readonly started = Date.now();
  private lastDrawn = 0;
  private last: RebuildProgress | undefined;
  /** Positions do not start at zero: the rate counts from the first report. */
  private doneAtStart: number | undefined;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(progress: RebuildProgress): void {
    this.last = progress;
    this.doneAtStart ??= progress.done;
    const now = Date.now();
    if (now - this.lastDrawn < (this.stream.isTTY ? TTY_REDRAW_MS : LOG_LINE_MS)) return;
    this.lastDrawn = now;
    this.draw(progress);
  }

  finish(): void {
    if (this.last) this.draw(this.last);
    if (this.stream.isTTY) this.stream.write('\n');
  }

  private draw(progress: RebuildProgress): void {
    const line = renderProgress(progress, Date.now() - this.started, this.doneAtStart);
    this.stream.write(this.stream.isTTY ? `\r\x1b[2K${line}` : `${line}\n`);
  }
}
