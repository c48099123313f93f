import { type Expr, parseExpression } from './parse.ts';

/** What an expression can read: `input`, `steps`, `event`, `secrets`… (plain data only). */
export type Scope = Record<string, unknown>;

// Reading these through a path could reach prototypes; data never needs them.
const forbidden = new Set(['__proto__', 'prototype', 'constructor']);

function get(value: unknown, key: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof key !== 'string' && typeof key !== 'number') return undefined;
  if (forbidden.has(String(key))) return undefined;
  if (Array.isArray(value) && key === 'length') return value.length;
  if (typeof value === 'string' && key === 'length') return value.length;
  if (typeof value !== 'object') return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;
}

const truthy = (v: unknown) => Boolean(v);

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined)
    return (a ?? null) === (b ?? null);
  if (typeof a === 'object' || typeof b === 'object')
    return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

function contains(haystack: unknown, needle: unknown): boolean {
  if (typeof haystack === 'string') return haystack.includes(String(needle));
  if (Array.isArray(haystack)) return haystack.some((item) => equal(item, needle));
  if (haystack && typeof haystack === 'object' && typeof needle === 'string')
    return Object.hasOwn(haystack, needle);
  return false;
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
  const [x, y] = [a as number | string, b as number | string];
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

function arithmetic(op: string, a: unknown, b: unknown): unknown {
  if (op === '+' && (typeof a === 'string' || typeof b === 'string')) return `${a ?? ''}${b ?? ''}`;
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? null : a / b;
    default:
      return b === 0 ? null : a % b;
  }
}

/** Evaluate a parsed expression over `scope`. Missing data reads as `undefined`; nothing throws. */
export function evaluate(expr: Expr, scope: Scope): unknown {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'array':
      return expr.items.map((item) => evaluate(item, scope));
    case 'path': {
      let value: unknown = Object.hasOwn(scope, expr.root) ? scope[expr.root] : undefined;
      for (const segment of expr.segments) value = get(value, evaluate(segment, scope));
      return value;
    }
    case 'unary': {
      const v = evaluate(expr.operand, scope);
      return expr.op === '!' ? !truthy(v) : typeof v === 'number' ? -v : null;
    }
    case 'conditional':
      return truthy(evaluate(expr.test, scope))
        ? evaluate(expr.then, scope)
        : evaluate(expr.else, scope);
    case 'binary': {
      if (expr.op === '&&') {
        const left = evaluate(expr.left, scope);
        return truthy(left) ? evaluate(expr.right, scope) : left;
      }
      if (expr.op === '||') {
        const left = evaluate(expr.left, scope);
        return truthy(left) ? left : evaluate(expr.right, scope);
      }
      const a = evaluate(expr.left, scope);
      const b = evaluate(expr.right, scope);
      if (expr.op === '==') return equal(a, b);
      if (expr.op === '!=') return !equal(a, b);
      if (expr.op === 'in') return contains(b, a);
      if (['<', '<=', '>', '>='].includes(expr.op)) return compare(expr.op, a, b);
      return arithmetic(expr.op, a, b);
    }
    case 'call': {
      const args = expr.args.map((arg) => evaluate(arg, scope));
      const [a, b] = args;
      switch (expr.name) {
        case 'len':
          return typeof a === 'string' || Array.isArray(a)
            ? a.length
            : a && typeof a === 'object'
              ? Object.keys(a).length
              : 0;
        case 'lower':
          return typeof a === 'string' ? a.toLowerCase() : a;
        case 'upper':
          return typeof a === 'string' ? a.toUpperCase() : a;
        case 'contains':
          return contains(a, b);
        case 'exists':
          return a !== undefined && a !== null;
        case 'number': {
          const n = Number(a);
          return Number.isFinite(n) ? n : null;
        }
        default:
          return a === undefined || a === null
            ? ''
            : typeof a === 'object'
              ? JSON.stringify(a)
              : String(a);
      }
    }
  }
}

const cache = new Map<string, Expr>();

/** Parse (cached) and evaluate `source`; a definition's expressions were checked when it was stored. */
export function evaluateSource(source: string, scope: Scope): unknown {
  let expr = cache.get(source);
  if (!expr) {
    expr = parseExpression(source);
    if (cache.size > 5000) cache.clear();
    cache.set(source, expr);
  }
  return evaluate(expr, scope);
}

/** A condition's verdict: the expression's truthiness. */
export function test(source: string, scope: Scope): boolean {
  return truthy(evaluateSource(source, scope));
}
