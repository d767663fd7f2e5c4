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

/** What went wrong (a sentence) for a usage error commander stopped at in `failed`; `words` are the command line after `kim`. */
function usageSentence(t: Translate, error: CommanderError, failed: Command, words: readonly string[]): string {
  const commands = failed.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  const isProgram = failed.parent === null;
  if (error.code === 'commander.help') {
    // Commander has shown a help on stderr instead of running anything: for a group named
    // without its command (`kim report`), or for help on a command that does not exist.
    const at = words.indexOf('help');
    const topic = at < 0 ? undefined : words.slice(at + 1).find((w) => !w.startsWith('-'));
    if (topic !== undefined && !commands.includes(topic)) return unknownCommandMessage(t, topic, commands);
    if (!isProgram) return t('error.cli.missingSubcommand', { command: helpTopic(failed), choices: failed.commands.map((c) => c.name()).join(', ') });
    return unknownCommandMessage(t, topic ?? '', commands);
  }
  if (isProgram && error.code === 'commander.excessArguments') return unknownCommandMessage(t, failed.args[0] ?? '', commands);
  return commanderMessage(t, error);
}

/** `kim report recap`: the command's whole name, as its help is asked for. */
function helpTopic(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.parent ? c.name() : 'kim');
  return names.join(' ');
}

/**
 * The two lines kim writes on stderr for a usage error: what went wrong, and which help to read.
 * `failed` is the command commander reported the error on (the program when none was named).
 */
export function usageMessage(t: Translate, error: CommanderError, failed: Command, words: readonly string[]): string {
  return `${t('error.prefix')}: ${usageSentence(t, error, failed, words)}\n${t('error.seeHelp', { command: helpTopic(failed) })}\n`;
}
