import type { ActivityEvent } from '../../../src/sessions/detectors/activity-event.ts';

/** Test builders for activity events; `minute` is minutes after a fixed start, so order is explicit. */
const start = Date.parse('2026-11-21T09:00:00.000Z');

export function time(minute: number): string {
  return new Date(start + minute * 60_000).toISOString();
}

export const ev = {
  testRun: (
    minute: number,
    failing: readonly string[],
    extra: { file?: string; taskId?: string } = {},
  ): ActivityEvent => ({
    type: 'test-run',
    at: time(minute),
    ...(extra.taskId ? { taskId: extra.taskId } : {}),
    data: {
      failed: failing.length,
      failures: failing.map((name) => ({
        name,
        file: extra.file ?? 'test/cart.test.ts',
        message: `${name} broke`,
      })),
    },
  }),
  build: (minute: number, signature: string | null): ActivityEvent => ({
    type: 'build',
    at: time(minute),
    data:
      signature === null
        ? { success: true, errors: [], signature: null }
        : { success: false, errors: [signature], signature },
  }),
  typecheck: (minute: number, code: string | null): ActivityEvent => ({
    type: 'typecheck',
    at: time(minute),
    data:
      code === null
        ? { errorCount: 0, errors: [] }
        : {
            errorCount: 1,
            errors: [{ code, file: 'src/a.ts', line: 1, col: 1, message: `problem ${code}` }],
          },
  }),
  change: (
    minute: number,
    data: { diffHash?: string; treeHash?: string; files?: string[] } = {},
  ): ActivityEvent => ({ type: 'code-change', at: time(minute), data }),
  commit: (minute: number, data: { diffHash?: string; treeHash?: string } = {}): ActivityEvent => ({
    type: 'commit',
    at: time(minute),
    data,
  }),
  research: (minute: number, query: string): ActivityEvent => ({
    type: 'research',
    at: time(minute),
    data: { query },
  }),
  help: (minute: number, topic: string, taskId?: string): ActivityEvent => ({
    type: 'help-request',
    at: time(minute),
    ...(taskId ? { taskId } : {}),
    data: { topic },
  }),
  message: (minute: number, text: string): ActivityEvent => ({
    type: 'learner-message',
    at: time(minute),
    data: { text },
  }),
  timeout: (minute: number, taskId?: string): ActivityEvent => ({
    type: 'timeout',
    at: time(minute),
    ...(taskId ? { taskId } : {}),
    data: { kind: 'simple' },
  }),
  diagnosis: (minute: number, diagnosed: boolean, category?: string): ActivityEvent => ({
    type: 'diagnosis',
    at: time(minute),
    data: category ? { diagnosed, category } : { diagnosed },
  }),
  taskStarted: (minute: number, taskId?: string): ActivityEvent => ({
    type: 'task-started',
    at: time(minute),
    ...(taskId ? { taskId } : {}),
    data: {},
  }),
  taskCompleted: (minute: number, taskId?: string): ActivityEvent => ({
    type: 'task-completed',
    at: time(minute),
    ...(taskId ? { taskId } : {}),
    data: {},
  }),
};

/** `n` events made by `make(i)` at minutes `from`, `from + 1`, … */
export function series(
  n: number,
  from: number,
  make: (minute: number, i: number) => ActivityEvent,
): ActivityEvent[] {
  return Array.from({ length: n }, (_, i) => make(from + i, i));
}
