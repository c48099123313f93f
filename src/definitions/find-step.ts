import type { Step } from './schema.ts';

/** A step of a definition by id, at any depth (fork branches, conditional arms). */
export function findStep(list: Step[], id: string): Step | undefined {
  for (const step of list) {
    if (step.id === id) return step;
    const inner =
      step.kind === 'parallel'
        ? step.branches.map((b) => findStep(b.steps, id)).find(Boolean)
        : step.kind === 'branch'
          ? (findStep(step.trueBranch, id) ?? (step.falseBranch && findStep(step.falseBranch, id)))
          : undefined;
    if (inner) return inner;
  }
  return undefined;
}
