import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../src/errors/app-error.ts';
import { issuePath } from '../src/errors/zod-error.ts';
import {
  type DatasetCaseMap,
  type DatasetKind,
  datasetKinds,
  datasetSchemas,
} from './dataset-schemas.ts';

/** A line that could not be used, with its 1-based line number. The run goes on without it. */
export interface DatasetLineError {
  line: number;
  message: string;
}

export interface Dataset<K extends DatasetKind = DatasetKind> {
  kind: K;
  /** Where the cases came from (file path, or a label for in-memory text). */
  file: string;
  cases: DatasetCaseMap[K][];
  errors: DatasetLineError[];
}

/**
 * Which format a dataset file has: its file name when it is one of the shipped names
 * (`blocker-diagnosis.jsonl`, `hints.jsonl`…), otherwise the shape of its first parsable line.
 */
export function detectKind(file: string, text: string): DatasetKind {
  const name = basename(file).replace(/\.jsonl$/, '');
  if ((datasetKinds as string[]).includes(name)) return name as DatasetKind;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    const kind = kindOfShape(value);
    if (kind) return kind;
  }
  throw new AppError(
    'VALIDATION_ERROR',
    `${file}: cannot tell which dataset format this is (no line matches a known shape)`,
    {
      field: 'dataset',
    },
  );
}

function kindOfShape(value: unknown): DatasetKind | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as {
    input?: Record<string, unknown>;
    expected?: Record<string, unknown>;
    labels?: unknown;
    kind?: unknown;
  };
  if (v.labels && v.input && 'hint' in v.input) return 'judge-calibration';
  if (v.expected && 'category' in v.expected) return 'blocker-diagnosis';
  if (v.input && 'restatement' in v.input) return 'understanding-assessment';
  if (v.input && 'plan' in v.input) return 'plan-review';
  if (v.expected && 'escalate' in v.expected) return 'safety';
  if (v.input && 'learner' in v.input) return 'hints';
  return undefined;
}

/**
 * Parse JSONL text. Blank lines are skipped; a line that is not JSON, does not match the format's
 * schema, or repeats an id is reported with its line number and left out — the other cases still run.
 */
export function parseDataset<K extends DatasetKind>(
  text: string,
  kind: K,
  file = '<text>',
): Dataset<K> {
  const schema = datasetSchemas[kind];
  const cases: DatasetCaseMap[K][] = [];
  const errors: DatasetLineError[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      errors.push({ line, message: `invalid JSON: ${(err as Error).message}` });
      return;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issuePath(issue);
      errors.push({ line, message: path ? `${path}: ${issue.message}` : issue.message });
      return;
    }
    const c = parsed.data as DatasetCaseMap[K];
    if (seen.has(c.id)) {
      errors.push({ line, message: `duplicate id "${c.id}"` });
      return;
    }
    seen.add(c.id);
    cases.push(c);
  });
  return { kind, file, cases, errors };
}

/** Read and parse a dataset file; `kind` defaults to {@link detectKind}. Missing file → NOT_FOUND. */
export async function loadDataset(file: string, kind?: DatasetKind): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new AppError('NOT_FOUND', `dataset ${file} cannot be read: ${(err as Error).message}`, {
      field: 'dataset',
      cause: err,
    });
  }
  return parseDataset(text, kind ?? detectKind(file, text), file);
}
