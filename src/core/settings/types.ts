import type { MessageKey, MessageParams } from '../../ui/messages/index.js';

/**
 * An office setting: stored as JSON in the settings table, set from text with `kim config set`.
 * `parse` throws a KimError (exit 2) with a sentence saying what is accepted.
 */
export interface SettingDef<T = unknown> {
  key: string;
  defaultValue: T;
  describe: MessageKey;
  /** Fills the description's placeholders, e.g. the rule code of `rules.<CODE>.severity`. */
  describeParams?: MessageParams;
  parse(text: string): T;
  /** How the value is shown by `config list/get`. */
  show?(value: T): string;
}
