import { describe, expect, it } from 'vitest';
import {
  FINAL,
  defineMachine,
  diagramOf,
  diffEdges,
  edgeKey,
  extractMermaidBlocks,
  parseMermaid,
  toMermaid,
} from '../../../src/machine/index.ts';
import type { AnyMachine, Diagram } from '../../../src/machine/index.ts';
import { machines } from '../../../src/domain/machines/index.ts';
import { readFixture, storySeedFile } from './seeds.ts';

function normalise(d: Diagram) {
  return {
    initial: d.initial,
    edges: d.edges.map(edgeKey).sort(),
    parents: d.parents,
    initials: d.initials,
    finals: [...d.finals].sort(),
    anyState: d.anyState
      .map((a) => `${a.event}[${a.guard ?? ''}]->${a.to} except ${[...a.except].sort().join(',')}`)
      .sort(),
  };
}

/** Nested three levels deep, with a grandchild edge crossing a block and a bare child. */
const deep = defineMachine({
  id: 'deep',
  description: '',
  initial: 'P',
  states: {
    P: { description: '', initial: 'C1' },
    C1: { description: '', parent: 'P' },
    C2: { description: '', parent: 'P', initial: 'G1' },
    G1: { description: '', parent: 'C2' },
    G2: { description: '', parent: 'C2' },
    LONELY: { description: '', parent: 'P' },
    OUT: { description: '' },
    END: { description: '', final: true },
  },
  events: { a: '', b: '', c: '', d: '', e: '' },
  transitions: [
    { from: 'C1', event: 'a', to: 'G2' },
    { from: 'G1', event: 'b', to: 'G2', guard: 'ok' },
    { from: 'G2', event: 'c', to: 'OUT' },
    { from: 'P', event: 'd', to: 'LONELY' },
    { from: 'OUT', event: 'e', to: 'END' },
    { from: 'OUT', event: 'a', to: FINAL },
  ],
  anyState: [{ event: 'e', to: FINAL, except: ['OUT'] }],
  guards: { ok: () => true },
});

describe('mermaid export → parse', () => {
  it.each<[string, AnyMachine]>([
    ['lifecycle', machines.lifecycle],
    ['story', machines.story],
    ['deep', deep],
  ])(
    '%s: the parsed diagram equals the definition (edges, guards, hierarchy, finals, any-state)',
    (_name, machine) => {
      const text = toMermaid(machine);
      expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
      const parsed = parseMermaid(text);
      expect(normalise(parsed)).toEqual(normalise(diagramOf(machine)));
      expect(diffEdges(diagramOf(machine).edges, parsed.edges)).toEqual({ missing: [], extra: [] });
    },
  );

  it('writes edges between children inside their composite block and others at the top level', () => {
    const text = toMermaid(deep);
    const block = /state C2 \{([\s\S]*?)\n {8}\}/.exec(text)?.[1] ?? '';
    expect(block).toContain('G1 --> G2: b [ok]');
    expect(block).toContain('[*] --> G1');
    expect(text).toMatch(/^ {4}G2 --> OUT: c$/m);
    expect(text).toMatch(/^ {8}LONELY$/m);
    expect(text).toMatch(/^ {4}END --> \[\*\]$/m);
  });

  it('detects a difference edge by edge', () => {
    const parsed = parseMermaid(toMermaid(deep).replace('G2 --> OUT: c', 'G2 --> END: c'));
    const diff = diffEdges(diagramOf(deep).edges, parsed.edges);
    expect(diff.missing.map(edgeKey)).toEqual(['G2 --c--> OUT']);
    expect(diff.extra.map(edgeKey)).toEqual(['G2 --c--> END']);
  });
});

describe('mermaid parser', () => {
  it("reads the seed's markdown: first mermaid block, children of the substate blocks, [*] edges", () => {
    const markdown = readFixture(storySeedFile);
    expect(extractMermaidBlocks(markdown)).toHaveLength(1);
    const d = parseMermaid(markdown);
    expect(d.parents.DETECT_PATTERN).toBe('MONITOR_PROGRESS');
    expect(d.parents.PROVIDE_SOLUTION).toBe('DIAGNOSE_BLOCKER');
    expect(d.parents.PLAN_DECOMPOSITION).toBeUndefined();
    expect(d.edges).toContainEqual({ from: 'STORY_COMPLETE', event: 'end', to: FINAL });
    expect(d.finals).toEqual([]);
  });

  it('ignores comments, notes, direction and reads declarations', () => {
    const d = parseMermaid(
      [
        'stateDiagram-v2',
        '  %% a comment',
        '  direction LR',
        '  [*] --> A',
        '  note right of A : hello: there',
        '  note left of A',
        '    multi-line note --> not an edge',
        '  end note',
        '  state B {',
        '    [*] --> B1',
        '    state "Second" as B2',
        '    B3: described',
        '  }',
        '  A --> B: go [ready]',
        '  B --> [*]',
      ].join('\n'),
    );
    expect(d).toEqual({
      initial: 'A',
      edges: [{ from: 'A', event: 'go', to: 'B', guard: 'ready' }],
      parents: { B1: 'B', B2: 'B', B3: 'B' },
      initials: { B: 'B1' },
      finals: ['B'],
      anyState: [],
    });
  });

  it.each<[string, string, RegExp]>([
    ['no header', 'A --> B: x', /expected stateDiagram-v2/],
    ['an unbalanced brace', 'stateDiagram-v2\n}', /unbalanced/],
    ['an unclosed block', 'stateDiagram-v2\nstate A {', /not closed/],
    ['an unsupported statement', 'stateDiagram-v2\nA -> B', /line 2: unsupported statement/],
    ['a bad label', 'stateDiagram-v2\nA --> B: two words', /line 2: expected a label/],
    ['nothing at all', '', /no stateDiagram/],
  ])('rejects %s with a VALIDATION_ERROR naming the line', (_name, text, message) => {
    expect(() => parseMermaid(text)).toThrow(message);
    expect(() => parseMermaid(text)).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
  });
});
