import type { MessageKey, MessageParams } from './ui/messages/index.js';

/** Exit codes of the contract. */
export const EXIT = { OK: 0, PROBLEMS: 1, USAGE: 2, ENVIRONMENT: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An error a clerk can act on: it carries a catalog key (never a raw sentence) so that the
 * message comes out in the user's language, and the exit code the contract names for it.
 */
export class KimError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    options?: { cause?: unknown },
  ) {
    super(key, options);
    this.name = 'KimError';
  }
}

/** Bad option, unreadable or invalid file, unknown community: nothing was changed. */
export const usageError = (key: MessageKey, params?: MessageParams, cause?: unknown) =>
  new KimError(EXIT.USAGE, key, params, { cause });

/** Locked, corrupt, newer schema, disk problems: nothing was changed. */
export const environmentError = (key: MessageKey, params?: MessageParams, cause?: unknown) =>
  new KimError(EXIT.ENVIRONMENT, key, params, { cause });
