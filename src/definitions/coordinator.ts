import type { ParallelStep } from './schema.ts';

/**
 * One fork of one run, in the process driving it: a controller per branch, so that a join that is
 * met (`any`, N of M) or a failing branch (`onBranchError: fail`) stops the branches still running.
 * Outcomes live in PostgreSQL (branch results); this holds only what cancels in-process work.
 */
export class Fork {
  readonly step: ParallelStep;
  readonly #controllers = new Map<string, AbortController>();
  closed = false;

  constructor(step: ParallelStep) {
    this.step = step;
    for (const branch of step.branches) this.#controllers.set(branch.id, new AbortController());
  }

  signal(branchId: string): AbortSignal {
    return this.#controllers.get(branchId)!.signal;
  }

  /** Branches still open (not stopped by {@link close}). */
  isOpen(branchId: string): boolean {
    return !this.#controllers.get(branchId)!.signal.aborted;
  }

  /** A branch ended (completed or failed): a later close must not count it as stopped. */
  settle(branchId: string): void {
    this.#controllers.get(branchId)!.abort();
  }

  /** Stop every branch but `except`; returns the ones stopped. */
  close(except: string[]): string[] {
    this.closed = true;
    const stopped: string[] = [];
    for (const [id, controller] of this.#controllers) {
      if (except.includes(id) || controller.signal.aborted) continue;
      controller.abort();
      stopped.push(id);
    }
    return stopped;
  }

  /** Branches needed for the join. */
  needed(failedIgnored: number): number {
    const n = this.step.branches.length;
    if (this.step.join === 'any') return 1;
    if (typeof this.step.join === 'object') return this.step.join.atLeast;
    return this.step.onBranchError === 'ignore' ? Math.max(1, n - failedIgnored) : n;
  }
}

/** The forks of the runs this process drives, by run and fork step. */
export class Forks {
  readonly #forks = new Map<string, Fork>();

  get(runId: string, step: ParallelStep): Fork {
    const key = `${runId}/${step.id}`;
    let fork = this.#forks.get(key);
    if (!fork) {
      fork = new Fork(step);
      this.#forks.set(key, fork);
    }
    return fork;
  }

  /** Forget a run's forks (its drive ended). */
  drop(runId: string): void {
    for (const key of this.#forks.keys()) if (key.startsWith(`${runId}/`)) this.#forks.delete(key);
  }
}
