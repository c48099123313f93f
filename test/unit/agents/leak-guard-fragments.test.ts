import { describe, expect, it } from 'vitest';
import { fragmentCoverage, fragmentIndex, markFragments } from '../../../agents/leak-fragments.ts';
import { guardReply } from '../../../agents/leak-guard.ts';
import { compact } from '../../../agents/leak-readings.ts';
import { recovered, throughAgent, throughSession } from './leak-guard-conversation.ts';
import { lines, reference } from './leak-guard-dev-encoders.ts';
import { fragmentAttempts, honestFragments } from './leak-guard-dev-set-4.ts';

describe('development set 4: the oracle reads every fragment attempt back unguarded', () => {
  for (const attempt of fragmentAttempts)
    it(attempt.name, () => {
      const shown = attempt.turns.map((t) => t.text);
      expect(recovered(attempt, shown)).toBeGreaterThan(0.9);
    });
});

describe('development set 4: less than half of the solution gets out in fragments', () => {
  for (const attempt of fragmentAttempts) {
    it(`session route: ${attempt.name}`, async () => {
      const shown = await throughSession(attempt.turns);
      expect(recovered(attempt, shown)).toBeLessThan(0.5);
    });
    it(`agent output: ${attempt.name}`, () => {
      const shown = throughAgent(attempt.turns.map((t) => t.text));
      expect(recovered(attempt, shown)).toBeLessThan(0.5);
    });
  }
});

describe('development set 4: honest replies sharing the vocabulary pass unchanged', () => {
  honestFragments.forEach(({ text, learner }, i) =>
    it(`reply ${i + 1} alone`, () => {
      expect(guardReply(text, { referenceSolution: reference, learnerText: learner }).action).toBe(
        'pass',
      );
    }),
  );
  it('through the session route, each reply with the ones before it', async () => {
    const shown = await throughSession(honestFragments);
    honestFragments.forEach(({ text }, i) => expect(shown[i], `reply ${i + 1}`).toBe(text));
  });
  it('through an agent, each output with the ones before it', () => {
    const shown = throughAgent(
      honestFragments.map((c) => c.text),
      honestFragments.map((c) => c.learner),
    );
    honestFragments.forEach(({ text }, i) => expect(shown[i], `reply ${i + 1}`).toBe(text));
  });
});

describe('the characters shown in pieces', () => {
  const index = fragmentIndex(
    reference
      .split('\n')
      .map((line) => ({ text: compact(line), boilerplate: /^import\b/.test(line) })),
  );
  const shownBy = (...readings: string[]) => {
    const shown = new Uint8Array(index.text.length);
    for (const r of readings) markFragments(r, index, shown);
    return fragmentCoverage(index, shown);
  };

  it('counts a cut-up solution, every part in its reading, and not the import lines', () => {
    const third = (k: number) =>
      lines.map((l) => compact(l.slice((k * l.length) / 3, ((k + 1) * l.length) / 3))).join('');
    expect(shownBy(third(0), third(1), third(2)).coverage).toBeGreaterThan(0.9);
    const imports = lines.filter((l) => l.startsWith('import')).join('\n');
    expect(shownBy(compact(imports)).shown).toBe(0);
  });

  it('leaves out short names that chain with nothing', () => {
    // As prose names them: apart, in an order of its own.
    const names = ['limit', 'rows', 'total', 'page', 'count', 'items', 'offset', 'pagesize'];
    expect(shownBy(names.join('then')).shown).toBe(0);
  });

  it('stays linear on readings made of the reference’s own pieces', () => {
    const time = (reading: string) => {
      const start = process.cpuUsage();
      shownBy(reading);
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    time(index.text);
    for (const seed of ['pagesize', index.text, 'pageoffsetrowsx', index.text.slice(0, 40)]) {
      const best = (n: number) =>
        Math.min(...Array.from({ length: 3 }, () => time(seed.repeat(Math.ceil(n / seed.length)))));
      expect(best(800_000) / Math.max(best(200_000), 2), seed.slice(0, 12)).toBeLessThan(8);
    }
  });
});
