import type { Context } from '../context.js';

export interface Progress {
  start(total: number, label: string): void;
  update(value: number): void;
  stop(): void;
}

const NONE: Progress = { start() {}, update() {}, stop() {} };

/** Work smaller than this finishes before a bar would be worth drawing. */
const WORTH_A_BAR_BYTES = 4 << 20;

/**
 * A bar on stderr, only on a terminal (ctx.progress is false in pipes, CI, --quiet and
 * --format json). cli-progress is loaded only when a bar is drawn.
 */
export async function byteProgress(ctx: Context, totalHint: number): Promise<Progress> {
  if (!ctx.progress || totalHint < WORTH_A_BAR_BYTES) return NONE;
  const bar = await newBar(ctx, ' {label} |{bar}| {percentage}% · {mb}/{totalMb} MB · {eta_formatted}');
  let total = 0;
  return {
    start(t, label) {
      total = t;
      bar.start(t, 0, { label, mb: '0.0', totalMb: (t / 1048576).toFixed(1) });
    },
    update(v) {
      bar.update(Math.min(v, total), { mb: (v / 1048576).toFixed(1) });
    },
    stop() {
      bar.stop();
    },
  };
}

/** A bar counting whole steps (the offices of a merge), naming the one at work; on a terminal only. */
export interface StepProgress extends Progress {
  step(name: string): void;
}

export async function stepProgress(ctx: Context): Promise<StepProgress> {
  if (!ctx.progress) return { ...NONE, step() {} };
  const bar = await newBar(ctx, ' {label} |{bar}| {value}/{total} · {step}');
  return {
    start: (total, label) => bar.start(total, 0, { label, step: '' }),
    update: (value) => bar.update(value),
    stop: () => bar.stop(),
    step: (name) => bar.update({ step: name }),
  };
}

async function newBar(ctx: Context, format: string) {
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  return new SingleBar({ stream: ctx.io.stderr, format, hideCursor: true, clearOnComplete: true, fps: 5 }, Presets.shades_classic);
}
