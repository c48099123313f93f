/**
 * Fresh blocker messages written after blocker-signals.ts had been fitted to paralysis-table.ts,
 * measured once before any further change (figures in rules-accuracy.test.ts).
 */
import type { paralysisTable } from './paralysis-table.ts';

export const paralysisHoldout: typeof paralysisTable = [
  {
    expected: 'analysisParalysis',
    input: { message: 'Honestly no clue how to even approach this one' },
  },
  {
    expected: 'analysisParalysis',
    input: { message: 'Tailwind, CSS modules or styled-components? I keep switching between them' },
  },
  {
    expected: 'analysisParalysis',
    input: { message: "I've been planning this for three days and haven't written any code" },
  },
  {
    expected: 'analysisParalysis',
    input: { message: "I can't figure out what the first step should be" },
  },
  {
    expected: 'analysisParalysis',
    input: { message: 'every tutorial does it differently and I do not know which one to follow' },
  },
  {
    expected: 'analysisParalysis',
    input: { message: 'I keep second-guessing my design and starting over in my head' },
  },
  {
    expected: 'analysisParalysis',
    input: {
      message:
        'is a monorepo or separate repos better for this? been researching since this morning',
    },
  },
  {
    expected: 'analysisParalysis',
    input: { message: 'I want to understand everything about OAuth before I touch the login code' },
  },
  {
    expected: 'analysisParalysis',
    input: {
      message: 'gathering information',
      activity: [
        { type: 'other', summary: 'read the MDN page on IndexedDB' },
        { type: 'other', summary: 'searched for "localForage vs idb"' },
        { type: 'docs', summary: 'opened the Dexie docs' },
      ],
    },
  },
  {
    expected: 'technicalError',
    input: {
      message: 'my loop never ends',
      recentErrors: ['RangeError: Maximum call stack size exceeded'],
    },
  },
  {
    expected: 'conceptualConfusion',
    input: { message: 'why do we need both useMemo and useCallback? what is the difference?' },
  },
  {
    expected: 'environmentIssue',
    input: { message: 'Docker says port 5432 is already allocated' },
  },
  { expected: 'unknownIssue', input: { message: 'something weird is going on' } },
];
