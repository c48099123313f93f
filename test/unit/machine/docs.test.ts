import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { machinesDocPath, renderMachinesDoc } from '../../../scripts/gen-machines-doc.ts';
import { FINAL } from '../../../src/machine/index.ts';
import type { AnyMachine } from '../../../src/machine/index.ts';
import {
  lifecycleActions,
  machines,
  storyActions,
  storyEvents,
  storyPolicies,
} from '../../../src/domain/machines/index.ts';

function actionsUsed(machine: AnyMachine): Set<string> {
  const used = new Set<string>();
  for (const s of Object.values(machine.states))
    for (const a of [...(s.entry ?? []), ...(s.exit ?? [])]) used.add(a);
  for (const t of [...machine.transitions, ...(machine.anyState ?? [])])
    for (const a of t.actions ?? []) used.add(a);
  return used;
}

describe('docs/machines.md', () => {
  it('is up to date (run `npm run docs:machines` when this fails)', () => {
    expect(
      readFileSync(machinesDocPath, 'utf8'),
      'docs/machines.md is stale: run npm run docs:machines',
    ).toBe(renderMachinesDoc());
  });

  it('lists every added edge with its reason', () => {
    const doc = renderMachinesDoc();
    for (const machine of Object.values(machines) as AnyMachine[]) {
      for (const t of machine.transitions.filter((t) => t.addition)) {
        expect(doc).toContain(`| \`${t.from}\` | \`${t.event}\` | \`${t.to}\` |`);
      }
    }
  });
});

describe('action catalogues', () => {
  it.each<[string, AnyMachine, Record<string, string>]>([
    ['lifecycle', machines.lifecycle, lifecycleActions],
    ['story', machines.story, storyActions],
  ])(
    '%s: every action used is documented and every documented action is used',
    (_name, machine, catalogue) => {
      const used = actionsUsed(machine);
      expect([...used].filter((a) => !(a in catalogue))).toEqual([]);
      expect(Object.keys(catalogue).filter((a) => !used.has(a))).toEqual([]);
    },
  );

  it('every non-final story state that waits for the learner has an entry action', () => {
    const silent = Object.entries(machines.story.states)
      .filter(([, s]) => !(s.entry ?? []).length)
      .map(([n]) => n);
    // Composite parents delegate to their initial child; CONTINUE_MONITORING only keeps watching.
    expect(silent.sort()).toEqual(['CONTINUE_MONITORING', 'QUALITY_GATE_CHECK']);
  });
});

describe('story policies', () => {
  it('every timeout policy event is a story event whose edges lead to the policy target', () => {
    for (const policy of storyPolicies.timeouts) {
      expect(Object.keys(storyEvents)).toContain(policy.event);
      const targets = new Set([
        ...machines.story.transitions.filter((t) => t.event === policy.event).map((t) => t.to),
        ...(machines.story.anyState ?? []).filter((t) => t.event === policy.event).map((t) => t.to),
      ]);
      // `timeout` keeps its seed meaning in the assessment and planning states; elsewhere it leads to the policy target.
      expect(targets.has(policy.target), policy.kind).toBe(true);
      expect(targets.has(FINAL)).toBe(false);
    }
  });

  it('escalation and quality gates carry the seed values', () => {
    expect(storyPolicies.escalation).toMatchObject({
      timeoutsPerTask: 3,
      sameErrorRepeats: 5,
      noProgressMs: 7_200_000,
    });
    expect(storyPolicies.qualityGates.minCoveragePct).toBe(90);
    expect(storyPolicies.timeouts.map((t) => [t.kind, t.afterMs / 60_000])).toEqual([
      ['simple', 15],
      ['complex', 30],
      ['research', 45],
      ['stuck', 60],
      ['noProgress', 120],
    ]);
  });
});
