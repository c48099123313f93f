/**
 * CPU time, which unlike wall time does not depend on what else the machine runs: of this Node
 * process (`process.cpuUsage`), of a child process and of the PostgreSQL backends serving the bench
 * database, read from /proc (so only when the server runs on this host). Backends come and go
 * (pgbench's end with it), so they are sampled every 100 ms and each counts from its first to its
 * last sample: the CPU a backend uses in its last ≤ 100 ms is missed.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';

const ticksPerSecond = 100;

/** utime + stime of a process in ms, or undefined when it is gone or not on this host. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

export interface CpuSample {
  /** ms of the Postgres backends of the database; null when they are not readable here. */
  postgres: number | null;
  /** ms of this Node process. */
  node: number;
}

/**
 * Starts sampling the backends of `database` through `admin` (a pool on another database, so the
 * sampler's own backend is not counted); `stop()` returns the CPU used since.
 */
export function sampleCpu(admin: pg.Pool, database: string): { stop(): Promise<CpuSample> } {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let initial = true;
  let rowsSeen = false;
  let readAny = false;
  const node = process.cpuUsage();
  const sample = async () => {
    const { rows } = await admin.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1',
      [database],
    );
    rowsSeen ||= rows.length > 0;
    for (const { pid } of rows) {
      const ms = processCpuMs(pid);
      if (ms === undefined) continue; // gone meanwhile, or another host
      readAny = true;
      // A backend that started during the run counts from zero: its connection is part of the cost.
      if (!first.has(pid)) first.set(pid, initial ? ms : 0);
      last.set(pid, ms);
    }
    initial = false;
  };
  let pending = sample();
  const timer = setInterval(() => {
    pending = pending.then(sample, sample);
  }, 100);
  return {
    async stop() {
      clearInterval(timer);
      await pending.catch(() => undefined);
      await sample().catch(() => undefined);
      const used = process.cpuUsage(node);
      let postgres = 0;
      for (const [pid, ms] of last) postgres += ms - first.get(pid)!;
      return {
        postgres: readAny || !rowsSeen ? postgres : null,
        node: (used.user + used.system) / 1000,
      };
    },
  };
}
