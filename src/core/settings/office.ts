import type { SettingDef } from './types.js';

/** The regency is set through `kim init --regency` (or `config set regency`), which resolves names. */
export const officeSettings: SettingDef[] = [
  {
    key: 'office',
    defaultValue: '',
    describe: 'settings.office',
    parse: (text) => text.trim(),
  },
];
