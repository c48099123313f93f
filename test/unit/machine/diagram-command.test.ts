import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { diagramCommand } from '../../../src/cli/commands/diagram.ts';
import { parseMermaid, toMermaid } from '../../../src/machine/index.ts';
import type { AnyMachine } from '../../../src/machine/index.ts';
import { machines } from '../../../src/domain/machines/index.ts';

/** Runs `diagram <args>` with output captured; returns stdout, stderr and the exit code. */
async function run(args: string[], registry?: Record<string, AnyMachine>) {
  let out = '';
  let err = '';
  const command = diagramCommand(registry)
    .exitOverride()
    .configureOutput({ writeOut: (s) => void (out += s), writeErr: (s) => void (err += s) });
  try {
    await command.parseAsync(args, { from: 'user' });
    return { out, err, exitCode: 0 };
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { out, err, exitCode: error.exitCode, code: error.code };
  }
}

describe('mentorflow diagram', () => {
  it.each(['lifecycle', 'story'] as const)('prints the %s machine as mermaid', async (name) => {
    const { out, err, exitCode } = await run([name]);
    expect(exitCode).toBe(0);
    expect(err).toBe('');
    expect(out).toBe(toMermaid(machines[name]));
    expect(parseMermaid(out).initial).toBe(machines[name].initial);
  });

  it.each(['lifecycle', 'story'] as const)('--check passes for %s', async (name) => {
    const { out, exitCode } = await run([name, '--check']);
    expect(exitCode).toBe(0);
    expect(out).toMatch(new RegExp(`machine '${name}': ok \\(\\d+ states, \\d+ edges\\)`));
  });

  it('--check exits 1 and names each problem of a broken machine', async () => {
    const broken: AnyMachine = {
      id: 'broken',
      description: '',
      initial: 'S',
      states: {
        S: { description: '' },
        LOST: { description: '' },
        END: { description: '', final: true },
      },
      events: { e: '' },
      transitions: [
        { from: 'S', event: 'e', to: 'END' },
        { from: 'S', event: 'e', to: 'NOWHERE' },
      ],
      guards: {},
    };
    const { out, err, exitCode, code } = await run(['broken', '--check'], { broken });
    expect(exitCode).toBe(1);
    expect(code).toBe('mentorflow.machineCheckFailed');
    expect(out).toBe('');
    expect(err).toContain("unknownTarget: S --e--> NOWHERE: unknown target 'NOWHERE'");
    expect(err).toContain('duplicateTransition');
    expect(err).toMatch(/has 2 problems/);
  });

  it('an unknown machine exits 2 and lists the valid names', async () => {
    const { err, exitCode, code } = await run(['nope']);
    expect(exitCode).toBe(2);
    expect(code).toBe('mentorflow.unknownMachine');
    expect(err).toContain("unknown machine 'nope'. Valid machines: lifecycle, story.");
  });

  it('a missing argument is a usage error', async () => {
    const { err, exitCode } = await run([]);
    expect(exitCode).toBe(1);
    expect(err).toMatch(/missing required argument 'machine'/);
  });
});
