import fs from 'node:fs';
import path from 'node:path';
import { hasMessage, type MessageKey } from '../../src/ui/messages/index.js';
import { ROOT } from './cli.js';

/** Every key of the message catalog, read from its files. */
export const CATALOG_KEYS: MessageKey[] = fs
  .readdirSync(path.join(ROOT, 'src/ui/messages'))
  .flatMap((f) => [...fs.readFileSync(path.join(ROOT, 'src/ui/messages', f), 'utf8').matchAll(/^\s*'([\w.-]+)': \{/gm)].map((m) => m[1]!))
  .filter(hasMessage);
