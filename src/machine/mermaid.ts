/**
 * Mermaid `stateDiagram-v2` export and a parser for the same subset: `[*] --> X`, `A --> B: event`,
 * `A --> B: event [guard]`, `X --> [*]`, composite blocks `state P { ... }` (nested), bare state
 * declarations, `%%` comments, notes. Any-state edges, which mermaid cannot draw, travel as
 * structured comments `%% * --> TARGET: event [guard] (except A, B)` plus a visible note.
 */
import { AppError } from '../errors/app-error.ts';
import { diagramOf } from './diagram.ts';
import type { AnyStateEdge, Diagram, Edge } from './diagram.ts';
import { chainOf, childrenOf, isComposite } from './hierarchy.ts';
import { FINAL } from './types.ts';
import type { AnyMachine } from './types.ts';

const indent = (depth: number) => '    '.repeat(depth);
const label = (event: string, guard?: string) => (guard ? `${event} [${guard}]` : event);

/** The composite whose block an edge is written in: the deepest common strict ancestor of both ends. */
function blockOf(machine: AnyMachine, from: string, to: string): string | undefined {
  if (to === FINAL) return undefined;
  const a = chainOf(machine, from).slice(0, -1);
  const b = chainOf(machine, to).slice(0, -1);
  let block: string | undefined;
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i++) block = a[i];
  return block;
}

/** Renders the machine as a mermaid `stateDiagram-v2` (no fences). */
export function toMermaid(machine: AnyMachine): string {
  const diagram = diagramOf(machine);
  const byBlock = new Map<string | undefined, Edge[]>();
  for (const edge of diagram.edges) {
    const block = blockOf(machine, edge.from, edge.to);
    byBlock.set(block, [...(byBlock.get(block) ?? []), edge]);
  }
  const lines = ['stateDiagram-v2', `${indent(1)}[*] --> ${machine.initial}`];
  for (const e of byBlock.get(undefined) ?? [])
    lines.push(`${indent(1)}${e.from} --> ${e.to}: ${label(e.event, e.guard)}`);
  for (const name of diagram.finals) lines.push(`${indent(1)}${name} --> [*]`);

  const writeBlock = (composite: string, depth: number) => {
    lines.push(`${indent(depth)}state ${composite} {`);
    const children = childrenOf(machine, composite);
    lines.push(`${indent(depth + 1)}[*] --> ${machine.states[composite]!.initial}`);
    const mentioned = new Set<string>([machine.states[composite]!.initial!]);
    for (const e of byBlock.get(composite) ?? []) {
      lines.push(`${indent(depth + 1)}${e.from} --> ${e.to}: ${label(e.event, e.guard)}`);
      mentioned.add(e.from).add(e.to);
    }
    for (const child of children) {
      if (isComposite(machine, child)) writeBlock(child, depth + 1);
      // Declare children the block's edges do not name, so the parser puts them here too.
      else if (!mentioned.has(child)) lines.push(`${indent(depth + 1)}${child}`);
    }
    lines.push(`${indent(depth)}}`);
  };
  for (const name of Object.keys(machine.states)) {
    if (machine.states[name]!.parent === undefined && isComposite(machine, name))
      writeBlock(name, 1);
  }

  const notes = new Map<string, string[]>();
  for (const t of diagram.anyState) {
    const except = t.except.length ? ` (except ${t.except.join(', ')})` : '';
    lines.push(`${indent(1)}%% * --> ${t.to}: ${label(t.event, t.guard)}${except}`);
    if (t.to !== FINAL && machine.states[t.to]?.parent === undefined)
      notes.set(t.to, [...(notes.get(t.to) ?? []), t.event]);
  }
  for (const [target, events] of notes)
    lines.push(`${indent(1)}note left of ${target} : from any state on ${events.join(', ')}`);
  return lines.join('\n') + '\n';
}

/** The bodies of the ```mermaid fenced blocks of a markdown text, in order. */
export function extractMermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

const NAME = String.raw`[A-Za-z_][\w.-]*`;
const edgeRe = new RegExp(String.raw`^(\[\*\]|${NAME})\s*-->\s*(\[\*\]|${NAME})\s*(?::\s*(.*))?$`);
const labelRe = new RegExp(String.raw`^(\S+?)(?:\s*\[(${NAME})\])?$`);
const anyRe = new RegExp(
  String.raw`^%%\s*\*\s*-->\s*(\[\*\]|${NAME})\s*:\s*(\S+?)(?:\s*\[(${NAME})\])?(?:\s*\(except\s+([^)]*)\))?\s*$`,
);
const blockRe = new RegExp(String.raw`^state\s+(${NAME})\s*\{$`);
const declRe = new RegExp(
  String.raw`^(?:state\s+"[^"]*"\s+as\s+(${NAME})|state\s+(${NAME})|(${NAME}))(?:\s*:.*)?$`,
);

/**
 * Parses a mermaid state diagram (or a markdown text holding one: the first ```mermaid block).
 * A state named inside a composite block is a child of that block (the deepest block naming it
 * wins), so the seed's layout, where children also appear in top-level edges, reads as intended.
 * Throws VALIDATION_ERROR naming the line it cannot read.
 */
export function parseMermaid(text: string): Diagram {
  const source = text.includes('```mermaid') ? (extractMermaidBlocks(text)[0] ?? '') : text;
  const lines = source.split('\n');
  const fail = (n: number, why: string): never => {
    throw new AppError('VALIDATION_ERROR', `mermaid line ${n + 1}: ${why}: '${lines[n]!.trim()}'`, {
      field: 'diagram',
    });
  };

  let initial: string | undefined;
  const edges: Edge[] = [];
  const membership = new Map<string, { parent: string; depth: number }>();
  const initials: Record<string, string> = {};
  const finals: string[] = [];
  const anyState: AnyStateEdge[] = [];
  const stack: string[] = [];
  let header = false;
  let inNote = false;

  const mention = (name: string) => {
    if (name === FINAL || stack.length === 0) return;
    const parent = stack[stack.length - 1]!;
    const known = membership.get(name);
    if (!known || known.depth < stack.length) membership.set(name, { parent, depth: stack.length });
  };

  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (inNote) {
      if (/^end note$/.test(line)) inNote = false;
      continue;
    }
    if (line === '') continue;
    const any = anyRe.exec(line);
    if (any) {
      const except = any[4]
        ? any[4]
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
      anyState.push({ event: any[2]!, to: any[1]!, ...(any[3] ? { guard: any[3] } : {}), except });
      continue;
    }
    if (line.startsWith('%%')) continue;
    if (!header) {
      if (!/^stateDiagram(-v2)?$/.test(line)) fail(n, 'expected stateDiagram-v2');
      header = true;
      continue;
    }
    if (/^note\s/.test(line)) {
      if (!line.includes(':')) inNote = true;
      continue;
    }
    if (/^(direction|classDef|class|style)\s/.test(line)) continue;
    if (line === '}') {
      if (stack.length === 0) fail(n, 'unbalanced }');
      stack.pop();
      continue;
    }
    const block = blockRe.exec(line);
    if (block) {
      mention(block[1]!);
      stack.push(block[1]!);
      continue;
    }
    const edge = edgeRe.exec(line);
    if (edge) {
      const [, from, to, text] = edge as unknown as [string, string, string, string | undefined];
      mention(from);
      mention(to);
      const scope = stack[stack.length - 1];
      if (from === FINAL) {
        if (text) fail(n, 'an edge from [*] takes no label');
        if (scope === undefined) initial = to;
        else initials[scope] = to;
        continue;
      }
      if (to === FINAL && !text) {
        finals.push(from);
        continue;
      }
      const parsed = labelRe.exec((text ?? '').trim());
      if (!parsed) fail(n, 'expected a label "event" or "event [guard]"');
      edges.push({ from, event: parsed![1]!, to, ...(parsed![2] ? { guard: parsed![2] } : {}) });
      continue;
    }
    const decl = declRe.exec(line);
    if (decl) {
      mention((decl[1] ?? decl[2] ?? decl[3])!);
      continue;
    }
    fail(n, 'unsupported statement');
  }
  if (!header)
    throw new AppError('VALIDATION_ERROR', 'mermaid: no stateDiagram found', { field: 'diagram' });
  if (stack.length > 0)
    throw new AppError(
      'VALIDATION_ERROR',
      `mermaid: block '${stack[stack.length - 1]}' is not closed`,
      { field: 'diagram' },
    );

  const parents: Record<string, string> = {};
  for (const [name, { parent }] of membership) parents[name] = parent;
  return { initial, edges, parents, initials, finals, anyState };
}
