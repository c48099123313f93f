/**
 * Generates docs/machines.md from the machine definitions: diagrams, counts, states with their
 * actions, the added edges with their reasons, the action tables and the policies. Run with
 * `npm run docs:machines`; test/unit/machine/docs.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FINAL, checkMachine, childrenOf, leafStates, toMermaid } from '../src/machine/index.ts';
import type { AnyMachine } from '../src/machine/index.ts';
import {
  lifecycleActions,
  lifecyclePolicies,
  machines,
  storyActions,
  storyPolicies,
} from '../src/domain/machines/index.ts';

export const machinesDocPath = fileURLToPath(new URL('../docs/machines.md', import.meta.url));

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const list = (items: readonly string[] | undefined) =>
  items && items.length ? items.map((i) => `\`${i}\``).join(', ') : '—';
const duration = (ms: number) => {
  const minutes = ms / 60_000;
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${minutes / 60} h`;
  return `${minutes / (24 * 60)} d`;
};

function counts(machine: AnyMachine) {
  const transitions = machine.transitions;
  const finals = Object.entries(machine.states)
    .filter(([, s]) => s.final)
    .map(([n]) => n);
  const endsAtPseudo =
    transitions.some((t) => t.to === FINAL) || (machine.anyState ?? []).some((t) => t.to === FINAL);
  return {
    states: Object.keys(machine.states).length,
    leaves: leafStates(machine).length,
    composites: Object.keys(machine.states).filter((s) => childrenOf(machine, s).length > 0),
    events: Object.keys(machine.events).length,
    seedEdges: transitions.filter((t) => t.addition === undefined).length,
    addedEdges: transitions.filter((t) => t.addition !== undefined).length,
    anyState: (machine.anyState ?? []).length,
    finals: [...finals, ...(endsAtPseudo ? [FINAL] : [])],
    guards: Object.keys(machine.guards),
  };
}

function machineSection(
  name: string,
  machine: AnyMachine,
  actions: Readonly<Record<string, string>>,
): string[] {
  const c = counts(machine);
  const problems = checkMachine(machine);
  const lines: string[] = [];
  lines.push(`## \`${name}\` — ${machine.description}`, '');
  lines.push(
    `- States: **${c.states}** (${c.leaves} leaf, composite: ${c.composites.length ? c.composites.map((s) => `\`${s}\``).join(', ') : 'none'}); initial \`${machine.initial}\``,
    `- Final: ${c.finals.map((s) => `\`${s}\``).join(', ')}`,
    `- Events: **${c.events}**; guards: ${list(c.guards)}`,
    `- Edges: **${c.seedEdges + c.addedEdges + c.anyState}** = ${c.seedEdges} from the seed + ${c.addedEdges} added + ${c.anyState} any-state`,
    `- Static checks: ${problems.length === 0 ? 'no problems' : problems.map((p) => p.message).join('; ')}`,
    '',
  );
  lines.push('```mermaid', toMermaid(machine).trimEnd(), '```', '');

  lines.push(
    '### States and their actions',
    '',
    '| State | Parent | Meaning | Entry actions | Exit actions |',
    '|---|---|---|---|---|',
  );
  for (const [state, config] of Object.entries(machine.states)) {
    const kind = config.final
      ? ' (final)'
      : config.initial
        ? ` (initial child \`${config.initial}\`)`
        : '';
    lines.push(
      `| \`${state}\`${kind} | ${config.parent ? `\`${config.parent}\`` : ''} | ${cell(config.description)} | ${list(config.entry)} | ${list(config.exit)} |`,
    );
  }
  lines.push('');

  lines.push('### Events', '', '| Event | Meaning |', '|---|---|');
  for (const [event, meaning] of Object.entries(machine.events))
    lines.push(`| \`${event}\` | ${cell(meaning)} |`);
  lines.push('');

  lines.push(
    '### Added edges (not in the seed)',
    '',
    '| From | Event | To | Guard | Actions | Reason |',
    '|---|---|---|---|---|---|',
  );
  for (const t of machine.transitions.filter((t) => t.addition !== undefined)) {
    lines.push(
      `| \`${t.from}\` | \`${t.event}\` | \`${t.to}\` | ${t.guard ? `\`${t.guard}\`` : ''} | ${list(t.actions)} | ${cell(t.addition!)} |`,
    );
  }
  for (const t of machine.anyState ?? []) {
    const except = t.except?.length ? ` except ${t.except.map((s) => `\`${s}\``).join(', ')}` : '';
    lines.push(
      `| any non-final state${except} | \`${t.event}\` | \`${t.to}\` | ${t.guard ? `\`${t.guard}\`` : ''} | ${list(t.actions)} | ${cell(t.addition ?? '')} |`,
    );
  }
  lines.push('');

  const usedBy = new Map<string, string[]>();
  const use = (action: string, where: string) =>
    usedBy.set(action, [...(usedBy.get(action) ?? []), where]);
  for (const [state, config] of Object.entries(machine.states)) {
    for (const action of config.entry ?? []) use(action, `enter \`${state}\``);
    for (const action of config.exit ?? []) use(action, `exit \`${state}\``);
  }
  for (const t of machine.transitions)
    for (const action of t.actions ?? []) use(action, `\`${t.from}\` --${t.event}-->`);
  for (const t of machine.anyState ?? [])
    for (const action of t.actions ?? []) use(action, `any --${t.event}-->`);
  lines.push(
    '### Actions (run by the session layer)',
    '',
    '| Action | What it should do | Returned on |',
    '|---|---|---|',
  );
  for (const [action, what] of Object.entries(actions)) {
    const where = [...new Set(usedBy.get(action) ?? [])];
    lines.push(`| \`${action}\` | ${cell(what)} | ${where.length ? where.join(', ') : 'unused'} |`);
  }
  lines.push('');
  return lines;
}

/** The full text of docs/machines.md. */
export function renderMachinesDoc(): string {
  const lines: string[] = [
    '# State machines',
    '',
    '<!-- Generated by scripts/gen-machines-doc.ts (npm run docs:machines). Do not edit by hand. -->',
    '',
    'Both machines are typed data in `src/domain/machines/`, interpreted by the pure engine in `src/machine/`',
    '(no I/O). Semantics:',
    '',
    '- **Hierarchy.** A composite state (a `state X { ... }` block) is entered through its initial child; the',
    '  current state is a path such as `DIAGNOSE_BLOCKER > ANALYZE_STATE`. An event the leaf does not handle',
    '  bubbles to its parent, then to the any-state edges (`%% * --> ...` in the diagrams; mermaid cannot draw them).',
    '- **Guards** are named predicates of `(context, eventData)`; edges for the same event are tried in order, the',
    '  first passing one is taken. No edge → `INVALID_TRANSITION` listing the allowed events; edges whose guards all',
    '  fail → `GUARD_REJECTED` naming the guard.',
    "- **Actions** are returned, never run, in the order: exit actions (innermost first), the edge's actions, entry",
    '  actions (outermost first). A target that is the current state or an ancestor of it is exited and re-entered.',
    '- **History**: each transition records from, event, to, time, duration in the previous state (and a context',
    '  digest); the last 1,000 entries are kept by default. Snapshots are plain JSON (`snapshotSchema`).',
    '- `[*]` is the final pseudo-state. Seed edges are kept verbatim; every added edge carries its reason.',
    '',
  ];
  lines.push(...machineSection('lifecycle', machines.lifecycle, lifecycleActions));
  lines.push(
    '### Lifecycle timers (`src/domain/machines/lifecycle-policies.ts`)',
    '',
    '| Policy | Value | Seed job |',
    '|---|---|---|',
    `| \`weeklyCheckInMs\` | ${duration(lifecyclePolicies.weeklyCheckInMs)} | scheduleCheckIn (sends \`CHECK_IN_DUE\`) |`,
    `| \`assessmentReminderMs\` | ${duration(lifecyclePolicies.assessmentReminderMs)} | assessmentReminder |`,
    `| \`assessmentCheckMs\` | ${duration(lifecyclePolicies.assessmentCheckMs)} | checkAssessmentCompletion |`,
    `| \`stagnationCheckMs\` | ${duration(lifecyclePolicies.stagnationCheckMs)} | checkProgressStagnation |`,
    '',
  );
  lines.push(...machineSection('story', machines.story, storyActions));
  lines.push(
    '### Story policies (`src/domain/machines/story-policies.ts`)',
    '',
    '| Timeout | After | Event | Leads to |',
    '|---|---|---|---|',
  );
  for (const t of storyPolicies.timeouts)
    lines.push(`| \`${t.kind}\` | ${duration(t.afterMs)} | \`${t.event}\` | \`${t.target}\` |`);
  lines.push(
    '',
    '`timeout` keeps its seed targets where the seed gives it others: `ASSESS_JUNIOR_CAPABILITY` → `ESCALATE_DIFFICULTY` and',
    "`PLAN_DECOMPOSITION` → `PROVIDE_TEMPLATE_PLAN` (those states arm the 'simple' policy with `armTimeout`). Task states arm",
    "by complexity with `armTaskTimeout`; `VERIFY_FIX` arms `noResponse` with the 'simple' duration (`armResponseTimeout`).",
  );
  const e = storyPolicies.escalation;
  const q = storyPolicies.qualityGates;
  const p = storyPolicies.patterns;
  lines.push(
    '',
    `Escalation (send \`escalate\`): ${e.timeoutsPerTask}+ timeouts on the same task; the same error ${e.sameErrorRepeats}+ times; no progress for ${duration(e.noProgressMs)}; frustration: ${e.onFrustration}; undiagnosable: ${e.onUndiagnosable}.`,
    '',
    `Quality gates: coverage ≥ ${q.minCoveragePct}%, lint errors ≤ ${q.maxLintErrors}, type errors ≤ ${q.maxTypeErrors}, build must succeed: ${q.buildMustSucceed}, security scan clean: ${q.securityScanClean}.`,
    '',
    `Pattern thresholds (our choice; the seed names the patterns without numbers), counted within the last ${p.windowSize} activity events:`,
    '',
    '| Pattern event | Threshold | Counts |',
    '|---|---|---|',
    `| \`sameTestFailing\` | ${p.sameTestFailing} | failures of the same test |`,
    `| \`sameBuildError\` | ${p.sameBuildError} | builds failing with the same error |`,
    `| \`sameCodeChanges\` | ${p.sameCodeChange} | the same change (diff hash) made again |`,
    `| \`researchLoop\` | ${p.researchLoop} | research activities (docs, search) without a code change |`,
    `| \`helpRequests\` | ${p.repeatedHelpRequests} | help requests on the same task |`,
    '',
  );
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(machinesDocPath, renderMachinesDoc());
  console.log(`wrote ${machinesDocPath}`);
}
