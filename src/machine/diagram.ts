/**
 * A machine's graph as plain data (edges, hierarchy, finals), the shape both the mermaid exporter
 * writes and the mermaid parser reads, so a definition and a diagram compare edge by edge.
 */
import { childrenOf } from './hierarchy.ts';
import type { AnyMachine } from './types.ts';

/** One labelled edge. `to` may be `[*]`. */
export interface Edge {
  readonly from: string;
  readonly event: string;
  readonly to: string;
  readonly guard?: string;
}

/** An edge from every state (except those listed and their descendants). */
export interface AnyStateEdge {
  readonly event: string;
  readonly to: string;
  readonly guard?: string;
  readonly except: readonly string[];
}

export interface Diagram {
  /** Target of the top-level `[*] -->`. */
  readonly initial: string | undefined;
  readonly edges: readonly Edge[];
  /** child → parent. */
  readonly parents: Readonly<Record<string, string>>;
  /** composite → initial child. */
  readonly initials: Readonly<Record<string, string>>;
  /** Named final states (`X --> [*]` without a label). */
  readonly finals: readonly string[];
  readonly anyState: readonly AnyStateEdge[];
}

/** Canonical text of an edge: `FROM --event [guard]--> TO`. */
export function edgeKey(edge: Edge): string {
  return `${edge.from} --${edge.event}${edge.guard ? ` [${edge.guard}]` : ''}--> ${edge.to}`;
}

/** The machine's declared graph (any-state edges kept as such, not expanded). */
export function diagramOf(machine: AnyMachine): Diagram {
  const parents: Record<string, string> = {};
  const initials: Record<string, string> = {};
  const finals: string[] = [];
  for (const [name, config] of Object.entries(machine.states)) {
    if (config.parent !== undefined) parents[name] = config.parent;
    if (config.initial !== undefined && childrenOf(machine, name).length > 0)
      initials[name] = config.initial;
    if (config.final) finals.push(name);
  }
  return {
    initial: machine.initial,
    edges: machine.transitions.map((t) => ({
      from: t.from,
      event: t.event,
      to: t.to,
      ...(t.guard ? { guard: t.guard } : {}),
    })),
    parents,
    initials,
    finals,
    anyState: (machine.anyState ?? []).map((t) => ({
      event: t.event,
      to: t.to,
      ...(t.guard ? { guard: t.guard } : {}),
      except: [...(t.except ?? [])],
    })),
  };
}

export interface EdgeDiff {
  /** In the first list, not in the second. */
  readonly missing: Edge[];
  /** In the second list, not in the first. */
  readonly extra: Edge[];
}

/**
 * Compares two edge lists as sets of (from, event, to[, guard]). With `ignoreGuards`, guards are not
 * part of an edge's identity (a seed diagram has none).
 */
export function diffEdges(
  expected: readonly Edge[],
  actual: readonly Edge[],
  options: { ignoreGuards?: boolean } = {},
): EdgeDiff {
  const key = (e: Edge) =>
    options.ignoreGuards ? edgeKey({ from: e.from, event: e.event, to: e.to }) : edgeKey(e);
  const actualKeys = new Set(actual.map(key));
  const expectedKeys = new Set(expected.map(key));
  return {
    missing: expected.filter((e) => !actualKeys.has(key(e))),
    extra: actual.filter((e) => !expectedKeys.has(key(e))),
  };
}
