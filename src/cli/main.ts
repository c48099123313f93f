import { Command } from 'commander';
import { appVersion } from '../paths.ts';
import { chatCommand } from './commands/chat.ts';
import { dbCommand } from './commands/db.ts';
import { diagramCommand } from './commands/diagram.ts';
import { hooksCommand } from './commands/hooks.ts';
import { reportCommand } from './commands/report.ts';
import { startCommand } from './commands/start.ts';
import { fail } from './output.ts';

const program = new Command('mentorflow')
  .description(
    'mentorflow — a multi-agent mentor that guides a developer through a user story, on Mastra',
  )
  .version(appVersion)
  .showHelpAfterError()
  // `report -- <command…>` passes the learner's command through untouched.
  .enablePositionalOptions()
  .addCommand(startCommand())
  .addCommand(dbCommand())
  .addCommand(diagramCommand())
  .addCommand(chatCommand())
  .addCommand(reportCommand())
  .addCommand(hooksCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  fail(error, 2);
}
