import type { Definition, Step } from './schema.ts';
import { formatPath, type Problem } from './validate.ts';

/** The sub-workflows a definition runs, with the path of each step naming one. */
export function subWorkflowsOf(
  steps: Step[],
  at: (string | number)[] = ['steps'],
): { id: string; path: string }[] {
  return steps.flatMap((step, i) => {
    const here = [...at, i];
    if (step.kind === 'workflow')
      return [{ id: step.workflow, path: formatPath([...here, 'workflow']) }];
    if (step.kind === 'parallel')
      return step.branches.flatMap((b, j) =>
        subWorkflowsOf(b.steps, [...here, 'branches', j, 'steps']),
      );
    if (step.kind === 'branch')
      return [
        ...subWorkflowsOf(step.trueBranch, [...here, 'trueBranch']),
        ...subWorkflowsOf(step.falseBranch ?? [], [...here, 'falseBranch']),
      ];
    return [];
  });
}

/**
 * Cycles a definition would close through sub-workflows (`a` runs `b`, whose latest version runs
 * `a`): each would start child runs without end. `stored` gives the sub-workflows of each stored
 * definition's latest version.
 */
export function subWorkflowCycles(
  definition: Definition,
  stored: Map<string, string[]>,
): Problem[] {
  const problems: Problem[] = [];
  for (const { id, path } of subWorkflowsOf(definition.steps)) {
    const seen = new Set<string>();
    const trail: string[] = [definition.id, id];
    const walk = (current: string): boolean => {
      if (current === definition.id) return true;
      if (seen.has(current)) return false;
      seen.add(current);
      for (const next of stored.get(current) ?? []) {
        trail.push(next);
        if (walk(next)) return true;
        trail.pop();
      }
      return false;
    };
    if (id !== definition.id && walk(id))
      problems.push({ path, message: `cycle: ${trail.join(' → ')}` });
  }
  return problems;
}
