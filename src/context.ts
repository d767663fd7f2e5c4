import os from 'node:os';
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { maskNiksInText } from './core/ids/mask.js';
import { usageError } from './errors.js';
import { colorEnabled, makeChalk } from './ui/color.js';
import { fitText } from './ui/render/text-width.js';
import { LANGS, translator, type Lang, type Translate } from './ui/messages/index.js';

export const FORMATS = ['table', 'json', 'csv', 'md', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

/** The global options of the contract, as commander hands them over. */
export interface GlobalOptions {
  db?: string;
  lang?: string;
  format?: string;
  out?: string;
  yes?: boolean;
  operator?: string;
  color?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

type Stream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export interface Io {
  stdout: Stream;
  stderr: Stream;
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Everything a command needs to know about how it was called; built once in main. */
export interface Context {
  dbPath: string;
  lang: Lang;
  t: Translate;
  format: Format;
  /** True when no --format was given and --out's extension chose it. */
  formatFromOut: boolean;
  out?: string;
  /**
   * The width a table must fit: the terminal's columns when the data goes to one; undefined for a
   * pipe or a file, which keep full rows.
   */
  width?: number;
  yes: boolean;
  operator: string;
  quiet: boolean;
  debug: boolean;
  /** May we ask questions? Only with a terminal on both ends and outside CI. */
  interactive: boolean;
  /** Colour for data on stdout, and for notices on stderr. */
  color: ChalkInstance;
  errColor: ChalkInstance;
  /** Progress bars are drawn only on a terminal, never with --format json or --quiet. */
  progress: boolean;
  io: Io;
  /** The day checks are made against; KIM_TODAY (YYYY-MM-DD) pins it for reproducible runs. */
  today: string;
  /** Prints a notice on stderr unless --quiet. */
  notice(text: string): void;
  /** Prints a warning on stderr, even with --quiet. */
  warn(text: string): void;
}

export function detectLang(env: NodeJS.ProcessEnv): Lang {
  const fromEnv = env.KIM_LANG === undefined ? undefined : parseLang(env.KIM_LANG);
  if (fromEnv) return fromEnv;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale || '';
  return locale.toLowerCase().startsWith('id') ? 'id' : 'en';
}

export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** A --lang or KIM_LANG value as a language, forgiving case and spaces; undefined when it is none. */
export function parseLang(text: string): Lang | undefined {
  const wanted = text.trim().toLowerCase();
  return (LANGS as readonly string[]).includes(wanted) ? (wanted as Lang) : undefined;
}

/** The format a file's extension asks for: .xlsx .csv .json .md; undefined for any other. */
export function formatOfFile(file: string): Format | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : ext === '.md' ? 'md' : undefined;
}

/** --format as written; without it, what --out's extension asks for; else a table. */
function formatOf(opts: GlobalOptions): string {
  const asked = opts.format?.trim().toLowerCase();
  return asked || (opts.out ? formatOfFile(opts.out) : undefined) || 'table';
}

/**
 * Which of stdout and stderr a command colours: never JSON, a file (--out), --no-color, NO_COLOR
 * or a pipe. main.ts loads chalk only when one is; buildContext then colours them.
 */
export function colorChoice(opts: GlobalOptions, io: Io): { out: boolean; err: boolean } {
  const wanted = opts.color !== false;
  return {
    out: !opts.out && colorEnabled(io.stdout, wanted && formatOf(opts) !== 'json', io.env),
    err: colorEnabled(io.stderr, wanted, io.env),
  };
}

export function buildContext(opts: GlobalOptions, io: Io): Context {
  const env = io.env;
  let lang: Lang;
  if (opts.lang !== undefined) {
    const wanted = parseLang(opts.lang);
    // The language is not known yet, so the message comes in the detected one.
    if (!wanted) throw usageError('error.badLang', { value: opts.lang });
    lang = wanted;
  } else {
    lang = detectLang(env);
  }
  const t = translator(lang);
  const format = formatOf(opts);
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw usageError('error.badFormat', { value: opts.format, allowed: FORMATS.join(', ') });
  }
  // `--format csv --out rekap.xlsx` would write CSV bytes that Excel refuses to open.
  const implied = opts.out ? formatOfFile(opts.out) : undefined;
  if (implied && format !== implied) throw usageError('error.formatVsOut', { format, file: opts.out, implied });
  const quiet = opts.quiet === true;
  const colored = colorChoice(opts, io);
  const color = makeChalk(colored.out);
  const errColor = makeChalk(colored.err);
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  const interactive = !ci && io.stdinIsTTY && io.stdout.isTTY === true;
  const today = env.KIM_TODAY && /^\d{4}-\d{2}-\d{2}$/.test(env.KIM_TODAY) ? env.KIM_TODAY : localDate(new Date());
  const dbPath = path.resolve(io.cwd, opts.db ?? (env.KIM_DB || 'kim.sqlite'));
  // Sentences on a terminal are wrapped at its width, between words, as the tables are.
  const errWidth = io.stderr.isTTY === true && (io.stderr.columns ?? 0) > 0 ? io.stderr.columns : undefined;
  return {
    dbPath,
    lang,
    t,
    format: format as Format,
    formatFromOut: !opts.format?.trim() && implied !== undefined,
    out: opts.out ? path.resolve(io.cwd, opts.out) : undefined,
    width: !opts.out && io.stdout.isTTY === true && (io.stdout.columns ?? 0) > 0 ? io.stdout.columns : undefined,
    yes: opts.yes === true,
    operator: (opts.operator ?? env.KIM_OPERATOR ?? '').trim() || osUser(),
    quiet,
    debug: opts.debug === true,
    interactive,
    color,
    errColor,
    progress: !quiet && !ci && format !== 'json' && io.stderr.isTTY === true,
    io,
    today,
    // Notices name what the clerk gave (files, KIMs): NIK-shaped digits in them are masked.
    notice(text) {
      if (!quiet) io.stderr.write(fitText(maskNiksInText(text), errWidth) + '\n');
    },
    warn(text) {
      io.stderr.write(errColor.yellow(fitText(maskNiksInText(text), errWidth)) + '\n');
    },
  };
}

/** Refuses a --format the command cannot produce, naming the ones it can. */
export function requireFormat(ctx: Context, allowed: readonly Format[]): void {
  if (!allowed.includes(ctx.format)) {
    const params = { value: ctx.format, allowed: allowed.join(', '), file: ctx.out };
    throw usageError(ctx.formatFromOut ? 'error.badFormatFromOut' : 'error.badFormat', params);
  }
  if (ctx.format === 'xlsx' && !ctx.out) throw usageError('error.xlsxNeedsOut');
}
