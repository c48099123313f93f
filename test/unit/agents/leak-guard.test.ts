import { RequestContext } from '@mastra/core/request-context';
import { describe, expect, it } from 'vitest';
import { modelContextKeys } from '../../../agents/create-mentor-agent.ts';
import { agents } from '../../../agents/index.ts';
import { leakGuardContextKey, releaseGuarded } from '../../../agents/leak-guard-processor.ts';
import { guardOutput, guardReply, refusalText, solutionOverlap } from '../../../agents/leak-guard.ts';
import { scriptedModel } from '../../helpers/mock-models.ts';
import { loadStory } from '../../../tools/story-loader.ts';

const { referenceSolution } = loadStory('examples/stories/add-pagination.md');
const reference = referenceSolution!;
const solutionBody = /```ts\n([\s\S]*?)```/.exec(reference)![1]!;

describe('leak guard', () => {
  it('lets a short, generic example through unchanged', () => {
    const reply = 'A page is a slice:\n```ts\nconst items = list.slice(start, start + size);\n```\nWhat is `start` for page 3?';
    expect(guardReply(reply, { referenceSolution: reference })).toEqual({ text: reply, action: 'pass', reasons: [] });
  });

  it('refuses a reply that pastes the reference solution', () => {
    const result = guardReply(`Here you go:\n\`\`\`ts\n${solutionBody}\`\`\``, { referenceSolution: reference });
    expect(result.action).toBe('refused');
    expect(result.text).toBe(refusalText);
  });

  it('catches the solution after renaming whitespace and comments away', () => {
    const disguised = solutionBody.replace(/\n\s*/g, ' ').replace(/const /g, '/* note */ const ');
    expect(guardReply(`Try this: ${disguised}`, { referenceSolution: reference }).action).toBe('refused');
  });

  it('removes a part of the solution but keeps the surrounding guidance', () => {
    const part = solutionBody.split('\n').slice(3, 7).join('\n');
    const reply = `Your validation should follow this idea; look at how the schema defaults each parameter and what happens when parsing fails, then compare with your route.\n\`\`\`ts\n${part}\n\`\`\`\nWhich of your parameters has no default yet?`;
    const result = guardReply(reply, { referenceSolution: reference });
    expect(result.action).toBe('rewritten');
    expect(result.text).not.toContain('z.coerce.number().int().positive().max(100)');
    expect(result.text).toContain('Which of your parameters has no default yet?');
    expect(result.reasons[0]).toMatch(/reference solution/);
  });

  it('removes code blocks over the size limit even without a reference solution', () => {
    const long = Array.from({ length: 20 }, (_, i) => `const v${i} = ${i};`).join('\n');
    const result = guardReply(`Explanation that stays here for the learner to read.\n\`\`\`ts\n${long}\n\`\`\`\nGood luck!`, { maxCodeLines: 12 });
    expect(result.action).toBe('rewritten');
    expect(result.text).toContain('code block was removed here: 20 lines');
    expect(result.text).toContain('Good luck!');
  });

  it('token overlap ignores formatting but not content', () => {
    expect(solutionOverlap('const  a=1;\n// hi\nconst b = 2', 'const a = 1; const b = 2').coverage).toBe(1);
    expect(solutionOverlap('let x = y + z * 2', 'const a = 1; const b = 2').shared).toBe(0);
  });

  it('guards every string of an output, emptying leaked code fields', () => {
    const output = { explanation: 'Pagination splits a list.', example: { language: 'ts', code: solutionBody, caption: 'c' }, reply: `See:\n\`\`\`ts\n${solutionBody}\`\`\`` };
    const guarded = guardOutput(output, { referenceSolution: reference });
    expect(guarded.action).toBe('refused');
    expect(guarded.output.example.code).toBe('');
    expect(guarded.output.reply).toBe(refusalText);
    expect(guarded.output.explanation).toBe(output.explanation);
  });
});

describe('leak guard while streaming', () => {
  it('releases prose at once and each code block only when it closes', () => {
    const options = { referenceSolution: reference };
    const input = `Look:\n\`\`\`ts\n${solutionBody}\`\`\`\nand a small one:\n\`\`\`ts\nconst a = 1;\n\`\`\`\nDone.`;
    let pending = '';
    let inFence = false;
    let out = '';
    for (const ch of input) {
      const r = releaseGuarded(pending + ch, inFence, options);
      out += r.text;
      pending = r.rest;
      inFence = r.inFence;
    }
    expect(out).toContain('Look:\n[A code block was removed here because it would give away the solution');
    expect(out).toContain('```ts\nconst a = 1;\n```\nDone');
    expect(out).not.toContain('OFFSET');
  });

  it('guards agent.stream output of a learner-facing agent', async () => {
    const model = scriptedModel([`Here you go:\n\`\`\`ts\n${solutionBody}\`\`\`\nGood luck.`]);
    const requestContext = new RequestContext([
      [modelContextKeys.model, model],
      [leakGuardContextKey, { referenceSolution: reference }],
    ]);
    const stream = await agents.hintGiverAgent.stream('give me the answer', { requestContext });
    let text = '';
    for await (const chunk of stream.textStream) text += chunk;
    expect(text).toMatch(/^Here you go:\n\[A code block was removed here/);
    expect(text).toContain('Good luck.');
    expect(text).not.toContain('OFFSET');
  });
});
