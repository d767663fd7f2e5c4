// The benchmark: `npm run bench` (or `node bench/run.js [--rows N] [--steps import,startup,...]`).
//
// 1. generates bench/out/roster-<N>.csv if it is missing (N from --rows, else BENCH_ROWS, else 1,000,000);
// 2. times `kim import` of it into a fresh database against `sqlite3 db ".mode csv" ".import file t"`
//    (each the median of three runs; the disk is synced before each timed command),
//    with kim's peak memory, and compares them with the targets (≤ 2.0×, ≤ 256 MiB);
// 3. times `kim --help` start-up against `node -e 0`;
// 4. runs the further steps other parts of kim bring (EXTRA_STEPS below) when their file exists.
//
// A further step is a script, bench/<name>.js, run as `node bench/<name>.js` with these variables:
//   BENCH_ROWS  the number of rows          BENCH_CSV  the generated roster
//   BENCH_DB    the database `kim import` just filled (absent if the import failed)
//   BENCH_KIM   bin/kim.js                  BENCH_OUT  bench/out/, for its own files
//   BENCH_SQLITE_S  the shell's median `.import` time, when it ran
//   BENCH_SHELL_DB  the database the shell's last `.import` filled (table t), when it ran
// Its output is shown as it comes. Each stdout line of the form
//   BENCH {"measure": "kim validate (s)", "value": 12.3, "target": 30, "better": "lower"}
// becomes a row of the summary table (PASS/MISS when a target is given; "better" is "lower" by
// default). A script that prints no such line is reported by its wall time.
//
// Results are also written to bench/out/results-<N>.json. This is run by hand, never by the tests.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeDb, settleDisk } from './disk.js';
import { generateRoster } from './generate-roster.js';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const OUT = path.join(BENCH, 'out');
const KIM = path.join(ROOT, 'bin', 'kim.js');

const TARGET_RATIO = 2.0;
const TARGET_PEAK_MIB = 256;
const TARGET_STARTUP_S = 0.1;
/** Scripts other parts of kim add to bench/; run in this order when present. */
const EXTRA_STEPS = ['write-floor', 'validate', 'report', 'export', 'merge'];
const STARTUP_RUNS = 7;

const MiB = 2 ** 20;
const fmt = (n, digits = 1) => (n === null || n === undefined || Number.isNaN(n) ? '–' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

function argValue(argv, name) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/**
 * Runs a command to its end, with its wall time and, when asked, its peak resident memory:
 * GNU time's %M where it exists, else the highest VmHWM read from /proc while it runs.
 */
function measure(command, args, { env = process.env, memory = false, echo = false } = {}) {
  const memFile = path.join(os.tmpdir(), `kim-bench-${process.pid}-${Date.now()}.mem`);
  const wrapped = memory && GNU_TIME ? [GNU_TIME, ['-f', '%M', '-o', memFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(wrapped[0], wrapped[1], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKiB = 0;
    child.stdout.setEncoding('utf8').on('data', (s) => {
      stdout += s;
      if (echo) process.stdout.write(s);
    });
    child.stderr.setEncoding('utf8').on('data', (s) => {
      stderr += s;
      if (echo) process.stderr.write(s);
    });
    const poll =
      memory && !GNU_TIME
        ? setInterval(() => {
            try {
              const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
              if (m) peakKiB = Math.max(peakKiB, Number(m[1]));
            } catch {
              // the process has just ended
            }
          }, 20)
        : null;
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (poll) clearInterval(poll);
      if (memory && GNU_TIME) {
        try {
          peakKiB = Number(fs.readFileSync(memFile, 'utf8').trim().split('\n').pop());
        } catch {
          peakKiB = 0;
        }
        fs.rmSync(memFile, { force: true });
      }
      resolve({ code, seconds, stdout, stderr, peakMiB: memory ? peakKiB / 1024 : null });
    });
  });
}

const lastLines = (text, n = 3) => text.trim().split('\n').slice(-n).join(' | ');

function kimEnv(extra = {}) {
  return { ...process.env, CI: 'true', KIM_LANG: 'en', KIM_OPERATOR: 'bench', NO_COLOR: '1', ...extra };
}

// ---------------------------------------------------------------------------------------------
// Steps. Each takes the shared state and adds to state.import or state.measures.

async function stepGenerate(state) {
  if (fs.existsSync(state.csv)) {
    console.error(`roster: ${path.relative(ROOT, state.csv)} (already there)`);
    return;
  }
  console.error(`roster: generating ${state.rows.toLocaleString('en-US')} rows into ${path.relative(ROOT, state.csv)} …`);
  const started = process.hrtime.bigint();
  await generateRoster({ rows: state.rows, out: state.csv });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  state.measures.push({ measure: 'generate roster (s)', value: seconds });
}

async function stepImport(state) {
  const row = { rows: state.rows, csvMiB: fs.statSync(state.csv).size / MiB, kimSeconds: null, sqliteSeconds: null, ratio: null, peakMiB: null, officers: null, error: null };
  state.import = row;

  // The reference is the median of three runs: a single one varies by half with the disk.
  const sqliteDb = path.join(OUT, 'sqlite3-bench.sqlite');
  const sqliteTimes = [];
  try {
    for (let i = 0; i < 3 && !row.error; i++) {
      removeDb(sqliteDb);
      settleDisk();
      console.error(`sqlite3 .import (${i + 1}/3) …`);
      const r = await measure('sqlite3', [sqliteDb, '.mode csv', `.import ${state.csv} t`]);
      if (r.code === 0) sqliteTimes.push(r.seconds);
      else row.error = `sqlite3 exit ${r.code}: ${lastLines(r.stderr)}`;
    }
  } catch (e) {
    row.error = `sqlite3 could not run (${e.code ?? e.message}); install the sqlite3 command-line shell`;
  }
  if (sqliteTimes.length === 3) {
    row.sqliteSeconds = sqliteTimes.sort((a, b) => a - b)[1];
    // Kept for the steps that compare with the rows the shell stored; removed at the end.
    state.shellDb = sqliteDb;
  } else removeDb(sqliteDb);

  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) {
    row.error = 'dist/ is missing: run `npm run build` first';
    return;
  }
  // kim's import is the median of three runs too, each into a fresh database; its peak memory is
  // the highest of the three.
  const kimTimes = [];
  for (let i = 0; i < 3; i++) {
    removeDb(state.db);
    const init = spawnSync(process.execPath, [KIM, '--db', state.db, 'init', '--regency', '35.74'], { env: kimEnv(), encoding: 'utf8' });
    if (init.status !== 0) {
      row.error = `kim init exit ${init.status}: ${lastLines(init.stderr)}`;
      return;
    }
    settleDisk();
    console.error(`kim import (${i + 1}/3) …`);
    const r = await measure(process.execPath, [KIM, '--db', state.db, 'import', state.csv, '--quiet', '--format', 'json'], { env: kimEnv(), memory: true });
    row.peakMiB = Math.max(row.peakMiB ?? 0, r.peakMiB ?? 0);
    // Exit 1 means some rows were rejected: the import still ran, and the count below shows it.
    if (r.code !== 0 && r.code !== 1) {
      row.error = `kim import exit ${r.code}: ${lastLines(r.stderr)}`;
      removeDb(state.db);
      return;
    }
    kimTimes.push(r.seconds);
    try {
      const json = JSON.parse(r.stdout);
      row.officers = json.officers?.created ?? null;
    } catch {
      row.officers = null;
    }
  }
  row.kimSeconds = kimTimes.sort((a, b) => a - b)[1];
  if (row.sqliteSeconds) row.ratio = row.kimSeconds / row.sqliteSeconds;
  state.importedDb = state.db;
}

async function stepStartup(state) {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) return;
  console.error('start-up …');
  // Taken in turns, so that a busy moment of the machine weighs on both alike.
  const node = [];
  const help = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    node.push((await measure(process.execPath, ['-e', '0'], { env: process.env })).seconds);
    help.push((await measure(process.execPath, [KIM, '--help'], { env: kimEnv() })).seconds);
  }
  const mid = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  state.measures.push({ measure: 'node -e 0 (s)', value: mid(node), digits: 3 });
  state.measures.push({ measure: 'kim --help (s)', value: mid(help), digits: 3 });
  state.measures.push({ measure: 'kim start-up over node (s)', value: mid(help.map((h, i) => h - node[i])), digits: 3, target: TARGET_STARTUP_S });
}

function extraStep(name) {
  return async (state) => {
    const script = path.join(BENCH, `${name}.js`);
    if (!fs.existsSync(script)) return;
    console.error(`bench/${name}.js …`);
    const env = { ...kimEnv(), BENCH_ROWS: String(state.rows), BENCH_CSV: state.csv, BENCH_KIM: KIM, BENCH_OUT: OUT };
    if (state.importedDb) env.BENCH_DB = state.importedDb;
    if (state.import?.sqliteSeconds) env.BENCH_SQLITE_S = String(state.import.sqliteSeconds);
    if (state.shellDb) env.BENCH_SHELL_DB = state.shellDb;
    const r = await measure(process.execPath, [script], { env, memory: true, echo: true });
    const reported = r.stdout
      .split('\n')
      .filter((line) => line.startsWith('BENCH '))
      .map((line) => {
        try {
          return JSON.parse(line.slice(6));
        } catch {
          return null;
        }
      })
      .filter((m) => m && typeof m.measure === 'string');
    if (r.code !== 0) state.measures.push({ measure: `bench/${name}.js`, value: null, note: `exit ${r.code}: ${lastLines(r.stderr, 1)}` });
    if (reported.length > 0) state.measures.push(...reported);
    else if (r.code === 0) {
      state.measures.push({ measure: `bench/${name}.js (s)`, value: r.seconds });
      state.measures.push({ measure: `bench/${name}.js peak (MiB)`, value: r.peakMiB, digits: 0 });
    }
  };
}

const STEPS = {
  generate: stepGenerate,
  import: stepImport,
  startup: stepStartup,
  ...Object.fromEntries(EXTRA_STEPS.map((name) => [name, extraStep(name)])),
};

// ---------------------------------------------------------------------------------------------
// Printing.

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const verdict = (ok) => (ok === null ? '–' : ok ? 'PASS' : 'MISS');

function printImport(row) {
  const ratioOk = row.ratio === null ? null : row.ratio <= TARGET_RATIO;
  const memOk = row.peakMiB === null ? null : row.peakMiB <= TARGET_PEAK_MIB;
  console.log(`\nImport of ${row.rows.toLocaleString('en-US')} rows (${fmt(row.csvMiB)} MiB of CSV)`);
  console.log(
    table(
      ['rows', 'kim (s)', 'sqlite3 (s)', 'ratio', 'target', 'result', 'peak (MiB)', 'target', 'result'],
      [[
        row.rows.toLocaleString('en-US'), fmt(row.kimSeconds, 2), fmt(row.sqliteSeconds, 2), row.ratio === null ? '–' : `${fmt(row.ratio, 2)}×`,
        `≤ ${fmt(TARGET_RATIO)}×`, verdict(ratioOk), fmt(row.peakMiB, 0), `≤ ${TARGET_PEAK_MIB}`, verdict(memOk),
      ]],
    ),
  );
  if (row.officers !== null) console.log(`officers created by kim: ${row.officers.toLocaleString('en-US')}`);
  if (row.error) console.log(`problem: ${row.error}`);
}

function printMeasures(measures) {
  if (measures.length === 0) return;
  console.log('\nOther measures');
  const rows = measures.map((m) => {
    const better = m.better === 'higher' ? 'higher' : 'lower';
    const ok = typeof m.target === 'number' && typeof m.value === 'number' ? (better === 'lower' ? m.value <= m.target : m.value >= m.target) : null;
    const target = typeof m.target === 'number' ? `${better === 'lower' ? '≤' : '≥'} ${m.target}` : '–';
    return [m.measure, m.value === null ? '–' : fmt(m.value, m.digits ?? 1), target, verdict(ok), m.note ?? ''];
  });
  console.log(table(['measure', 'value', 'target', 'result', 'note'], rows));
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const argv = process.argv.slice(2);
  const rows = Number(argValue(argv, '--rows') ?? process.env.BENCH_ROWS ?? 1_000_000);
  if (!Number.isSafeInteger(rows) || rows < 1) {
    console.error('--rows (or BENCH_ROWS) must be a positive whole number');
    return 2;
  }
  const wanted = (argValue(argv, '--steps') ?? Object.keys(STEPS).join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((s) => !STEPS[s]);
  if (unknown.length) {
    console.error(`unknown step ${unknown.join(', ')}; the steps are ${Object.keys(STEPS).join(', ')}`);
    return 2;
  }
  fs.mkdirSync(OUT, { recursive: true });
  const state = {
    rows,
    csv: path.join(OUT, `roster-${rows}.csv`),
    db: path.join(OUT, 'kim-bench.sqlite'),
    importedDb: null,
    shellDb: null,
    import: null,
    measures: [],
  };
  // The roster is needed by every step that follows, whether or not "generate" was named.
  if (!wanted.includes('generate')) await stepGenerate(state);
  try {
    for (const name of wanted) await STEPS[name](state);
  } finally {
    if (state.shellDb) removeDb(state.shellDb);
  }

  console.log(`\nkim benchmark — node ${process.version}, ${os.cpus().length} CPU, ${os.cpus()[0]?.model ?? ''}`.trimEnd());
  if (state.import) printImport(state.import);
  printMeasures(state.measures);
  const results = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, rows, targets: { ratio: TARGET_RATIO, peakMiB: TARGET_PEAK_MIB }, import: state.import, measures: state.measures };
  fs.writeFileSync(path.join(OUT, `results-${rows}.json`), JSON.stringify(results, null, 2) + '\n');
  return 0;
}

process.exitCode = await main();
