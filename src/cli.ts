import { Argument, Command, Option } from 'commander';
import { localHelp } from './ui/help-text.js';
import type { Translate } from './ui/messages/index.js';

/** What a command module exports: it does the work and returns the exit code. */
export type CommandRun = (ctx: import('./context.js').Context, args: string[], opts: Record<string, unknown>) => Promise<number>;
type Loader = () => Promise<{ run: CommandRun }>;
/** Set by main: builds the context and runs the loaded command. */
export type Dispatch = (load: Loader, args: string[], command: Command) => Promise<void>;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * Commander declarations only. Command modules are imported when their command runs, so
 * `kim --help` never loads SQLite, the CSV reader or exceljs.
 */
export function buildProgram(t: Translate, dispatch: Dispatch, version: string): Command {
  const examples = (...lines: string[]) => `\n${t('cli.examples')}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
  const act = (load: Loader) =>
    async function (this: Command, ...params: unknown[]) {
      // Commander passes the positional arguments, then the options object, then the command.
      const positional = params.slice(0, -2).flatMap((p) => (Array.isArray(p) ? p : p === undefined ? [] : [p])) as string[];
      await dispatch(load, positional, this);
    };

  const program = new Command('kim')
    .description(t('cli.description'))
    .configureHelp(localHelp(t))
    .version(version, '-V, --version', t('cli.opt.version'))
    .helpOption('-h, --help', t('cli.opt.help'))
    .helpCommand('help [command]', t('cli.help.command'))
    .option('--db <file>', t('cli.opt.db'))
    .option('--lang <id|en>', t('cli.opt.lang'))
    .option('--format <fmt>', t('cli.opt.format'))
    .option('--out <file>', t('cli.opt.out'))
    .option('-y, --yes', t('cli.opt.yes'))
    .option('--operator <name>', t('cli.opt.operator'))
    .option('--no-color', t('cli.opt.noColor'))
    .option('-q, --quiet', t('cli.opt.quiet'))
    .option('--debug', t('cli.opt.debug'))
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      examples(
        'kim init --regency "Kota Probolinggo"',
        'kim import rosters/*.csv',
        'kim validate',
        'kim number',
        'kim report recap --year 2025 --quarter 4',
      ),
    )
    .action(act(() => import('./commands/menu.js')));

  const sub = (name: string, key: Parameters<Translate>[0]) =>
    program.command(name).description(t(key)).helpOption('-h, --help', t('cli.opt.help'));

  sub('init', 'cli.init')
    .option('--regency <code|name>', t('cli.init.regency'))
    .option('--office <name>', t('cli.init.office'))
    .option('--province <code|name>', t('cli.init.province'))
    .addHelpText('after', examples('kim init --regency 35.74', 'kim init --regency "Musi Banyuasin" --office "Diskominfo Muba"', 'kim --db sumsel.sqlite init --province "Sumatera Selatan"'))
    .action(act(() => import('./commands/init.js')));

  sub('merge', 'cli.merge')
    .argument('<file...>', t('cli.merge.files'))
    .addHelpText('after', examples('kim --db sumsel.sqlite merge kiriman/muba.sqlite kiriman/palembang.sqlite', 'kim --db sumsel.sqlite merge kiriman/*.sqlite --format json'))
    .action(act(() => import('./commands/merge.js')));

  sub('import', 'cli.import')
    .argument('<file...>', t('cli.import.files'))
    .option('--dry-run', t('cli.import.dryRun'))
    .option('--strict', t('cli.import.strict'))
    .option('--replace-rosters', t('cli.import.replaceRosters'))
    .option('--prefer-file', t('cli.import.preferFile'))
    .option('--encoding <enc>', t('cli.import.encoding'), 'auto')
    .option('--delimiter <d>', t('cli.import.delimiter'), 'auto')
    .option('--map <header=field>', t('cli.import.map'), collect)
    .option('--rejects <file>', t('cli.import.rejects'))
    .addHelpText(
      'after',
      examples(
        'kim import rekap_kecamatan.csv',
        'kim import --dry-run susulan.csv',
        'kim import --map "Kolom Aneh=occupation" --rejects perbaiki.csv data.csv',
        'kim import --format json --strict malam.csv',
        'kim import --prefer-file perbaikan_desa.csv',
      ),
    )
    .action(act(() => import('./commands/import.js')));

  sub('batches', 'cli.batches')
    .addHelpText('after', examples('kim batches', 'kim batches --format json'))
    .action(act(() => import('./commands/batches.js')));

  sub('undo', 'cli.undo')
    .argument('<batch>', t('cli.undo.batch'))
    .addHelpText('after', examples('kim undo 7', 'kim undo 7 --yes'))
    .action(act(() => import('./commands/undo.js')));

  sub('validate', 'cli.validate')
    .argument('[community...]', t('cli.validate.communities'))
    .option('--district <name>', t('cli.validate.district'))
    .addOption(new Option('--severity <level>', t('cli.validate.severity')).choices(['error', 'warning']))
    .addHelpText('after', examples('kim validate', 'kim validate "KIM Maju Bersama"', 'kim validate --district Kanigaran --format json'))
    .addHelpText('after', t('validate.help'))
    .action(act(() => import('./commands/validate.js')));

  sub('rules', 'cli.rules')
    .addHelpText('after', examples('kim rules', 'kim rules --format json'))
    .action(act(() => import('./commands/rules.js')));

  const config = sub('config', 'cli.config').addHelpText(
    'after',
    examples('kim config list', 'kim config get numbering.template', 'kim config set rules.ADM-SIZE.max 25'),
  );
  config.command('list').description(t('cli.config.list')).action(act(async () => withVerb('list')));
  config.command('get').description(t('cli.config.get')).argument('<key>').action(act(async () => withVerb('get')));
  config.command('set').description(t('cli.config.set')).argument('<key>').argument('<value>').action(act(async () => withVerb('set')));
  config.command('unset').description(t('cli.config.unset')).argument('<key>').action(act(async () => withVerb('unset')));

  sub('number', 'cli.number')
    .argument('[community...]', t('cli.number.communities'))
    .option('--dry-run', t('cli.number.dryRun'))
    .option('--revoke <community>', t('cli.number.revoke'))
    .option('--reason <text>', t('cli.number.reason'))
    .addHelpText('after', examples('kim number', 'kim number --dry-run', 'kim number --revoke 12 --reason "SK dicabut"'))
    .action(act(() => import('./commands/number.js')));

  sub('list', 'cli.list')
    .option('--district <name>', t('cli.list.district'))
    .addOption(new Option('--status <status>', t('cli.list.status')).choices(['numbered', 'unnumbered', 'compliant', 'noncompliant', 'ended']))
    .option('--search <text>', t('cli.list.search'))
    .addHelpText('after', examples('kim list', 'kim list --district Mayangan --status noncompliant'))
    .action(act(() => import('./commands/list.js')));

  sub('show', 'cli.show')
    .argument('<community>', t('cli.show.community'))
    .addHelpText('after', examples('kim show 3', 'kim show "KIM Jati Mandiri"', 'kim show 35.74.03.1007.01'))
    .action(act(() => import('./commands/show.js')));

  sub('end', 'cli.end')
    .argument('<community>', t('cli.show.community'))
    .requiredOption('--reason <text>', t('cli.end.reason'))
    .option('--date <date>', t('cli.end.date'))
    .addHelpText('after', examples('kim end 4 --reason "Bubar, pengurus pindah" --date 30/09/2025'))
    .action(act(() => import('./commands/end.js')));

  const edit = sub('edit', 'edit.cli.group').addHelpText(
    'after',
    examples('kim edit officer 10 --occupation "Guru Honorer"', 'kim edit community 4 --sk-number 400/17/425.105/2025 --sk-date "1 Maret 2025"'),
  );
  const field = (c: Command, flags: string, key: Parameters<Translate>[0]) => c.option(flags, t(key));
  const officer = edit.command('officer').description(t('edit.cli.officer')).helpOption('-h, --help', t('cli.opt.help')).argument('<officer>', t('edit.cli.officerArg'));
  for (const [flags, key] of [
    ['--kim <community>', 'edit.cli.opt.kim'], ['--name <text>', 'edit.cli.opt.name'], ['--role <text>', 'edit.cli.opt.role'], ['--occupation <text>', 'edit.cli.opt.occupation'],
    ['--employment-status <text>', 'edit.cli.opt.employmentStatus'], ['--notes <text>', 'edit.cli.opt.notes'], ['--party <text>', 'edit.cli.opt.party'], ['--ngo <text>', 'edit.cli.opt.ngo'], ['--nip <text>', 'edit.cli.opt.nip'],
    ['--nik <nik>', 'edit.cli.opt.nik'], ['--sex <L|P>', 'edit.cli.opt.sex'], ['--birth-date <date>', 'edit.cli.opt.birthDate'],
    ['--phone <number>', 'edit.cli.opt.phone'], ['--end [date]', 'edit.cli.opt.end'], ['--reason <text>', 'edit.cli.opt.reason'],
  ] as const) field(officer, flags, key);
  officer
    .addHelpText('after', examples('kim edit officer 10 --occupation "Guru Honorer"', 'kim edit officer "Hadi Wibowo" --kim "KIM Mayangan Bahari" --occupation Wiraswasta', 'kim edit officer 3574031302710108 --party "-" --ngo ""', 'kim edit officer 12 --nik 3574035608820133 --birth-date 16/08/1982', 'kim edit officer 14 --end 30/09/2025 --reason "Pindah domisili"'))
    .addHelpText('after', `\n${t('edit.cli.afterHelp')}\n`)
    .action(act(() => import('./commands/edit-officer.js')));
  const community = edit.command('community').description(t('edit.cli.community')).helpOption('-h, --help', t('cli.opt.help')).argument('<community>', t('cli.show.community'));
  for (const [flags, key] of [
    ['--sk-number <text>', 'edit.cli.opt.skNumber'], ['--sk-date <date>', 'edit.cli.opt.skDate'], ['--sk-issuer <text>', 'edit.cli.opt.skIssuer'],
    ['--acknowledged <yes|no|date>', 'edit.cli.opt.acknowledged'], ['--district <name>', 'edit.cli.opt.district'], ['--village <name>', 'edit.cli.opt.village'],
  ] as const) field(community, flags, key);
  community
    .addHelpText('after', examples('kim edit community "KIM Kedopok Sehati" --sk-number 400/17/425.105/2025 --sk-date "1 Maret 2025"', 'kim edit community 4 --acknowledged ya --sk-issuer "Lurah Jrebeng Kulon"', 'kim edit community 6 --district Kademangan --village "Triwung Lor"'))
    .addHelpText('after', `\n${t('edit.cli.afterHelp')}\n`)
    .action(act(() => import('./commands/edit-community.js')));

  const report = sub('report', 'cli.report');
  report
    .command('recap')
    .description(t('cli.report.recap'))
    .requiredOption('--year <YYYY>', t('cli.report.year'))
    .requiredOption('--quarter <1-4>', t('cli.report.quarter'))
    .addOption(new Option('--by <unit>', t('cli.report.by')).choices(['regency']))
    .option('--regency <code|name>', t('cli.report.regency'))
    .addHelpText(
      'after',
      examples(
        'kim report recap --year 2025 --quarter 4',
        'kim report recap --year 2025 --quarter 4 --format xlsx --out rekap.xlsx',
        'kim --db sumsel.sqlite report recap --year 2025 --quarter 4 --by regency',
        'kim --db sumsel.sqlite report recap --year 2025 --quarter 4 --regency "Musi Banyuasin"',
      ),
    )
    .action(act(() => import('./commands/report-recap.js')));
  report
    .command('findings')
    .description(t('cli.report.findings'))
    .option('--district <name>', t('cli.list.district'))
    .addHelpText('after', examples('kim report findings', 'kim report findings --format xlsx --out tindak-lanjut.xlsx'))
    .action(act(() => import('./commands/report-findings.js')));

  sub('export', 'cli.export')
    .addArgument(new Argument('<what>', t('cli.export.what')).choices(['communities', 'officers']))
    .option('--include-nik', t('cli.export.includeNik'))
    .option('--excel', t('cli.export.excel'))
    .addHelpText('after', examples('kim export communities --format csv --out kim.csv', 'kim export officers --excel --out pengurus.csv', 'kim export officers --format xlsx --out pengurus.xlsx'))
    .action(act(() => import('./commands/export.js')));

  sub('backup', 'cli.backup')
    .argument('<file>', t('cli.backup.file'))
    .addHelpText('after', examples('kim backup cadangan-2025-12-31.sqlite'))
    .action(act(() => import('./commands/backup.js')));

  sub('check', 'cli.check')
    .addHelpText('after', examples('kim check'))
    .action(act(() => import('./commands/check.js')));

  sub('log', 'cli.log')
    .option('--limit <n>', t('cli.log.limit'), '50')
    .option('--action <name>', t('cli.log.action'))
    .addHelpText('after', examples('kim log', 'kim log --action import --format json'))
    .action(act(() => import('./commands/log.js')));

  return program;
}

async function withVerb(verb: string) {
  const mod = await import('./commands/config.js');
  return { run: ((ctx, args, opts) => mod.run(ctx, [verb, ...args], opts)) as CommandRun };
}
