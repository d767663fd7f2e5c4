import path from 'node:path';
import { usageError } from '../../errors.js';
import { packMaps } from '../roster/headers.js';
import { readRoster, type RosterFile } from '../roster/reader.js';
import type { Rejection } from '../roster/record.js';
import { officerValues } from './columns.js';
import { communityFromSignature, communitySignature } from './community-cells.js';
import { readRosterInThread, readsInThread } from './parse-thread.js';
import type { ImportOptions } from './run.js';
import type { ImportSession } from './session.js';

export interface FileSink {
  begin(file: RosterFile): void;
  /** A refused row, in the file's order; returns the entry it was kept as. */
  reject(rejection: Rejection): { cells: string[] };
}

/**
 * Reads one roster file and applies its rows to the session. A large file is read in a second
 * thread while this one writes (see parse-thread); the cells of the few rows this thread refuses
 * are then read again, for the rejects file. Returns the file as read, with the refused rows
 * handed to `sink` in row order either way.
 */
export async function applyFile(session: ImportSession, file: string, index: number, options: ImportOptions, sink: FileSink): Promise<RosterFile> {
  const onBytes = (b: number) => options.onBytes?.(index, b);
  if (!readsInThread(file)) {
    return readRoster(file, { encoding: options.encoding, delimiter: options.delimiter, maps: options.maps, onBytes }, {
      begin: sink.begin,
      row: (row, record, cells) => {
        const problem = session.applyRow(row, communitySignature(record), officerValues(record), () => record);
        if (problem) sink.reject({ ...problem, cells });
      },
      reject: sink.reject,
    });
  }
  const needCells = new Map<number, { cells: string[] }>();
  const info = await readRosterInThread(
    { file, encoding: options.encoding, delimiter: options.delimiter, maps: packMaps(options.maps) },
    {
      begin: sink.begin,
      row: (row, signature, values) => {
        const problem = session.applyRow(row, signature, values, () => communityFromSignature(signature));
        if (problem) needCells.set(row, sink.reject({ ...problem, cells: [] }));
      },
      reject: sink.reject,
      bytes: onBytes,
    },
  );
  if (needCells.size > 0) {
    // Read as the first reading chose, and only the same file: a roster saved again meanwhile
    // would put other rows' cells in the rejects file.
    const again = await readRoster(file, { encoding: info.encoding, delimiter: info.delimiter, maps: options.maps }, {
      begin: () => {},
      row: (row, _record, cells) => {
        const kept = needCells.get(row);
        if (kept) kept.cells = cells;
      },
      reject: () => {},
    });
    if (again.sha256 !== info.sha256) throw usageError('import.fileChanged', { file: path.basename(info.path) });
  }
  return info;
}
