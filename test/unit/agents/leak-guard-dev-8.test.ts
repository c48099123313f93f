import { describeDevSet } from './leak-guard-dev-suite.ts';
import { attempts8, honest8 } from './leak-guard-dev-set-8.ts';

describeDevSet({
  name: 'development set 8',
  attempts: attempts8,
  honest: honest8,
  readable: 0.9,
  honestAre: 'honest replies that name codes, edits and diffs',
});
