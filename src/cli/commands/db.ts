import { Command } from 'commander';
import { loadConfig } from '../../config/index.ts';
import { mastraStorageVersion, openDatabase, prepareDatabase } from '../../db/database.ts';
import { migrationStatus } from '../../db/migrate.ts';
import { serverVersion } from '../../db/server-version.ts';
import { bootSummary } from '../../db/system/boot-summary.ts';
import { selectMastraStorage } from '../../db/system/select-mastra-storage.ts';
import { fail, redactUrl, say } from '../output.ts';

/** `mentorflow db status|migrate`: which database this configuration uses and its schema level. */
export function dbCommand(): Command {
  const db = new Command('db').description('inspect or migrate the database');
  db.command('status')
    .description('show which database is used and its migration level')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      try {
        const cfg = loadConfig();
        const database = await openDatabase(cfg, { log: say, max: 2 });
        try {
          const [status, version, mastraStorage, boots] = await Promise.all([
            migrationStatus(database.pool),
            serverVersion(database.pool),
            // Both tables come with the migrations: a database never migrated has neither.
            selectMastraStorage(database.pool).catch(() => null),
            bootSummary(database.pool).catch(() => ({ boots: 0, lastBoot: null })),
          ]);
          const report = {
            database: database.kind,
            url: redactUrl(database.url),
            serverVersion: version,
            migrationLevel: status.level,
            latestMigration: status.latest,
            pending: status.pending,
            mastraStorage,
            mastraStorageExpected: mastraStorageVersion,
            boots: boots.boots,
            lastBoot: boots.lastBoot,
          };
          if (options.json) {
            process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          } else {
            process.stdout.write(
              [
                `database:        ${report.database} (${report.url}, PostgreSQL ${report.serverVersion})`,
                `migrations:      level ${report.migrationLevel} of ${report.latestMigration}${report.pending.length ? ` — pending: ${report.pending.join(', ')} (run: mentorflow db migrate)` : ' — up to date'}`,
                `mastra storage:  ${report.mastraStorage ?? 'not initialised'}${report.mastraStorage === mastraStorageVersion ? '' : ` (expected ${mastraStorageVersion})`}`,
                `boots recorded:  ${report.boots}${report.lastBoot ? `, last ${new Date(report.lastBoot).toISOString()}` : ''}`,
              ].join('\n') + '\n',
            );
          }
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(error);
      }
    });
  db.command('migrate')
    .description('apply pending migrations and initialise Mastra storage')
    .action(async () => {
      try {
        const database = await openDatabase(loadConfig(), { log: say, max: 4 });
        try {
          const result = await prepareDatabase(database.pool);
          say(
            result.applied.length
              ? `applied ${result.applied.join(', ')}`
              : `schema already at level ${result.level}`,
          );
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(error);
      }
    });
  return db;
}
