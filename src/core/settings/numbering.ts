import { DEFAULT_TEMPLATE, parseTemplate } from '../numbering/template.js';
import type { SettingDef } from './types.js';

/** `numbering.template`: how community numbers are written. Checked when set, so a bad one never lands. */
export const numberingSettings: SettingDef<string>[] = [
  {
    key: 'numbering.template',
    defaultValue: DEFAULT_TEMPLATE,
    describe: 'number.setting.template',
    parse: (text) => parseTemplate(text).source,
  },
];
