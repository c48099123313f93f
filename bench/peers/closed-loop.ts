/** What one timed run of a contender measured. */
export interface Measured {
  events: number;
  seconds: number;
  /** Milliseconds per event, unsorted. */
  latencies: number[];
  /** CPU ms of a client process other than this one (pgbench), when there is one. */
  clientCpuMs?: number;
}

/**
 * Closed loop for `seconds`: one client per session, each sending its next event as soon as the
 * last one is answered (`send(session index, event number)`).
 */
export async function closedLoop(
  sessions: number,
  seconds: number,
  send: (session: number, n: number) => Promise<unknown>,
): Promise<Measured> {
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: sessions }, async (_, s) => {
      for (let n = 0; performance.now() < until; n++) {
        const t = performance.now();
        await send(s, n);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { events: latencies.length, seconds: (performance.now() - started) / 1000, latencies };
}

/** The p-quantile (0…1) of `values` (sorted here). */
export function quantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

/** A contender of the peers bench. */
export interface Contender {
  name: string;
  /** Creates what `sessions` concurrent sessions need (called once, with the largest count). */
  prepare(sessions: number): Promise<void>;
  /** Runs `sessions` sessions in a closed loop for about `seconds`. */
  run(sessions: number, seconds: number): Promise<Measured>;
  close(): Promise<void>;
}
