import { evaluateSource, type Scope } from './evaluate.ts';
import { ExpressionSyntaxError, parseExpression, referencedSteps } from './parse.ts';

/*
 * Templates map earlier outputs into a step's input: a string holding `{{ expression }}` parts. A
 * string that is one `{{ … }}` and nothing else yields the value itself (an object stays an object);
 * otherwise each part is rendered as text. Objects and arrays are mapped member by member.
 */

/** A template split into its text and `{{ expression }}` parts; `unclosed` when a `{{` has no `}}`. */
export function splitTemplate(template: string): {
  parts: ({ text: string } | { expr: string })[];
  unclosed: boolean;
} {
  // indexOf, not a lazy regex: linear even on many unclosed `{{` (a regex rescans to the end for each).
  const parts: ({ text: string } | { expr: string })[] = [];
  let at = 0;
  for (;;) {
    const open = template.indexOf('{{', at);
    if (open === -1) break;
    const close = template.indexOf('}}', open + 2);
    if (close === -1) {
      if (at < template.length) parts.push({ text: template.slice(at) });
      return { parts, unclosed: true };
    }
    if (open > at) parts.push({ text: template.slice(at, open) });
    parts.push({ expr: template.slice(open + 2, close).trim() });
    at = close + 2;
  }
  if (at < template.length) parts.push({ text: template.slice(at) });
  return { parts, unclosed: false };
}

/** The expressions inside a template string, in order. */
export function templateExpressions(template: string): string[] {
  return splitTemplate(template).parts.flatMap((p) => ('expr' in p ? [p.expr] : []));
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Render one template string over `scope`. */
export function renderString(template: string, scope: Scope): unknown {
  const { parts } = splitTemplate(template);
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only && 'expr' in only) return evaluateSource(only.expr, scope);
  return parts.map((p) => ('expr' in p ? text(evaluateSource(p.expr, scope)) : p.text)).join('');
}

/** Render every string in a JSON value (a body or input mapping). */
export function renderMapping(mapping: unknown, scope: Scope): unknown {
  if (typeof mapping === 'string') return renderString(mapping, scope);
  if (Array.isArray(mapping)) return mapping.map((item) => renderMapping(item, scope));
  if (mapping && typeof mapping === 'object')
    return Object.fromEntries(
      Object.entries(mapping).map(([key, value]) => [key, renderMapping(value, scope)]),
    );
  return mapping;
}

/** A problem in a template: where (`body.title`, relative to the mapping) and what. */
export interface TemplateProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Check every expression of a mapping: syntax, and `steps.<id>` naming a known step. An unclosed
 * `{{` is a problem too (it would otherwise be sent as text).
 */
export function checkMapping(
  mapping: unknown,
  knownStep: (id: string) => boolean,
  at: (string | number)[] = [],
): TemplateProblem[] {
  if (typeof mapping === 'string') {
    const problems: TemplateProblem[] = [];
    if (splitTemplate(mapping).unclosed)
      problems.push({ path: at, message: 'unclosed "{{" in template' });
    for (const source of templateExpressions(mapping))
      problems.push(
        ...checkExpression(source, knownStep).map((message) => ({ path: at, message })),
      );
    return problems;
  }
  if (Array.isArray(mapping))
    return mapping.flatMap((item, i) => checkMapping(item, knownStep, [...at, i]));
  if (mapping && typeof mapping === 'object')
    return Object.entries(mapping).flatMap(([key, value]) =>
      checkMapping(value, knownStep, [...at, key]),
    );
  return [];
}

/** Problems of one expression: its syntax error, or each unknown step it reads. */
export function checkExpression(source: string, knownStep: (id: string) => boolean): string[] {
  try {
    const expr = parseExpression(source);
    return [...new Set(referencedSteps(expr))]
      .filter((id) => !knownStep(id))
      .map((id) => `unknown step "${id}" in expression "${source}"`);
  } catch (error) {
    if (error instanceof ExpressionSyntaxError)
      return [`expression "${source}" does not parse: ${error.message}`];
    throw error;
  }
}
