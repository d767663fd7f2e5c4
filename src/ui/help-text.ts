/**
 * Commander's help in the clerk's language. Commander writes the section titles ("Usage:",
 * "Options:"), the placeholders of the usage line ("[options]", "[command]") and the notes after an
 * option ("default:", "choices:") in English; these hooks put the catalog's words in their place
 * and leave the rest of its layout alone.
 */
import { Help, type Argument, type Command, type HelpConfiguration, type Option } from 'commander';
import type { MessageKey, Translate } from './messages/index.js';

const TITLES: Record<string, MessageKey> = {
  'Usage:': 'cli.help.usage',
  'Arguments:': 'cli.help.arguments',
  'Options:': 'cli.help.options',
  'Global Options:': 'cli.help.globalOptions',
  'Commands:': 'cli.help.commands',
};

/** Only the words of commander's closing "(choices: …, default: …)", never the description itself. */
function localNotes(t: Translate, description: string, full: string): string {
  if (!full.startsWith(description)) return full;
  const notes = full.slice(description.length).replace(/(?<=[(,] ?)(choices|default): /g, (_m, word: string) =>
    `${t(word === 'choices' ? 'cli.help.choices' : 'cli.help.default')}: `,
  );
  return description + notes;
}

export function localHelp(t: Translate): HelpConfiguration {
  return {
    // A command's help also lists --db, --format, --lang and the other options every command takes.
    showGlobalOptions: true,
    commandUsage(this: Help, command: Command) {
      return Help.prototype.commandUsage
        .call(this, command)
        .replace('[options]', t('cli.help.optionsPlaceholder'))
        .replace('[command]', t('cli.help.commandPlaceholder'));
    },
    styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title]) : title),
    optionDescription(this: Help, option: Option) {
      return localNotes(t, option.description ?? '', Help.prototype.optionDescription.call(this, option));
    },
    argumentDescription(this: Help, argument: Argument) {
      return localNotes(t, argument.description ?? '', Help.prototype.argumentDescription.call(this, argument));
    },
  };
}
