import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GuardRejectedError,
  allowedEvents,
  initialSnapshot,
  isDone,
  leafStates,
  parseSnapshot,
  transition,
} from '../../../src/machine/index.ts';
import type { AnyMachine, Snapshot } from '../../../src/machine/index.ts';
import { machines } from '../../../src/domain/machines/index.ts';

const lifecycleContext = fc.record({
  assessmentStatus: fc.constantFrom(
    'pending' as const,
    'in_progress' as const,
    'completed' as const,
  ),
  goalCount: fc.nat({ max: 3 }),
  mentorAvailable: fc.boolean(),
});

describe.each<[string, AnyMachine]>([
  ['lifecycle', machines.lifecycle],
  ['story', machines.story],
])('%s machine under random valid event sequences', (_name, machine) => {
  it('never reaches an undefined state and keeps history bounded', () => {
    const visited = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 300, size: 'max' }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(lifecycleContext, { minLength: 1, maxLength: 5 }),
        (choices, historyLimit, contexts) => {
          const start = new Date('2026-01-05T10:00:00.000Z').getTime();
          let snapshot: Snapshot = initialSnapshot(machine, new Date(start), { historyLimit });
          let accepted = 0;
          for (const [i, choice] of choices.entries()) {
            const allowed = allowedEvents(machine, snapshot);
            if (allowed.length === 0) {
              expect(isDone(machine, snapshot)).toBe(true);
              break;
            }
            const event = allowed[choice % allowed.length]!;
            const context = contexts[i % contexts.length]!;
            try {
              const next = transition(
                machine,
                snapshot,
                event,
                context,
                undefined,
                new Date(start + (i + 1) * 1000),
              ).snapshot;
              // Ending edges (cancel, end) are allowed almost everywhere: take them rarely so walks go deep.
              if (isDone(machine, next) && choice % 17 !== 0) continue;
              snapshot = next;
              accepted++;
              visited.add(snapshot.path.at(-1)!);
            } catch (error) {
              // Only a guard may refuse an allowed event; the snapshot is then unchanged.
              expect(error).toBeInstanceOf(GuardRejectedError);
            }
            // The state is a declared leaf with its exact ancestor chain (parseSnapshot checks both).
            expect(parseSnapshot(machine, JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
            expect(snapshot.history.length).toBeLessThanOrEqual(historyLimit);
          }
          expect(snapshot.history).toHaveLength(Math.min(accepted, historyLimit));
          if (accepted > 0) expect(snapshot.history.at(-1)!.to).toBe(snapshot.path.at(-1));
        },
      ),
      { numRuns: 150 },
    );
    // The walks are not vacuous: together they visit most leaf states.
    expect(visited.size).toBeGreaterThan(leafStates(machine).length * 0.6);
  });
});
