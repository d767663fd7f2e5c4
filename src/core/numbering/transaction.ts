import { writeTransaction, type Db } from '../../db/connection.js';

class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super('dry run: rolled back');
  }
}

/**
 * Runs fn in a write transaction (BEGIN IMMEDIATE). With dryRun the work is done exactly as for
 * real, so the plan shown is the plan that would be applied, and then rolled back.
 */
export function inWriteTransaction<T>(db: Db, dryRun: boolean, fn: () => T): T {
  try {
    return writeTransaction(db, () => {
      const result = fn();
      if (dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result as T;
    throw error;
  }
}
