import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessageKey, MessageParams } from '../ui/messages/index.js';

/** kim's own folder (dist/db/ -> the package), where `npm rebuild better-sqlite3` must run. */
const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * better-sqlite3's compiled part missing (install scripts blocked, a copy without its build) or
 * built for another Node.js (Node upgraded after the install). Every database then fails to open
 * with the driver's own words, which would otherwise read as a fault of the database: this finds
 * them, also inside the error that wraps them, and names the command that fixes it.
 */
export function nativeDriverProblem(error: unknown): { key: MessageKey; params: MessageParams } | undefined {
  const params = { node: process.versions.node, dir: PACKAGE_DIR };
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const message = String((e as { message?: unknown }).message ?? '');
    if (message.includes('Could not locate the bindings file')) return { key: 'env.driverMissing', params };
    if (/NODE_MODULE_VERSION/.test(message) || ((e as { code?: unknown }).code === 'ERR_DLOPEN_FAILED' && message.includes('better_sqlite3'))) {
      return { key: 'env.driverMismatch', params };
    }
  }
  return undefined;
}
