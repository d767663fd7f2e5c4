import { environmentError, KimError, type ExitCode } from '../errors.js';
import type { MessageKey, MessageParams } from '../ui/messages/index.js';

/** An error as it crosses from a thread: a KimError keeps its message key and exit code. */
export interface ThreadError {
  kim?: { exitCode: number; key: string; params: Record<string, unknown> };
  message: string;
  code?: string;
  stack?: string;
}

export function packError(e: unknown): ThreadError {
  const error = e as Error & { code?: string };
  return {
    kim: e instanceof KimError ? { exitCode: e.exitCode, key: e.key, params: e.params } : undefined,
    message: error.message,
    code: error.code,
    stack: error.stack,
  };
}

export function unpackError({ kim, message, code, stack }: ThreadError): Error {
  return kim ? new KimError(kim.exitCode as ExitCode, kim.key as MessageKey, kim.params as MessageParams) : Object.assign(new Error(message), { code, stack });
}

/**
 * A thread that stopped on its own: the heap cap is what stops a runaway file from taking the
 * machine's memory, and reaching it is a sentence for the clerk, not an internal error. The batch
 * was never committed.
 */
export function threadFailure(e: Error & { code?: string }): Error {
  return e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? environmentError('import.outOfMemory', { reason: e.message }, e) : e;
}
