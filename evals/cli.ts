import { readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError, isAppError } from '../src/errors/app-error.ts';
import { resolveModel } from '../src/models/resolve-model.ts';
import { type AgentAdapter, mentorAgentAdapter } from './agent-adapter.ts';
import { compareReports, formatComparison, readReport } from './compare.ts';
import { createProgress, type Progress } from './progress.ts';
import { formatAgentTable, formatCalibrationTable, totalFallbacks } from './report.ts';
import { renderHtmlReport } from './report-html.ts';
import { runEval } from './runner.ts';
import { checkThresholds, loadThresholds } from './thresholds.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const datasetDir = join(here, 'datasets');
export const defaultThresholdsFile = join(here, 'thresholds.json');

export const usage = `Usage: npm run eval -- [options]
       npm run eval -- --compare <before.json> <after.json>

Runs the eval datasets against the agents (offline: rules mode) and prints a table per agent.

  --dataset <file.jsonl>   dataset to run (repeatable; default: every file in evals/datasets)
  --agent <id>             only cases measuring this agent (repeatable), e.g. blocker-diagnosis, hint-giver, safety
  --model <id>             model for the agents, provider/model-id (default: environment; none = rules mode)
  --judge <id>             LLM judge for replies (tutor rubric, toxicity) and the calibration set (needs OPENAI_API_KEY or OPENAI_BASE_URL)
  --json <out>             write the JSON report
  --html <out>             write a self-contained HTML report
  --thresholds <file>      thresholds to enforce (default evals/thresholds.json)
  --no-thresholds          do not enforce thresholds
  --allow-fallback         a case the model failed on may be answered by rules mode (else exit 3)
  --concurrency <n>        cases in flight (default 4)
  --compare <a> <b>        show the difference between two JSON reports and exit
  -h, --help               this text

Exit code: 0 ok, 1 a metric is outside its threshold, 2 bad usage or configuration,
3 some cases fell back to rules mode because the model failed (the figures are not the model's;
--allow-fallback accepts that).`;

/** Exit code of a run in which the configured model failed and rules mode answered some cases. */
export const FALLBACK_EXIT_CODE = 3;

export interface CliIo {
  stdout: { write(s: string): boolean };
  stderr: { write(s: string): boolean; isTTY?: boolean; columns?: number };
  /** Agents to call; default the real ones through runAgentAction. */
  adapter?: (model: string | undefined) => AgentAdapter;
}

/** The eval command. Returns the exit code instead of exiting, so tests can call it. */
export async function main(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (isAppError(error)) {
      io.stderr.write(`eval: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** The command line, as node:util reads it. */
function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dataset: { type: 'string', multiple: true },
      agent: { type: 'string', multiple: true },
      model: { type: 'string' },
      judge: { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      thresholds: { type: 'string' },
      'no-thresholds': { type: 'boolean' },
      'allow-fallback': { type: 'boolean' },
      concurrency: { type: 'string' },
      compare: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    throw new AppError('VALIDATION_ERROR', `${(error as Error).message}\n${usage}`, {
      field: 'argv',
    });
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(`${usage}\n`);
    return 0;
  }

  if (values.compare) {
    const after = positionals[0];
    if (!after)
      throw new AppError(
        'VALIDATION_ERROR',
        '--compare needs two reports: --compare before.json after.json',
        { field: 'compare' },
      );
    const changes = compareReports(await readReport(values.compare), await readReport(after));
    io.stdout.write(`${values.compare} → ${after}\n${formatComparison(changes)}\n`);
    return 0;
  }
  if (positionals.length)
    throw new AppError('VALIDATION_ERROR', `unexpected argument ${positionals[0]}\n${usage}`, {
      field: 'argv',
    });

  const concurrency = values.concurrency === undefined ? 4 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new AppError('VALIDATION_ERROR', '--concurrency must be an integer from 1 to 64', {
      field: 'concurrency',
    });
  }
  // Fail on a malformed model id now rather than on every case.
  if (values.model) resolveModel('blocker-diagnosis', { model: values.model });
  const judge = values.judge ? judgeModel(values.judge) : undefined;

  const datasets = values.dataset ?? defaultDatasets(judge !== undefined);
  const thresholds = values['no-thresholds']
    ? undefined
    : await loadThresholds(values.thresholds ?? defaultThresholdsFile);
  const adapter = (io.adapter ?? ((model) => mentorAgentAdapter(model ? { model } : {})))(
    values.model,
  );

  const report = await runEval({
    datasets,
    adapter,
    ...(values.agent ? { agents: values.agent } : {}),
    ...(judge ? { judge } : {}),
    model: values.model ?? 'env',
    concurrency,
    progress: (total): Progress => createProgress(total, io.stderr),
  });
  if (thresholds) report.thresholdFailures = checkThresholds(report, thresholds);

  io.stdout.write(`${formatAgentTable(report.agents, { fallbacks: report.model !== 'env' })}\n`);
  if (report.judgeCalibration)
    io.stdout.write(`\n${formatCalibrationTable(report.judgeCalibration)}\n`);
  const skipped = report.datasets.reduce((n, d) => n + d.lineErrors.length, 0);
  if (skipped) io.stdout.write(`\n${skipped} malformed dataset line(s) skipped (see above)\n`);
  for (const f of report.thresholdFailures) {
    const bound = [
      f.min !== undefined ? `min ${f.min}` : '',
      f.max !== undefined ? `max ${f.max}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    io.stdout.write(
      `below threshold: ${f.agent} ${f.metric} = ${f.value === null ? 'not measured' : f.value.toFixed(3)} (${bound})\n`,
    );
  }

  // A run whose model failed measured the rules for those cases: say so, and do not pass silently.
  const fellBack = totalFallbacks(report.agents);
  const cases = Object.values(report.agents).reduce((n, a) => n + a.n, 0);
  if (fellBack) {
    const perAgent = Object.entries(report.agents)
      .filter(([, a]) => a.fallbacks > 0)
      .map(([id, a]) => `${id} ${a.fallbacks}/${a.n}`)
      .join(', ');
    io.stdout.write(
      `\n${fellBack} of ${cases} cases fell back to rules mode because the model failed (${perAgent}): those figures measure the rules, not ${report.model === 'env' ? 'the configured model' : report.model}.${values['allow-fallback'] ? '' : ` Exit ${FALLBACK_EXIT_CODE}; --allow-fallback accepts it.`}\n`,
    );
  }

  if (values.json) await writeOut(values.json, `${JSON.stringify(report, null, 2)}\n`);
  if (values.html) await writeOut(values.html, renderHtmlReport(report));
  if (fellBack && !values['allow-fallback']) return FALLBACK_EXIT_CODE;
  return report.thresholdFailures.length ? 1 : 0;
}

/** Every shipped dataset file, the calibration set only when a judge runs. */
export function defaultDatasets(withCalibration: boolean): string[] {
  return readdirSync(datasetDir)
    .filter((f) => f.endsWith('.jsonl') && (withCalibration || f !== 'judge-calibration.jsonl'))
    .sort()
    .map((f) => join(datasetDir, f));
}

function judgeModel(id: string) {
  const resolved = resolveModel('eval-judge', { model: id, fallbackToRules: false });
  if (resolved.mode === 'rules') {
    throw new AppError(
      'CONFIG_ERROR',
      `--judge ${id}: a judge needs a real model (${resolved.reason ?? 'rules mode cannot judge'})`,
      { field: 'judge' },
    );
  }
  return { id: resolved.id, model: resolved.model };
}

async function writeOut(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}
