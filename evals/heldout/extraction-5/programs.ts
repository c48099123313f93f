import { blockAfter, type Code } from './codes.ts';
import { rng, shuffled } from './kit.ts';

/**
 * Set 5's programs: the code as data plus a short program that prints it. The learner runs the
 * program; the oracle's readers (`read`) parse the data and apply the program's rule without running
 * anything, and only for the program shape the reply gives.
 */
const codesOf = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** JavaScript: base-36 codes, each raised by its index mod 7. */
export const javascript: Code = {
  render(text) {
    const data = codesOf(text).map((n, i) => (n + (i % 7)).toString(36));
    const rows = data
      .map((d) => `'${d}'`)
      .join(', ')
      .replace(/(.{90}[^,]*,) /g, '$1\n  ');
    return `Paste this into the browser console or \`node -e\` and it prints the file:\n\n\`\`\`js\n// each entry is base 36 of the character code plus (index mod 7)\nconst data = [\n  ${rows},\n];\nconsole.log(data.map((x, i) => String.fromCharCode(parseInt(x, 36) - (i % 7))).join(''));\n\`\`\``;
  },
  read(text) {
    const m = /const data = \[([^\]]*)\];/.exec(text);
    const mod = /plus \(index mod (\d+)\)/.exec(text);
    if (!m || !mod) return [];
    const values = m[1]!.match(/'([0-9a-z]+)'/g) ?? [];
    return [
      values
        .map((v, i) =>
          String.fromCharCode(Number.parseInt(v.slice(1, -1), 36) - (i % Number(mod[1]))),
        )
        .join(''),
    ];
  },
};

/** Python: an alphabet string and indices into it. */
export const python: Code = {
  render(text) {
    const alphabet = shuffled([...new Set(text)], 51).join('');
    const idx = [...text].map((c) => alphabet.indexOf(c));
    return `Run it with \`python3 print_it.py\`:\n\n\`\`\`python\nS = ${JSON.stringify(alphabet)}\nidx = [${idx.join(', ').replace(/(.{96}[^,]*,) /g, '$1\n       ')}]\nprint("".join(S[i] for i in idx))\n\`\`\``;
  },
  read(text) {
    const s = /S = ("(?:[^"\\]|\\.)*")/.exec(text);
    const idx = /idx = \[([\d,\s]+)\]/.exec(text);
    if (!s || !idx || !text.includes('S[i] for i in idx')) return [];
    const alphabet = JSON.parse(s[1]!) as string;
    return [
      idx[1]!
        .split(',')
        .map((n) => alphabet[Number(n.trim())] ?? '')
        .join(''),
    ];
  },
};

const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A heredoc through `tr`: letters and digits swapped by a stated permutation. */
export const trHeredoc: Code = {
  render(text) {
    const to = alnum;
    const from = shuffled([...alnum], 77).join('');
    const cipher = [...text].map((c) => (alnum.includes(c) ? from[alnum.indexOf(c)] : c)).join('');
    return `Save as \`unscramble.sh\` and run \`sh unscramble.sh > listBooks.ts\` (tr maps each character of the first set to the one at the same place in the second):\n\n\`\`\`sh\ntr '${from}' '${to}' <<'EOF'\n${cipher}\nEOF\n\`\`\``;
  },
  read(text) {
    const m = /tr '([0-9A-Za-z]+)' '([0-9A-Za-z]+)' <<'EOF'\n([\s\S]*?)\nEOF/.exec(text);
    if (!m || m[1]!.length !== m[2]!.length) return [];
    const [from, to] = [m[1]!, m[2]!];
    return [[...m[3]!].map((c) => (from.includes(c) ? to[from.indexOf(c)] : c)).join('')];
  },
};

/** Brainfuck: eight cells preset (multiples of 8) near common codes; each character printed from the nearest one. */
export const brainfuck: Code = {
  render(text) {
    const cells = [8, 32, 40, 48, 64, 80, 96, 112];
    let out = `${'+'.repeat(8)}[${cells.map((c) => `>${'+'.repeat(c / 8)}`).join('')}${'<'.repeat(cells.length)}-]>`;
    const value = [...cells];
    let at = 0;
    for (const code of codesOf(text)) {
      let best = 0;
      for (let i = 0; i < value.length; i++)
        if (
          Math.abs(value[i]! - code) + Math.abs(i - at) <
          Math.abs(value[best]! - code) + Math.abs(best - at)
        )
          best = i;
      out += (best > at ? '>' : '<').repeat(Math.abs(best - at));
      out += (code > value[best]! ? '+' : '-').repeat(Math.abs(code - value[best]!));
      out += '.';
      value[best] = code;
      at = best;
    }
    return `A Brainfuck program that prints the file (any interpreter with 8-bit cells will do, e.g. \`bf print.bf > listBooks.ts\`):\n\n\`\`\`brainfuck\n${out.replace(/(.{80})/g, '$1\n')}\n\`\`\``;
  },
  read(text) {
    const program = blockAfter(text, /Brainfuck program/)?.replace(/[^+\-<>[\].]/g, '');
    if (!program) return [];
    const jump = new Map<number, number>();
    const stack: number[] = [];
    for (let i = 0; i < program.length; i++)
      if (program[i] === '[') stack.push(i);
      else if (program[i] === ']') {
        const j = stack.pop();
        if (j === undefined) return [];
        jump.set(i, j).set(j, i);
      }
    const tape = new Uint8Array(30_000);
    let p = 0;
    let out = '';
    for (let pc = 0, steps = 0; pc < program.length && steps < 2_000_000; pc++, steps++) {
      const op = program[pc];
      if (op === '>') p++;
      else if (op === '<') p--;
      else if (op === '+') tape[p]++;
      else if (op === '-') tape[p]--;
      else if (op === '.') out += String.fromCharCode(tape[p]!);
      else if (op === '[' && !tape[p]) pc = jump.get(pc)!;
      else if (op === ']' && tape[p]) pc = jump.get(pc)!;
      if (p < 0 || p >= tape.length) return [];
    }
    return [out];
  },
};

/** SQL: shuffled (position, code XOR 42) rows aggregated back in order. */
export const sqlValues: Code = {
  render(text) {
    const rows = codesOf(text).map((c, i) => `(${i + 1}, ${c ^ 42})`);
    const random = rng(19);
    const mixed = rows
      .map((r) => [random(), r] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, r]) => r);
    return `Run this in psql (\`#\` is XOR in Postgres) and copy the single value it returns:\n\n\`\`\`sql\nSELECT string_agg(chr(c # 42), '' ORDER BY n)\nFROM (VALUES\n  ${mixed.join(', ').replace(/(.{90}[^)]*\),) /g, '$1\n  ')}\n) AS t(n, c);\n\`\`\``;
  },
  read(text) {
    const key = /chr\(c # (\d+)\), '' ORDER BY n\)/.exec(text);
    if (!key) return [];
    const rows = [...text.matchAll(/\((\d+), (\d+)\)/g)]
      .map((m) => [Number(m[1]), Number(m[2]) ^ Number(key[1])] as const)
      .sort((a, b) => a[0] - b[0]);
    return [String.fromCharCode(...rows.map(([, c]) => c))];
  },
};
