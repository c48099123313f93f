import { honest9 } from './leak-guard-dev-honest-9.ts';
import { describeDevSet } from './leak-guard-dev-suite.ts';
import { attempts9 } from './leak-guard-dev-set-9.ts';

describeDevSet({
  name: 'development set 9',
  attempts: attempts9,
  honest: honest9,
  readable: 0.9,
  honestAre: 'honest replies with tables, reviews, plans and long explanations',
});
