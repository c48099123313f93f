/**
 * The floor: pgbench running `one-event.sql` (one event's SQL in one transaction), `-c` clients on
 * `-j 2` threads for `-T` seconds, with a per-transaction log for the latency quantiles.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { Contender, Measured } from './closed-loop.ts';
import { processCpuMs } from './cpu.ts';
import { createPeerSessions } from './event-sql.ts';

/** Runs `bin` and resolves with its output and its CPU ms (sampled every 100 ms until it exits). */
function runSampled(bin: string, args: string[]): Promise<{ stdout: string; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    let cpuMs = 0;
    const child = execFile(bin, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      clearInterval(timer);
      if (error) reject(new Error(`${bin} failed: ${stderr || error.message}`));
      else resolve({ stdout, cpuMs });
    });
    const timer = setInterval(() => {
      cpuMs = (child.pid && processCpuMs(child.pid)) || cpuMs;
    }, 100);
  });
}

const script = join(dirname(fileURLToPath(import.meta.url)), 'one-event.sql');

/** Debian's pgbench (the server's major version first), else the one on PATH. */
export function pgbenchPath(): string {
  for (const version of ['15', '16', '17', '18', '14']) {
    const path = `/usr/lib/postgresql/${version}/bin/pgbench`;
    if (existsSync(path)) return path;
  }
  return 'pgbench';
}

/** Connections for `sessions` sessions: one each, at most a pool's worth (20), as the others have. */
export const connectionsFor = (sessions: number) => Math.min(sessions, 20);

export function floorContender(databaseUrl: string, pool: pg.Pool, base: number): Contender {
  const bin = pgbenchPath();
  return {
    name: 'floor (pgbench)',
    prepare: (sessions) => createPeerSessions(pool, base, sessions),
    async run(sessions, seconds): Promise<Measured> {
      const clients = connectionsFor(sessions);
      const logs = mkdtempSync(join(tmpdir(), 'peers-pgbench-'));
      try {
        const { stdout, cpuMs } = await runSampled(bin, [
          '-n',
          '-M',
          'extended',
          '-f',
          script,
          '-c',
          String(clients),
          '-j',
          String(Math.min(2, clients)),
          '-T',
          String(Math.max(1, Math.round(seconds))),
          '-D',
          `base=${base}`,
          '-D',
          `clients=${clients}`,
          '-D',
          `sessions=${sessions}`,
          '-l',
          '--log-prefix',
          join(logs, 'tx'),
          databaseUrl,
        ]);
        // Per-transaction log lines: client_id transaction_no time_us script_no epoch epoch_us.
        const latencies = readdirSync(logs).flatMap((file) =>
          readFileSync(join(logs, file), 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => Number(line.split(' ')[2]) / 1000),
        );
        const duration = Number(/duration: (\d+) s/.exec(stdout)?.[1] ?? seconds);
        const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? Number.NaN);
        return {
          events: latencies.length,
          seconds: latencies.length / tps || duration,
          latencies,
          clientCpuMs: cpuMs,
        };
      } finally {
        rmSync(logs, { recursive: true, force: true });
      }
    },
    close: async () => undefined,
  };
}
