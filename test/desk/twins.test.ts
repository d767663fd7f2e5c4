import { describe, expect, it } from 'vitest';
import { hasMessage, LANGS, translate, type MessageKey } from '../../src/ui/messages/index.js';
import { CATALOG_KEYS as KEYS } from '../helpers/catalog.js';

// Messages that name a command line and still reach no screen of the desk: the command line's own
// errors, help texts, and what only `kim validate`, `kim import`, `kim check` or `kim edit` print.
const COMMAND_LINE_ONLY = new Set([
  'config.unknownKey', 'check.older', 'community.notFound', 'import.conflictsHint', 'import.batchDone', 'undo.badBatch', 'undo.noBatch',
  'edit.cli.officerArg', 'edit.nothingAsked.officer', 'edit.nothingAsked.community', 'edit.officerNotFound', 'number.revoke.noNumber',
  'validate.noCommunities', 'validate.noRegency', 'validate.help', 'config.regencyUnset',
  // The provincial database's: help, kim init, and what only the command line's flags and commands reach.
  'cli.merge.files', 'init.province', 'init.officeNotProvince', 'province.owned', 'province.noImport', 'merge.notProvince', 'merge.none',
  'report.regencyOutside', 'report.regencyNotMerged', 'report.provinceOnly',
]);

describe("the desk's twins of sentences that name a command", () => {
  it('exist for every such sentence the desk can show, and name none themselves', () => {
    const naming = KEYS.filter((k) => !k.endsWith('.desk') && LANGS.some((lang) => translate(lang, k).includes('`kim ')));
    expect(naming.filter((k) => !hasMessage(`${k}.desk`) && !COMMAND_LINE_ONLY.has(k))).toEqual([]);
    for (const k of KEYS.filter((key) => key.endsWith('.desk'))) {
      expect(hasMessage(k.slice(0, -'.desk'.length)), k).toBe(true);
      for (const lang of LANGS) expect(translate(lang, k as MessageKey)).not.toContain('`kim ');
    }
  });
});
