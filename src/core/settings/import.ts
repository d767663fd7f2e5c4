import { usageError } from '../../errors.js';
import { COLUMN_TARGETS, type ColumnTarget } from '../roster/fields.js';
import { headerKey } from '../roster/headers.js';
import type { SettingDef } from './types.js';

/**
 * `import.columns`: headings this office has mapped once (in the desk workflow, or with
 * `kim config set import.columns '{"Kolom Aneh":"occupation"}'`), used for every later file.
 * `--map` on the command line still wins.
 */
export const importSettings: SettingDef<Record<string, ColumnTarget>>[] = [
  {
    key: 'import.columns',
    defaultValue: {},
    describe: 'import.setting.columns',
    parse: (text) => {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw usageError('import.setting.columnsBad', { value: text });
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw usageError('import.setting.columnsBad', { value: text });
      const out: Record<string, ColumnTarget> = {};
      for (const [heading, field] of Object.entries(value)) {
        if (!heading.trim() || !(COLUMN_TARGETS as readonly string[]).includes(String(field))) throw usageError('import.setting.columnsBad', { value: text });
        out[heading.trim()] = field as ColumnTarget;
      }
      return out;
    },
    show: (v) => JSON.stringify(v),
  },
];

/** The remembered headings as the reader takes them (heading key → field). */
export function rememberedColumns(value: Record<string, ColumnTarget>): Map<string, ColumnTarget> {
  return new Map(Object.entries(value).map(([heading, field]) => [headerKey(heading), field]));
}
