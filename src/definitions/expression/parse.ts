/**
 * The condition language of workflow definitions: a small, safe subset of JavaScript expressions,
 * parsed here and evaluated by `evaluate.ts` over the run's context — never `eval` or `Function`.
 *
 *   literals   1  2.5  'text'  "text"  true  false  null  [1, 2]
 *   paths      input.ticket.priority   steps.scan.output.issues[0]   event['task-id']
 *   operators  !  -  * / %  + -  < <= > >=  == !=  in  &&  ||  ?:
 *   functions  len(x)  lower(s)  upper(s)  contains(a, b)  exists(x)  number(x)  string(x)
 */

export type Expr =
  | { type: 'literal'; value: unknown }
  | { type: 'array'; items: Expr[] }
  | { type: 'path'; root: string; segments: Expr[] }
  | { type: 'unary'; op: '!' | '-'; operand: Expr }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { type: 'conditional'; test: Expr; then: Expr; else: Expr }
  | { type: 'call'; name: FunctionName; args: Expr[] };

export type BinaryOp =
  | '||'
  | '&&'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%';

export const functionNames = [
  'len',
  'lower',
  'upper',
  'contains',
  'exists',
  'number',
  'string',
] as const;
export type FunctionName = (typeof functionNames)[number];

/** A syntax error, with the character offset where the expression stops making sense. */
export class ExpressionSyntaxError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(`${message} at character ${offset + 1}`);
    this.offset = offset;
    this.name = 'ExpressionSyntaxError';
  }
}

type Token =
  | { kind: 'num'; value: number; at: number }
  | { kind: 'str'; value: string; at: number }
  | { kind: 'id'; value: string; at: number }
  | { kind: 'op'; value: string; at: number }
  | { kind: 'end'; at: number };

const operators = ['&&', '||', '==', '!=', '<=', '>=', '===', '!=='];
const singles = '!-+*/%<>()[].,?:';
/** Longest accepted expression: conditions are one line; this bounds parse time and recursion. */
export const maxExpressionLength = 2000;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(ch)) {
      while (i < source.length && /[0-9.]/.test(source[i]!)) i++;
      const text = source.slice(start, i);
      if (!/^\d+(\.\d+)?$/.test(text))
        throw new ExpressionSyntaxError(`bad number "${text}"`, start);
      tokens.push({ kind: 'num', value: Number(text), at: start });
      continue;
    }
    if (ch === '"' || ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) throw new ExpressionSyntaxError('unterminated string', start);
        const c = source[i]!;
        if (c === ch) break;
        if (c === '\\') {
          const next = source[i + 1];
          if (next === undefined) throw new ExpressionSyntaxError('unterminated string', start);
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
          continue;
        }
        value += c;
        i++;
      }
      i++;
      tokens.push({ kind: 'str', value, at: start });
      continue;
    }
    if (/[A-Za-z_$]/.test(ch)) {
      while (i < source.length && /[\w$-]/.test(source[i]!)) {
        // A dash continues a name only between word characters (`create-task`), never as minus (`a - b`).
        if (source[i] === '-' && !/[A-Za-z_]/.test(source[i + 1] ?? '')) break;
        i++;
      }
      tokens.push({ kind: 'id', value: source.slice(start, i), at: start });
      continue;
    }
    const three = source.slice(i, i + 3);
    const two = source.slice(i, i + 2);
    const op = operators.includes(three) ? three : operators.includes(two) ? two : undefined;
    if (op) {
      tokens.push({ kind: 'op', value: op.length === 3 ? op.slice(0, 2) : op, at: start });
      i += op.length;
      continue;
    }
    if (singles.includes(ch)) {
      tokens.push({ kind: 'op', value: ch, at: start });
      i++;
      continue;
    }
    throw new ExpressionSyntaxError(`unexpected character "${ch}"`, start);
  }
  tokens.push({ kind: 'end', at: source.length });
  return tokens;
}

const precedence: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  in: 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

/** Parse `source` into an expression tree, or throw {@link ExpressionSyntaxError}. */
export function parseExpression(source: string): Expr {
  if (source.length > maxExpressionLength)
    throw new ExpressionSyntaxError(`longer than ${maxExpressionLength} characters`, 0);
  const tokens = tokenize(source);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos]!;
  const isOp = (value: string) => {
    const t = peek();
    return (t.kind === 'op' || t.kind === 'id') && t.value === value;
  };
  const expect = (value: string) => {
    if (!isOp(value)) throw new ExpressionSyntaxError(`expected "${value}"`, peek().at);
    pos++;
  };

  function conditional(): Expr {
    if (++depth > 64) throw new ExpressionSyntaxError('nested too deeply', peek().at);
    const test = binary(1);
    let result = test;
    if (isOp('?')) {
      pos++;
      const then = conditional();
      expect(':');
      result = { type: 'conditional', test, then, else: conditional() };
    }
    depth--;
    return result;
  }

  function binary(min: number): Expr {
    let left = unary();
    for (;;) {
      const t = peek();
      const op = t.kind === 'op' || (t.kind === 'id' && t.value === 'in') ? t.value : undefined;
      const p = op === undefined ? undefined : precedence[op];
      if (p === undefined || p < min) return left;
      pos++;
      const right = binary(p + 1);
      left = { type: 'binary', op: op as BinaryOp, left, right };
    }
  }

  function unary(): Expr {
    if (isOp('!') || isOp('-')) {
      const op = (peek() as { value: string }).value as '!' | '-';
      pos++;
      if (++depth > 64) throw new ExpressionSyntaxError('nested too deeply', peek().at);
      const operand = unary();
      depth--;
      return { type: 'unary', op, operand };
    }
    return postfix(primary());
  }

  function postfix(expr: Expr): Expr {
    for (;;) {
      if (isOp('.')) {
        pos++;
        const t = peek();
        if (t.kind !== 'id') throw new ExpressionSyntaxError('expected a name after "."', t.at);
        pos++;
        expr = extend(expr, { type: 'literal', value: t.value }, t.at);
      } else if (isOp('[')) {
        const at = peek().at;
        pos++;
        const index = conditional();
        expect(']');
        expr = extend(expr, index, at);
      } else return expr;
    }
  }

  function extend(expr: Expr, segment: Expr, at: number): Expr {
    if (expr.type !== 'path') throw new ExpressionSyntaxError('only a name can be indexed', at);
    return { ...expr, segments: [...expr.segments, segment] };
  }

  function primary(): Expr {
    const t = peek();
    pos++;
    if (t.kind === 'num' || t.kind === 'str') return { type: 'literal', value: t.value };
    if (t.kind === 'id') {
      if (t.value === 'true' || t.value === 'false')
        return { type: 'literal', value: t.value === 'true' };
      if (t.value === 'null') return { type: 'literal', value: null };
      if (isOp('(')) {
        if (!(functionNames as readonly string[]).includes(t.value))
          throw new ExpressionSyntaxError(
            `unknown function "${t.value}" (known: ${functionNames.join(', ')})`,
            t.at,
          );
        pos++;
        const args: Expr[] = [];
        if (!isOp(')')) {
          args.push(conditional());
          while (isOp(',')) {
            pos++;
            args.push(conditional());
          }
        }
        expect(')');
        return { type: 'call', name: t.value as FunctionName, args };
      }
      return { type: 'path', root: t.value, segments: [] };
    }
    if (t.kind === 'op' && t.value === '(') {
      const inner = conditional();
      expect(')');
      return inner;
    }
    if (t.kind === 'op' && t.value === '[') {
      const items: Expr[] = [];
      if (!isOp(']')) {
        items.push(conditional());
        while (isOp(',')) {
          pos++;
          items.push(conditional());
        }
      }
      expect(']');
      return { type: 'array', items };
    }
    throw new ExpressionSyntaxError(
      t.kind === 'end' ? 'unexpected end of expression' : `unexpected "${t.value}"`,
      t.at,
    );
  }

  const expr = conditional();
  const rest = peek();
  if (rest.kind !== 'end')
    throw new ExpressionSyntaxError(`unexpected "${String(rest.value)}"`, rest.at);
  return expr;
}

/** Every `steps.<id>` an expression reads, for the validator's unknown-step check. */
export function referencedSteps(expr: Expr): string[] {
  const found: string[] = [];
  const walk = (e: Expr): void => {
    switch (e.type) {
      case 'path': {
        const first = e.segments[0];
        if (e.root === 'steps' && first?.type === 'literal' && typeof first.value === 'string')
          found.push(first.value);
        e.segments.forEach(walk);
        return;
      }
      case 'array':
        e.items.forEach(walk);
        return;
      case 'unary':
        walk(e.operand);
        return;
      case 'binary':
        walk(e.left);
        walk(e.right);
        return;
      case 'conditional':
        walk(e.test);
        walk(e.then);
        walk(e.else);
        return;
      case 'call':
        e.args.forEach(walk);
        return;
      default:
        return;
    }
  };
  walk(expr);
  return found;
}
