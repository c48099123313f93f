import type pg from 'pg';

/** Anything that runs a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/**
 * Run `fn` in one transaction on `client` (one the caller holds, e.g. under an advisory lock or
 * lent by Graphile Worker): commit when it returns, roll back when it throws.
 */
export async function inTransaction<T>(
  client: Pick<pg.PoolClient, 'query'>,
  fn: () => Promise<T>,
): Promise<T> {
  await client.query('begin');
  try {
    const result = await fn();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** Run `fn` in one transaction on a client of `pool`: the one way the code opens a transaction. */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    return await inTransaction(client, () => fn(client));
  } finally {
    client.release();
  }
}
