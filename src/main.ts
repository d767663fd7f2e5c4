import fs from 'node:fs';
import { CommanderError, type Command } from 'commander';
import { buildProgram, type Dispatch } from './cli.js';
import { buildContext, colorChoice, detectLang, parseLang, type GlobalOptions, type Io } from './context.js';
import { maskNiksInText } from './core/ids/mask.js';
import { permissionProblem } from './db/access.js';
import { nativeDriverProblem } from './db/native-driver.js';
import { EXIT, KimError } from './errors.js';
import { requireWritableTarget } from './files.js';
import { confirmOverwrite } from './ui/prompts.js';
import { sweepStale } from './temporaries.js';
import { loadColor } from './ui/color.js';
import { translator, type Lang, type MessageKey, type MessageParams, type Translate } from './ui/messages/index.js';

function defaultIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}

function version(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}

/** --lang and --debug are needed before commander runs: for help texts and for early errors. */
function preScan(argv: string[], env: NodeJS.ProcessEnv): { lang: Lang; debug: boolean } {
  let lang: Lang = detectLang(env);
  let debug = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    // Read as the command will read it, so that errors come in the language of the rest.
    const wanted = value === undefined ? undefined : parseLang(value);
    if (wanted) lang = wanted;
    if (a === '--debug') debug = true;
  }
  return { lang, debug };
}

const SQLITE_MESSAGES: Record<string, MessageKey> = {
  SQLITE_BUSY: 'db.locked',
  SQLITE_LOCKED: 'db.locked',
  SQLITE_CORRUPT: 'db.damaged',
  SQLITE_NOTADB: 'db.corrupt',
  SQLITE_FULL: 'db.full',
  SQLITE_READONLY: 'db.readonly',
  SQLITE_CANTOPEN: 'db.cantOpen',
  SQLITE_IOERR: 'db.io',
};

/** The sentence for an SQLite result code, extended ones (SQLITE_CORRUPT_INDEX) by their primary code. */
function sqliteKey(code: string): MessageKey | undefined {
  return SQLITE_MESSAGES[code] ?? SQLITE_MESSAGES[code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1')];
}

const errorCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** SQLite's and the system's ways of saying that permissions, not the file, are in the way. */
const MAYBE_PERMISSION = /^(SQLITE_(READONLY|CANTOPEN|IOERR|PERM|AUTH)|EACCES|EPERM|EROFS)/;

/** The sentence (catalog key and values) and exit code for an error. */
function describeError(error: unknown, dbPath: string): { key: MessageKey; params: MessageParams; exit: number } {
  const driver = nativeDriverProblem(error);
  if (driver) return { key: driver.key, params: driver.params, exit: EXIT.ENVIRONMENT };
  if (error instanceof KimError) return { key: error.key, params: error.params, exit: error.exitCode };
  const code = errorCode(error);
  const reason = error instanceof Error ? error.message : String(error);
  const permission = code && dbPath && MAYBE_PERMISSION.test(code) ? permissionProblem(dbPath, { write: true }) : undefined;
  if (permission) return { ...permission, exit: EXIT.ENVIRONMENT };
  const sqlite = code?.startsWith('SQLITE_') ? sqliteKey(code) : undefined;
  if (sqlite) return { key: sqlite, params: { path: dbPath, reason, problem: reason }, exit: EXIT.ENVIRONMENT };
  if (code === 'ENOSPC' || code === 'EACCES' || code === 'EROFS') return { key: 'db.io', params: { path: dbPath, reason }, exit: EXIT.ENVIRONMENT };
  return { key: 'error.internal', params: { message: reason }, exit: EXIT.ENVIRONMENT };
}

/**
 * The one place where errors become sentences and exit codes. `t` says them from somewhere else
 * than the command line (the desk). What a clerk typed comes back in them (a KIM asked for, a file
 * name), so NIK-shaped digits are masked here whatever the message.
 */
export function reportError(error: unknown, lang: Lang, debug: boolean, io: Io, dbPath = '', t: Translate = translator(lang)): number {
  const { key, params, exit } = describeError(error, dbPath);
  io.stderr.write(`${t('error.prefix')}: ${maskNiksInText(t(key, params))}\n`);
  if (debug && error instanceof Error) io.stderr.write(maskNiksInText(error.stack ?? String(error)) + '\n');
  return exit;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const { lang, debug } = preScan(argv.slice(2), io.env);
  const t = translator(lang);
  let exitCode: number = EXIT.OK;
  let dbPath = '';
  // `kim list | head` closes the pipe early; that is not an error worth a message.
  io.stdout.on?.('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });

  const dispatch: Dispatch = async (load, args, command: Command) => {
    const opts = command.optsWithGlobals<GlobalOptions>();
    const colored = colorChoice(opts, io);
    if (colored.out || colored.err) await loadColor();
    const ctx = buildContext(opts, io);
    dbPath = ctx.dbPath;
    if (command.parent === null && !ctx.interactive) {
      command.outputHelp();
      return;
    }
    // Temporaries of kim processes killed before they could remove them (they may hold NIKs).
    sweepStale(io.env);
    // A --out the command could not write is refused before it changes anything.
    if (ctx.out) requireWritableTarget(ctx.out, ctx.dbPath);
    // An existing file is replaced only when the clerk says so (--yes, or yes on a terminal):
    // a report, an export or a log never overwrites a file by accident.
    if (ctx.out && !(await confirmOverwrite(ctx, ctx.out))) {
      ctx.notice(ctx.t('confirm.aborted'));
      exitCode = 0;
      return;
    }
    const mod = await load();
    exitCode = await mod.run(ctx, args, command.opts());
  };

  const program = buildProgram(t, dispatch, version());
  // The command commander stopped at: its error, or its help shown instead of running it.
  let failed: Command = program;
  const configure = (c: Command) => {
    c.exitOverride();
    c.configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => {
        failed = c;
        io.stderr.write(s);
      },
      // Written in the clerk's language when the error is caught below.
      outputError: () => void (failed = c),
    });
    c.commands.forEach(configure);
  };
  configure(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.OK;
      if (error.code === 'commander.help' && error.exitCode === 0) return EXIT.OK;
      if (error.code === 'commander.executeSubCommandAsync') return EXIT.OK;
      // Loaded only here: start-up stays as small as it is.
      const { usageMessage } = await import('./ui/commander-errors.js');
      io.stderr.write(usageMessage(t, error, failed, argv.slice(2)));
      return EXIT.USAGE;
    }
    return reportError(error, lang, debug, io, dbPath);
  }
  return exitCode;
}

