/**
 * Commander's own usage errors (a missing option, an unknown command, a value outside the
 * choices) in the clerk's language. Commander words them in English only, so each known wording
 * of the pinned version is read back into its parts; a wording this list does not know is shown
 * as commander wrote it.
 */
import type { Command, CommanderError } from 'commander';
import { editDistance } from '../core/regions/normalize.js';
import type { MessageKey, Translate } from './messages/index.js';

interface Pattern {
  code: string;
  wording: RegExp;
  key: MessageKey;
  params: readonly string[];
}

// Commander appends a suggestion for a mistyped option or command.
const SUGGESTION = String.raw`(?:\n\(Did you mean (?:one of )?(.+)\?\))?`;

const PATTERNS: readonly Pattern[] = [
  { code: 'commander.missingArgument', wording: /^error: missing required argument '(.+)'$/, key: 'error.cli.missingArgument', params: ['name'] },
  { code: 'commander.optionMissingArgument', wording: /^error: option '(.+)' argument missing$/, key: 'error.cli.optionNeedsValue', params: ['option'] },
  { code: 'commander.missingMandatoryOptionValue', wording: /^error: required option '(.+)' not specified$/, key: 'error.cli.missingOption', params: ['option'] },
  { code: 'commander.unknownOption', wording: new RegExp(`^error: unknown option '(.+?)'${SUGGESTION}$`), key: 'error.cli.unknownOption', params: ['option', 'suggestion'] },
  { code: 'commander.unknownCommand', wording: new RegExp(`^error: unknown command '(.+?)'${SUGGESTION}$`), key: 'error.cli.unknownCommand', params: ['command', 'suggestion'] },
  {
    code: 'commander.excessArguments',
    wording: /^error: too many arguments(?: for '.+')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    key: 'error.cli.excessArguments',
    params: ['expected', 'got'],
  },
  {
    code: 'commander.invalidArgument',
    wording: /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/s,
    key: 'error.cli.optionChoice',
    params: ['option', 'value', 'choices'],
  },
  {
    code: 'commander.invalidArgument',
    wording: /^error: command-argument value '(.*)' is invalid for argument '(.+)'\. Allowed choices are (.+)\.$/s,
    key: 'error.cli.argumentChoice',
    params: ['value', 'argument', 'choices'],
  },
];

function commanderMessage(t: Translate, error: CommanderError): string {
  for (const p of PATTERNS) {
    if (p.code !== error.code) continue;
    const m = p.wording.exec(error.message);
    if (!m) continue;
    const params = Object.fromEntries(p.params.map((name, i) => [name, m[i + 1]]));
    const text = t(p.key, params);
    return params.suggestion ? `${text} ${t('error.cli.didYouMean', { suggestion: params.suggestion })}` : text;
  }
  return error.message.replace(/^error: /, '');
}

/**
 * A first word that names no command. kim alone opens the menu, so the program itself takes no
 * arguments and commander calls such a word "too many arguments"; the clerk mistyped a command.
 */
function unknownCommandMessage(t: Translate, word: string, commands: readonly string[]): string {
  const text = t('error.cli.unknownCommand', { command: word });
  const near = commands
    .map((name) => ({ name, distance: editDistance(word, name, 2) }))
    .filter((c) => c.distance <= 2)
    .sort((a, b) => a.distance - b.distance)[0];
  return near ? `${text} ${t('error.cli.didYouMean', { suggestion: near.name })}` : text;
}

/** What went wrong (a sentence) for a usage error commander stopped at; `words` are the command line after `kim`. */
function usageSentence(t: Translate, error: CommanderError, program: Command, words: readonly string[], named: Command | undefined): string {
  const commands = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (error.code === 'commander.help') {
    // Commander has shown a help on stderr instead of running anything: for a group named
    // without its command (`kim report`), or for help on a command that does not exist.
    if (named && named.commands.length > 0) return t('error.cli.missingSubcommand', { command: `kim ${named.name()}`, choices: named.commands.map((c) => c.name()).join(', ') });
    const topic = words.slice(words.indexOf('help') + 1).find((w) => !w.startsWith('-')) ?? '';
    return unknownCommandMessage(t, topic, commands);
  }
  if (!named && error.code === 'commander.excessArguments') return unknownCommandMessage(t, program.args[0] ?? '', commands);
  return commanderMessage(t, error);
}

/** The two lines kim writes on stderr for a usage error: what went wrong, and which help to read. */
export function usageMessage(t: Translate, error: CommanderError, program: Command, words: readonly string[]): string {
  const named = words.map((w) => program.commands.find((c) => c.name() === w || c.aliases().includes(w))).find((c) => c !== undefined);
  const sentence = usageSentence(t, error, program, words, named);
  return `${t('error.prefix')}: ${sentence}\n${t('error.seeHelp', { command: named ? `kim ${named.name()}` : 'kim' })}\n`;
}
