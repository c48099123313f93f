/**
 * Hand-written inputs for measuring rules mode, with the answer a mentor would give. Written before
 * running the rules on them and not used to tune the rules; the accuracy test reports the score.
 */
import type { BlockerCategory } from '../../../src/domain/contracts/blocker-diagnosis.ts';
import type { FixVerdict } from '../../../src/domain/contracts/fix-verification.ts';
import type { PlanVerdict } from '../../../src/domain/contracts/plan-review.ts';
import type { ProgressAssessment } from '../../../src/domain/contracts/progress-coaching.ts';
import type { ReviewOutcome } from '../../../src/domain/contracts/review-coaching.ts';
import type { UnderstandingVerdict } from '../../../src/domain/contracts/understanding-assessment.ts';

export const blockerCases: Array<{ expected: BlockerCategory; input: Record<string, unknown> }> = [
  {
    expected: 'environmentIssue',
    input: {
      message: "the api won't boot",
      recentErrors: ['Error: listen EADDRINUSE: address already in use 0.0.0.0:8080'],
    },
  },
  {
    expected: 'environmentIssue',
    input: {
      message: 'tests cannot reach the db',
      recentErrors: ['error: password authentication failed for user "app"'],
    },
  },
  {
    expected: 'environmentIssue',
    input: { message: 'npm run dev says sh: vite: command not found' },
  },
  {
    expected: 'environmentIssue',
    input: {
      message: 'getting this when I start the worker',
      recentErrors: [
        "Error: Cannot find module 'dotenv'\nRequire stack:\n- /home/me/app/src/worker.js",
      ],
    },
  },
  {
    expected: 'environmentIssue',
    input: {
      message: 'STRIPE_SECRET_KEY is undefined at runtime even though I put it in my .env file',
    },
  },
  {
    expected: 'environmentIssue',
    input: {
      message: 'cannot write to the uploads folder',
      recentErrors: ["Error: EACCES: permission denied, open '/var/app/uploads/a.png'"],
    },
  },
  {
    expected: 'environmentIssue',
    input: {
      message: 'npm install keeps failing after I updated node',
      recentErrors: [
        'npm ERR! code EBADENGINE\nnpm ERR! engine Unsupported engine: wanted: {"node":">=20"} (current: {"node":"18.19.0"})',
      ],
    },
  },
  {
    expected: 'technicalError',
    input: {
      message: 'the page crashes when the list loads',
      recentErrors: [
        "TypeError: Cannot read properties of undefined (reading 'length')\n    at BookList (src/BookList.tsx:14:23)",
      ],
    },
  },
  {
    expected: 'technicalError',
    input: {
      message: 'one test keeps failing',
      activity: [
        {
          type: 'test',
          ok: false,
          summary: "AssertionError: expected [ 'a', 'b' ] to deeply equal [ 'b', 'a' ]",
        },
      ],
    },
  },
  {
    expected: 'technicalError',
    input: {
      message: 'tsc complains',
      recentErrors: [
        "src/api.ts(22,7): error TS2322: Type 'string | undefined' is not assignable to type 'string'.",
      ],
    },
  },
  {
    expected: 'technicalError',
    input: { message: 'my function returns the wrong total, it is always off by one' },
  },
  {
    expected: 'technicalError',
    input: {
      recentErrors: ["Error: Cannot find module '../utils/format' imported from /app/src/index.ts"],
    },
  },
  {
    expected: 'technicalError',
    input: {
      message: 'build is red',
      activity: [
        {
          type: 'build',
          ok: false,
          summary: 'SyntaxError: Unexpected token } in src/routes.ts:40',
        },
      ],
    },
  },
  {
    expected: 'conceptualConfusion',
    input: {
      message: "I don't really understand what a closure is and why my counter keeps its value",
    },
  },
  {
    expected: 'conceptualConfusion',
    input: {
      message:
        'what is the difference between offset and cursor pagination? the story mentions both',
    },
  },
  {
    expected: 'conceptualConfusion',
    input: { message: 'How does async/await actually work? I never used promises before' },
  },
  {
    expected: 'conceptualConfusion',
    input: {
      message:
        'Can you explain what dependency injection means here? the code review mentioned it and I am confused',
    },
  },
  {
    expected: 'analysisParalysis',
    input: { message: "I've read the story three times and I honestly don't know where to start" },
  },
  {
    expected: 'analysisParalysis',
    input: {
      message:
        'should I use Prisma or Knex or raw SQL? I keep going back and forth and have not written any code yet',
    },
  },
  {
    expected: 'analysisParalysis',
    input: {
      message: 'still researching',
      activity: [
        { type: 'docs', summary: 'read express routing guide' },
        { type: 'research', summary: 'stackoverflow: pagination best practice' },
        { type: 'docs', summary: 'read postgres LIMIT docs' },
        { type: 'research', summary: 'blog: cursor vs offset' },
      ],
    },
  },
  {
    expected: 'analysisParalysis',
    input: {
      message:
        'so many ways to do this, I am overwhelmed and cannot decide on the right architecture',
    },
  },
  { expected: 'unknownIssue', input: { message: 'it does not work' } },
  { expected: 'unknownIssue', input: { message: 'hmm, stuck again' } },
  { expected: 'unknownIssue', input: { message: '', activity: [] } },
];

const pagination = {
  title: 'Add pagination to the order history endpoint',
  description:
    'GET /orders returns all orders of a customer at once, which is slow for big customers. Return one page at a time.',
  acceptanceCriteria: [
    'GET /orders accepts limit (default 25, maximum 100) and a cursor query parameter',
    'The response contains the orders of the page and a nextCursor, null on the last page',
    'Orders are sorted by creation date, newest first',
    'An invalid limit or cursor returns 400 with an error message',
  ],
};
const avatar = {
  title: 'Let users upload a profile picture',
  description:
    'Users want a profile picture. Add an upload on the settings page and show the picture in the header.',
  acceptanceCriteria: [
    'The settings page has a file input that accepts PNG and JPEG images up to 2 MB',
    'Larger files or other formats are rejected with a message',
    'The uploaded picture is shown in the header instead of the initials',
  ],
};

export const understandingCases: Array<{
  expected: UnderstandingVerdict;
  story: typeof pagination;
  restatement: string;
}> = [
  {
    expected: 'correctUnderstanding',
    story: pagination,
    restatement:
      'GET /orders should take a limit (25 by default, at most 100) and a cursor, return one page of orders sorted newest first by creation date plus a nextCursor that is null on the last page, and answer 400 with an error message for an invalid limit or cursor.',
  },
  {
    expected: 'correctUnderstanding',
    story: avatar,
    restatement:
      'On the settings page users pick a PNG or JPEG file of at most 2 MB; anything bigger or in another format gets rejected with a message. After upload the picture replaces the initials in the header.',
  },
  {
    expected: 'partialUnderstanding',
    story: pagination,
    restatement:
      'We need to split the orders response into pages using limit and cursor parameters.',
  },
  {
    expected: 'partialUnderstanding',
    story: avatar,
    restatement:
      'Add a file input on the settings page so users can upload a picture, and show it in the header. I am not sure about the rules for files.',
  },
  {
    expected: 'partialUnderstanding',
    story: pagination,
    restatement:
      'Orders need pagination, sorted newest first, and a nextCursor for the following page. I think limit is 25.',
  },
  {
    expected: 'misunderstanding',
    story: pagination,
    restatement: 'We should add a new page in the frontend that lets customers delete old orders.',
  },
  {
    expected: 'misunderstanding',
    story: avatar,
    restatement: 'The task is to remove profile pictures from the header and show initials only.',
  },
  {
    expected: 'misunderstanding',
    story: avatar,
    restatement: 'I need to write a script that resizes all images in the database every night.',
  },
  {
    expected: 'misunderstanding',
    story: pagination,
    restatement: 'Sort the orders oldest first and return all of them with no limit.',
  },
];

export const planCases: Array<{ expected: PlanVerdict; story: typeof pagination; plan: string }> = [
  {
    expected: 'goodPlan',
    story: pagination,
    plan: '1. Parse limit and cursor query params in the orders route with a zod schema (default limit 25, max 100)\n2. Return 400 with an error message when limit or cursor are invalid\n3. Query orders ordered by created_at desc, id desc, using the cursor (created_at, id) and LIMIT limit+1\n4. Build the response with the orders and nextCursor (null on the last page)\n5. Write unit tests: first page, last page with null nextCursor, invalid limit, invalid cursor, newest-first ordering\n6. Run lint and type check, then open a PR',
  },
  {
    expected: 'goodPlan',
    story: avatar,
    plan: '- Add a file input to the settings page component that accepts image/png and image/jpeg\n- Validate size (max 2 MB) and type on the client and on the upload endpoint, reject others with an error message\n- Store the uploaded file and save its URL on the user\n- Show the picture in the header component instead of the initials when the user has one\n- Tests: valid PNG upload, JPEG upload, 3 MB file rejected, GIF rejected, header shows picture\n- Run lint, type check and all tests before opening the pull request',
  },
  {
    expected: 'missingSteps',
    story: pagination,
    plan: '1. Add limit and cursor to the orders endpoint\n2. Return nextCursor\n3. Done',
  },
  {
    expected: 'missingSteps',
    story: avatar,
    plan: 'First add the file input on the settings page, then save the picture and show it in the header.',
  },
  {
    expected: 'missingSteps',
    story: pagination,
    plan: '1. Read limit and cursor from the query in orders.ts\n2. Query orders sorted newest first with the cursor\n3. Return orders and nextCursor, null at the end\n4. Open a PR',
  },
  {
    expected: 'wrongApproach',
    story: pagination,
    plan: '1. Load all orders of the customer from the database\n2. Then slice the array in JavaScript to get the page\n3. Write tests for slicing\n4. Open a PR',
  },
  {
    expected: 'wrongApproach',
    story: avatar,
    plan: '1. Hardcode a default avatar URL for every user in the header\n2. Skip the tests for now because uploads are hard to test\n3. Merge',
  },
  {
    expected: 'wrongApproach',
    story: pagination,
    plan: '1. Build the SQL string by concatenating the cursor from the query into the WHERE clause\n2. Return orders and nextCursor\n3. Add tests for first and last page, invalid limit\n4. Lint and open PR',
  },
];

export const fixCases: Array<{ expected: FixVerdict; input: Record<string, unknown> }> = [
  {
    expected: 'fixConfirmed',
    input: {
      learnerReport: 'all green now, thanks!',
      checks: { testsPassed: 42, testsFailed: 0, buildOk: true },
    },
  },
  {
    expected: 'fixConfirmed',
    input: {
      learnerReport: 'that fixed it',
      errorsBefore: ['TypeError: cannot read properties of undefined'],
      errorsAfter: [],
    },
  },
  {
    expected: 'fixConfirmed',
    input: { checks: { testsPassed: 10, testsFailed: 0, lintErrors: 0, typeErrors: 0 } },
  },
  {
    expected: 'partialFix',
    input: {
      learnerReport: 'the first test passes now but another one fails',
      checks: { testsPassed: 9, testsFailed: 1 },
      errorsBefore: ['expected 3 to be 4', 'expected 5 to be 6'],
      errorsAfter: ['expected 5 to be 6'],
    },
  },
  {
    expected: 'partialFix',
    input: {
      learnerReport: 'now I get a different error',
      errorsBefore: ['TypeError: x is undefined'],
      errorsAfter: ['ReferenceError: total is not defined'],
    },
  },
  {
    expected: 'partialFix',
    input: {
      learnerReport: 'mostly works, build passes, lint still complains',
      checks: { buildOk: true, lintErrors: 3 },
    },
  },
  {
    expected: 'stillBroken',
    input: {
      learnerReport: 'still the same error',
      errorsBefore: [
        "TypeError: Cannot read properties of undefined (reading 'id') at src/a.ts:10:5",
      ],
      errorsAfter: [
        "TypeError: Cannot read properties of undefined (reading 'id') at src/a.ts:12:5",
      ],
    },
  },
  {
    expected: 'stillBroken',
    input: {
      learnerReport: "didn't help, nothing changed",
      checks: { testsFailed: 3, testsPassed: 5 },
    },
  },
  {
    expected: 'stillBroken',
    input: {
      errorsBefore: ['Error: connect ECONNREFUSED 127.0.0.1:6379'],
      errorsAfter: ['Error: connect ECONNREFUSED 127.0.0.1:6379'],
    },
  },
];

export const reviewCases: Array<{ expected: ReviewOutcome; input: Record<string, unknown> }> = [
  {
    expected: 'approved',
    input: { reviewState: 'approved', comments: [{ body: 'LGTM, nice work!' }] },
  },
  {
    expected: 'approved',
    input: {
      comments: [{ body: 'Looks good to me' }, { body: 'nit: trailing whitespace, not blocking' }],
    },
  },
  {
    expected: 'minorChanges',
    input: {
      reviewState: 'changesRequested',
      comments: [
        { body: 'Please rename `tmp` to something descriptive' },
        { body: 'nit: missing semicolon' },
      ],
    },
  },
  {
    expected: 'minorChanges',
    input: { comments: [{ body: 'This should return 400, not 500, when the limit is negative' }] },
  },
  {
    expected: 'majorChanges',
    input: {
      reviewState: 'changesRequested',
      comments: [
        {
          body: 'This approach loads the whole table into memory; we need a different approach using keyset pagination. Please rework.',
        },
      ],
    },
  },
  {
    expected: 'majorChanges',
    input: {
      comments: [
        {
          body: 'The query interpolates user input directly, that is an SQL injection vulnerability.',
        },
        { body: 'Missing tests for the error cases.' },
      ],
    },
  },
  {
    expected: 'questions',
    input: {
      comments: [
        { body: 'Why did you choose a cursor instead of page numbers?' },
        { body: 'What happens when two orders have the same timestamp?' },
      ],
    },
  },
  {
    expected: 'questions',
    input: {
      reviewState: 'commented',
      comments: [{ body: 'Could you explain the retry logic here?' }],
    },
  },
];

export const progressCases: Array<{
  expected: ProgressAssessment;
  input: Record<string, unknown>;
}> = [
  {
    expected: 'steadyProgress',
    input: {
      activity: [
        { type: 'edit', summary: 'orders.ts' },
        { type: 'test', ok: true, summary: '12 passed' },
        { type: 'commit', summary: 'add limit param' },
        { type: 'test', ok: true, summary: '14 passed' },
      ],
      minutesSinceProgress: 2,
    },
  },
  {
    expected: 'steadyProgress',
    input: {
      activity: [
        { type: 'commit', summary: 'parse cursor' },
        { type: 'build', ok: true, summary: 'ok' },
      ],
      minutesSinceProgress: 1,
    },
  },
  {
    expected: 'slowingProgress',
    input: {
      activity: [
        { type: 'test', ok: true, summary: '5 passed' },
        { type: 'commit', summary: 'step 1' },
        { type: 'edit', summary: 'orders.ts' },
        { type: 'test', ok: false, summary: '1 failed: cursor decode' },
      ],
      minutesSinceProgress: 9,
    },
  },
  {
    expected: 'slowingProgress',
    input: {
      activity: [
        { type: 'edit', summary: 'a.ts' },
        { type: 'test', ok: false, summary: 'expected 2 got 3' },
      ],
      minutesSinceProgress: 4,
    },
  },
  { expected: 'noProgress', input: { activity: [], minutesSinceProgress: 20 } },
  {
    expected: 'noProgress',
    input: { activity: [{ type: 'edit', summary: 'a.ts' }], minutesSinceProgress: 35 },
  },
  {
    expected: 'circularActivity',
    input: {
      activity: [
        {
          type: 'test',
          ok: false,
          summary: 'FAIL orders.test.ts > returns nextCursor: expected null to be "abc"',
        },
        { type: 'edit', summary: 'orders.ts' },
        {
          type: 'test',
          ok: false,
          summary: 'FAIL orders.test.ts > returns nextCursor: expected null to be "abc"',
        },
        { type: 'edit', summary: 'orders.ts' },
        {
          type: 'test',
          ok: false,
          summary: 'FAIL orders.test.ts > returns nextCursor: expected null to be "abc"',
        },
      ],
    },
  },
  {
    expected: 'circularActivity',
    input: {
      activity: [
        { type: 'research', summary: 'mdn' },
        { type: 'docs', summary: 'express' },
        { type: 'research', summary: 'so' },
        { type: 'docs', summary: 'pg' },
        { type: 'research', summary: 'blog' },
      ],
    },
  },
];
