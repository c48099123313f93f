import { describe, expect, it } from 'vitest';
import { commandWords } from '../../../src/cli/report/command-words.ts';

describe('commandWords (the checks pre-push runs, as written in git config)', () => {
  it('splits on whitespace, groups quotes, honours backslashes, expands nothing', () => {
    expect(commandWords('npm run lint')).toEqual(['npm', 'run', 'lint']);
    expect(commandWords(`node -e "console.log('a b')"  x`)).toEqual([
      'node',
      '-e',
      "console.log('a b')",
      'x',
    ]);
    expect(commandWords(`echo 'say "hi"' a\\ b "q\\"uote" '' $HOME`)).toEqual([
      'echo',
      'say "hi"',
      'a b',
      'q"uote',
      '',
      '$HOME',
    ]);
    expect(commandWords('   ')).toEqual([]);
  });
});
