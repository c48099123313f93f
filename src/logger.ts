import { PinoLogger } from '@mastra/loggers';
import type { Config } from './config/index.ts';

type MastraLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Pino's extra levels folded onto the ones Mastra's logger knows. */
function toMastraLevel(level: Config['LOG_LEVEL']): MastraLevel {
  if (level === 'trace') return 'debug';
  if (level === 'fatal') return 'error';
  return level;
}

/** The one logger of the process, shared by Mastra and our own code. JSON lines unless on a TTY. */
export function createLogger(level: Config['LOG_LEVEL']): PinoLogger {
  return new PinoLogger({
    name: 'mentorflow',
    level: toMastraLevel(level),
    prettyPrint: Boolean(process.stdout.isTTY),
  });
}
