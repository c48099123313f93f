/**
 * `mentorflow diagram <machine> [--check]`: print a state machine as a mermaid stateDiagram-v2, or
 * run its static checks (exit 1 naming each problem). An unknown machine name exits 2.
 */
import { Command } from 'commander';
import { checkMachine, toMermaid } from '../../machine/index.ts';
import type { AnyMachine } from '../../machine/index.ts';
import { machines } from '../../domain/machines/index.ts';

/** Builds the command; `registry` is injectable so tests can check a broken machine. */
export function diagramCommand(registry: Readonly<Record<string, AnyMachine>> = machines): Command {
  const names = Object.keys(registry);
  return new Command('diagram')
    .description('Print a state machine as a mermaid stateDiagram-v2, or check it with --check.')
    .argument('<machine>', `machine to print: ${names.join(' | ')}`)
    .option('--check', 'run the static checks instead; exits 1 and names each problem')
    .action(function (this: Command, name: string, options: { check?: boolean }) {
      const output = this.configureOutput();
      const out = output.writeOut ?? ((text: string) => void process.stdout.write(text));
      const err = output.writeErr ?? ((text: string) => void process.stderr.write(text));
      const machine = Object.hasOwn(registry, name) ? registry[name] : undefined;
      if (!machine) {
        this.error(`error: unknown machine '${name}'. Valid machines: ${names.join(', ')}.`, {
          exitCode: 2,
          code: 'mentorflow.unknownMachine',
        });
      }
      if (!options.check) {
        out(toMermaid(machine));
        return;
      }
      const problems = checkMachine(machine);
      const states = Object.keys(machine.states).length;
      const edges = machine.transitions.length + (machine.anyState?.length ?? 0);
      if (problems.length === 0) {
        out(`machine '${name}': ok (${states} states, ${edges} edges)\n`);
        return;
      }
      for (const problem of problems) err(`${problem.kind}: ${problem.message}\n`);
      this.error(
        `error: machine '${name}' has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`,
        {
          exitCode: 1,
          code: 'mentorflow.machineCheckFailed',
        },
      );
    });
}
