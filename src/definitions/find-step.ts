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

/**
 * For every step and fork branch inside a fork, the forks and fork branches around it (outermost
 * first): a fork recorded as settled is not re-entered, so a step redone must redo them too, and a
 * step of a fork kept as settled keeps its outcome (e.g. cancelled by an `any` join).
 */
export function forksAround(list: Step[], around: string[] = []): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const step of list) {
    if (around.length) map.set(step.id, around);
    if (step.kind === 'parallel')
      for (const b of step.branches) {
        map.set(b.id, [...around, step.id]);
        for (const [id, ids] of forksAround(b.steps, [...around, step.id, b.id])) map.set(id, ids);
      }
    if (step.kind === 'branch')
      for (const arm of [step.trueBranch, step.falseBranch ?? []])
        for (const [id, ids] of forksAround(arm, around)) map.set(id, ids);
  }
  return map;
}
