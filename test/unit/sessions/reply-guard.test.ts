import { describe, expect, it } from 'vitest';
import { refusalText } from '../../../agents/leak-guard.ts';
import { guardReplies } from '../../../src/sessions/answer/reply-guard.ts';
import type { TurnDeps, TurnDraft } from '../../../src/sessions/turn/draft.ts';
import type { Reply } from '../../../src/sessions/types.ts';
import { loadStory } from '../../../tools/story-loader.ts';

const reference = loadStory('examples/stories/add-pagination.md').referenceSolution!;
const code = /```ts\n([\s\S]*?)```/.exec(reference)![1]!;
const third = Math.ceil(code.length / 3);
const part = (k: number) => code.slice(k * third, (k + 1) * third);

/** Just what the reply guard reads of a turn: its replies, notes, event and the recent ones. */
function turn(replies: Reply[], earlier: string[] = [], learner = '') {
  const draft = {
    replies,
    notes: [] as string[],
    event: { source: 'client', data: { text: learner } },
  } as unknown as TurnDraft;
  const deps = {
    recent: [],
    referenceSolution: async () => reference,
    recentReplies: async () => earlier,
  } as unknown as TurnDeps;
  return { draft, deps };
}
const reply = (text: string): Reply => ({ action: 'provideHint', text, source: 'agent' });

describe('the session reply guard', () => {
  it('adds up the replies of one turn', async () => {
    const replies = [
      reply(`First: ${Buffer.from(part(0)).toString('base64')}`),
      reply(`Second: ${[...part(1)].reverse().join('')}`),
      reply(`Third: ${part(2).replace(/[aeiou]/g, '')}`),
    ];
    const { draft, deps } = turn(replies);
    await guardReplies(draft, deps);
    expect(draft.replies[0]!.text).toBe(replies[0]!.text);
    expect(draft.replies.at(-1)!.text).toBe(refusalText);
  });

  it('lets a reply quote the learner back, but not complete the solution with earlier replies', async () => {
    const quote = `You wrote:\n\`\`\`ts\n${part(0)}\n\`\`\`\nWhat comes next?`;
    const alone = turn([reply(quote)], [], `My code:\n${part(0)}`);
    await guardReplies(alone.draft, alone.deps);
    expect(alone.draft.replies[0]!.text).toBe(quote);
    const earlier = [`Part two: ${Buffer.from(part(1)).toString('base64')}`];
    const completing = turn([reply(`${quote}\n${part(2)}`)], earlier, `My code:\n${part(0)}`);
    await guardReplies(completing.draft, completing.deps);
    expect(completing.draft.replies[0]!.text).toBe(refusalText);
  });
});
