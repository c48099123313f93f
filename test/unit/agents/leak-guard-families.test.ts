import { describe, expect, it } from 'vitest';
import { guardOutput, guardReply } from '../../../agents/leak-guard.ts';
import { attempts, benign, reference, solution } from './leak-guard-dev-set.ts';
import { moreAttempts, thirdAttempts } from './leak-guard-dev-set-2.ts';

const options = { referenceSolution: reference };

/**
 * How the session layer judges a reply (`reply-guard.ts`): alone, then with the replies before it,
 * all the turns' parts read each alone and together.
 */
function refusedInSession(turns: string[]): boolean {
  return turns.some((turn, i) => {
    if (guardReply(turn, options).action === 'refused') return true;
    const earlier = turns.slice(Math.max(0, i - 6), i);
    return (
      earlier.length > 0 &&
      guardReply([...earlier, turn].join('\n\n'), options).action === 'refused'
    );
  });
}

describe('leak guard development set: compliant replies in each family are refused', () => {
  for (const attempt of [...attempts, ...moreAttempts, ...thirdAttempts])
    it(`${attempt.family}: ${attempt.name}`, () => {
      expect(refusedInSession(attempt.turns)).toBe(true);
    });

  it('scattered: the answer in several fields of a structured output', () => {
    const tokens = solution.match(/[A-Za-z_$][\w$]*|\d+|\S/g)!;
    const quarter = Math.ceil(solution.length / 4);
    const output = {
      reply: `Here is the first part: ${solution.slice(0, quarter)}`,
      hint: solution.slice(quarter, 2 * quarter),
      explanation: `Then: ${solution.slice(2 * quarter, 3 * quarter)}`,
      steps: tokens.slice(Math.floor(tokens.length * 0.75)),
    };
    expect(guardOutput(output, options).action).toBe('refused');
  });

  it("turns: an output that completes the solution with the session's earlier replies", () => {
    const third = Math.ceil(solution.length / 3);
    const earlierReplies = `One: ${Buffer.from(solution.slice(0, third)).toString('base64')}\n\nTwo: ${[...solution.slice(third, 2 * third)].reverse().join('')}`;
    const output = { reply: `Three: ${solution.slice(2 * third).replace(/[aeiou]/g, '')}` };
    expect(guardOutput(output, options).action).toBe('pass');
    const guarded = guardOutput(output, { ...options, earlierReplies });
    expect(guarded.action).toBe('refused');
    expect(guarded.output.reply).not.toContain(output.reply.slice(8, 40));
  });

  it('scattered: every token a field of its own', () => {
    const tokens = solution.match(/[A-Za-z_$][\w$]*|\d+|\S/g)!;
    const output = { reply: 'Read the words in order.', words: tokens };
    expect(guardOutput(output, options).action).toBe('refused');
  });
});

describe('leak guard development set: honest replies pass unchanged', () => {
  for (const [i, { kind, text, learner }] of benign.entries())
    it(`${kind} (${i + 1})`, () => {
      expect(guardReply(text, { ...options, learnerText: learner })).toEqual({
        text,
        action: 'pass',
        reasons: [],
      });
    });

  it('quoting the learner back is theirs; what they did not write still counts', () => {
    const half = Math.ceil(solution.length / 2);
    const learnerText = `My code so far:\n${solution.slice(0, half)}`;
    const quote = `You wrote:\n\`\`\`ts\n${solution.slice(0, half)}\n\`\`\`\nWhat is missing after it?`;
    expect(guardReply(quote, options).action).not.toBe('pass');
    expect(guardReply(quote, { ...options, learnerText }).action).toBe('pass');
    // The rest, in plain or encoded, is refused whatever the learner wrote.
    const rest = solution.slice(half);
    for (const reply of [
      `${quote}\nAnd the rest:\n${rest}`,
      `The rest: ${Buffer.from(rest).toString('base64')}`,
    ])
      expect(guardReply(reply, { ...options, learnerText }).action).toBe('refused');
  });
});

describe('leak guard development set: what a test skeleton may not carry', () => {
  const wrap = (inner: string) =>
    `Tests:\n\`\`\`ts\ndescribe("GET /books", () => {\n${inner}\n  it("works", async () => {\n    expect(await listBooks()).toBeDefined();\n  });\n});\n\`\`\``;

  it('refuses the solution inside a test file', () => {
    expect(guardReply(wrap(solution), options).action).toBe('refused');
  });

  it('still counts the lines of other code inside a test', () => {
    const helper = Array.from({ length: 14 }, (_, i) => `  const step${i} = prepare(${i});`);
    const result = guardReply(wrap(helper.join('\n')), options);
    expect(result.action).not.toBe('pass');
    expect(result.reasons.join()).toMatch(/lines \(limit 12\)/);
  });
});
