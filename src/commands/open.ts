import type { Context } from '../context.js';
import { busyTimeoutFromEnv, openDatabase, type Db } from '../db/connection.js';

/** Opens the database of --db for a command; `create` for the commands that may start one. */
export function openForCommand(ctx: Context, options: { create?: boolean } = {}): Db {
  return openDatabase(ctx.dbPath, {
    create: options.create,
    operator: ctx.operator,
    busyTimeoutMs: busyTimeoutFromEnv(ctx.io.env),
  });
}

/** Runs fn with the database open and always closes it, also on error. */
export async function withDb<T>(ctx: Context, options: { create?: boolean }, fn: (db: Db) => T | Promise<T>): Promise<T> {
  const db = openForCommand(ctx, options);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}
