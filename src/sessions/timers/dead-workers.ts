/**
 * Timer workers register their Graphile worker ids with a heartbeat; live processes (at boot and on
 * every beat) release the jobs locked by ids whose heartbeat stopped (their process died mid-job),
 * so those timers run within seconds instead of after Graphile's 4-hour lock timeout. The SQL is
 * src/db/sessions/*-timer-workers.ts.
 */

/** A worker whose heartbeat is older than this is dead (three beats missed). */
export const HEARTBEAT_STALE_MS = 15_000;
/** How often live workers beat. */
export const HEARTBEAT_EVERY_MS = 5_000;
