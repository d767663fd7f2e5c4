import fs from 'node:fs';
import { discardTemporary, privateTemporary, renameIntoPlace } from '../../files.js';

/**
 * Where a streamed output goes: stdout, or a file written beside its target and renamed into
 * place on success (a reader never sees half an export; a failed one leaves nothing behind).
 * Writes wait for the destination to drain, so memory stays flat however large the export.
 */
export interface Sink {
  write(data: string | Uint8Array): Promise<void>;
  /** Finishes the output; for a file, renames it into place. */
  close(): Promise<void>;
  /** Gives up: for a file, removes the partial copy. */
  abort(): void;
  /** True once the reader went away (`kim export … | head`): stop producing. */
  readonly closed: boolean;
}

/** Waits for 'drain', but also gives up waiting when the stream errors or closes. */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}

/** Streams to stdout, which is left open for whoever owns it. */
export function stdoutSink(stdout: NodeJS.WritableStream): Sink {
  let closed = false;
  const markClosed = () => (closed = true);
  stdout.on('error', markClosed);
  stdout.on('close', markClosed);
  return {
    get closed() {
      return closed;
    },
    async write(data) {
      if (closed) return;
      if (!stdout.write(data)) await drained(stdout);
    },
    async close() {
      stdout.off('error', markClosed);
      stdout.off('close', markClosed);
    },
    abort() {
      stdout.off('error', markClosed);
      stdout.off('close', markClosed);
    },
  };
}

/** Streams to a private temporary file beside `file` (exports hold personal data). */
export function fileSink(file: string): Sink {
  const tmp = privateTemporary(file);
  const stream = fs.createWriteStream(tmp);
  let failure: Error | undefined;
  stream.on('error', (e) => (failure ??= e));
  const check = () => {
    if (failure) throw failure;
  };
  return {
    closed: false,
    async write(data) {
      check();
      if (!stream.write(data)) await drained(stream);
      check();
    },
    async close() {
      await new Promise<void>((resolve) => stream.end(resolve));
      check();
      renameIntoPlace(tmp, file);
    },
    abort() {
      stream.destroy();
      discardTemporary(tmp);
    },
  };
}
