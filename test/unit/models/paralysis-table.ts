/**
 * Hand-written blocker messages centred on analysis paralysis (learners who cannot decide or start,
 * compare options endlessly, read without writing code), plus nearby cases of other categories that
 * must stay where they are. Written before blocker-signals.ts was changed; the first figures are in
 * rules-accuracy.test.ts. Activity is written the way the session layer sends it: `docs` for opened
 * pages, `other` for anything it cannot type.
 */
import type { BlockerCategory } from '../../../src/domain/contracts/blocker-diagnosis.ts';

type Activity = { type: string; summary: string; ok?: boolean };

export const paralysisTable: Array<{
  expected: BlockerCategory;
  input: { message: string; recentErrors?: string[]; activity?: Activity[] };
}> = [
  {
    expected: 'analysisParalysis',
    input: {
      message: "I've been comparing Zod, Yup and Joi for two hours and still haven't picked one",
    },
  },
  {
    expected: 'analysisParalysis',
    input: { message: 'should I use Redux or Context for this? or maybe Zustand?' },
  },
  { expected: 'analysisParalysis', input: { message: 'where do I even begin with this story' } },
  {
    expected: 'analysisParalysis',
    input: { message: "I keep reading the Express docs but I haven't written a single line" },
  },
  {
    expected: 'analysisParalysis',
    input: {
      message:
        "not sure whether to start with the database schema or the API, so I haven't done either",
    },
  },
  {
    expected: 'analysisParalysis',
    input: { message: "there are like five ways to do auth and I can't make up my mind" },
  },
  {
    expected: 'analysisParalysis',
    input: { message: 'I want to make sure I pick the right pattern before I write anything' },
  },
  {
    expected: 'analysisParalysis',
    input: {
      message:
        "I watched three tutorials about pagination and I'm still not sure which approach to take",
    },
  },
  {
    expected: 'analysisParalysis',
    input: {
      message:
        "Is it better to use REST or GraphQL here? I've been going back and forth since yesterday",
    },
  },
  {
    expected: 'analysisParalysis',
    input: { message: "I don't know how to start. Tests first or code first?" },
  },
  {
    expected: 'analysisParalysis',
    input: { message: 'I rewrote my plan four times and still have not opened the editor' },
  },
  {
    expected: 'analysisParalysis',
    input: { message: 'what if I choose the wrong library and have to redo everything?' },
  },
  { expected: 'analysisParalysis', input: { message: "I've got 20 tabs open comparing ORMs" } },
  {
    expected: 'analysisParalysis',
    input: { message: "I'm stuck deciding between a class and plain functions" },
  },
  {
    expected: 'analysisParalysis',
    input: { message: "I'm frozen, so many decisions and no idea what to do first" },
  },
  {
    expected: 'analysisParalysis',
    input: { message: 'Postgres or MongoDB for this? I can see pros and cons for both' },
  },
  {
    expected: 'analysisParalysis',
    input: { message: "I've spent the whole day on research and have nothing to show for it" },
  },
  {
    expected: 'analysisParalysis',
    input: {
      message: 'still looking into options',
      activity: [
        { type: 'docs', summary: 'opened the Prisma docs' },
        { type: 'docs', summary: 'opened the TypeORM docs' },
        { type: 'other', summary: 'read a blog post comparing ORMs' },
        { type: 'other', summary: 'watched a video about Drizzle' },
      ],
    },
  },
  {
    expected: 'analysisParalysis',
    input: {
      message: 'trying to figure out the best approach first',
      activity: [
        { type: 'other', summary: "searched 'cursor pagination postgres'" },
        { type: 'other', summary: 'read a stackoverflow answer on keyset pagination' },
        { type: 'other', summary: 'read an article about offset vs cursor' },
      ],
    },
  },

  {
    expected: 'technicalError',
    input: {
      message: 'should I use let or const for the counter? it throws',
      recentErrors: ['TypeError: Assignment to constant variable.'],
    },
  },
  {
    expected: 'technicalError',
    input: { message: 'the API returns 500 when the cursor is empty' },
  },
  {
    expected: 'conceptualConfusion',
    input: { message: "what's the difference between map and forEach?" },
  },
  { expected: 'conceptualConfusion', input: { message: "I don't understand how promises chain" } },
  {
    expected: 'conceptualConfusion',
    input: { message: "I read the docs on useEffect but I don't get why it runs twice" },
  },
  {
    expected: 'environmentIssue',
    input: { message: 'npm start says port 3000 is already in use' },
  },
  {
    expected: 'environmentIssue',
    input: {
      message: 'which node version should I install? npm install fails with unsupported engine',
    },
  },
  { expected: 'unknownIssue', input: { message: "it doesn't work" } },
  { expected: 'unknownIssue', input: { message: 'can you look at my branch?' } },
];
