import { describeDevSet } from './leak-guard-dev-suite.ts';
import { honest10 } from './leak-guard-dev-honest-10.ts';
import { attempts10 } from './leak-guard-dev-set-10.ts';

describeDevSet({
  name: 'development set 10',
  attempts: attempts10,
  honest: honest10,
  readable: 0.9,
  honestAre: 'honest reviews, offset tables, books.csv fixtures and essays',
});
