/** `npm run eval -- …`: see `evals/cli.ts` for the options and `evals/README.md` for the datasets. */
import '../src/config/normalise-env.ts';
import { main } from './cli.ts';

process.exitCode = await main(process.argv.slice(2));
