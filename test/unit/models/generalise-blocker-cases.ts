/**
 * Development cases for blocker diagnosis on the failure classes an independent review named (issue
 * 13): environment causes hidden behind a generic error (git state, a missing npm script, a lock file
 * out of sync, an unset variable surfacing as `Invalid URL … 'undefined'`, a runtime older than an
 * API), and misconceptions told in the learner's own words. Written as a learner and their tools
 * would write them, before the rules were changed, with technical and conceptual controls beside
 * them so a wider environment rule cannot swallow real code errors. First figures are in
 * generalise-blocker.test.ts.
 */
import type { BlockerCategory } from '../../../src/domain/contracts/blocker-diagnosis.ts';

type Activity = { type: string; summary: string; ok?: boolean };

export interface BlockerCase {
  expected: BlockerCategory;
  /** The failure class the case stands for, for the per-class figures. */
  group: string;
  input: { message?: string; recentErrors?: string[]; activity?: Activity[] };
}

export const generaliseBlockerCases: BlockerCase[] = [
  // Git state: the repository or the remote, not the code.
  {
    expected: 'environmentIssue',
    group: 'git',
    input: {
      message: 'I cannot push my branch, no idea what it wants',
      recentErrors: [
        " ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs to 'github.com:ana/shop.git'\nhint: Updates were rejected because the remote contains work that you do not\nhint: have locally.",
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'git',
    input: {
      message: 'git says something weird when I try to push',
      recentErrors: [
        'fatal: The current branch feature/cart-total has no upstream branch.\nTo push the current branch and set the remote as upstream, use\n\n    git push --set-upstream origin feature/cart-total',
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'git',
    input: {
      message: 'my commits vanished after I checked out an older commit to look at something',
      recentErrors: [
        "You are in 'detached HEAD' state. You can look around, make experimental\nchanges and commit them, and you can discard any commits you make in this\nstate without impacting any branches by switching back to a branch.",
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'git',
    input: {
      message: 'push is failing',
      recentErrors: [
        " ! [rejected]        feature/login -> feature/login (non-fast-forward)\nerror: failed to push some refs to 'origin'\nhint: Updates were rejected because the tip of your current branch is behind",
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'git',
    input: {
      message:
        'I committed but the commit is not on any branch, git status says HEAD detached at 3f2a1c9',
    },
  },
  {
    expected: 'environmentIssue',
    group: 'git',
    input: {
      message: 'git status fails in the folder I cloned',
      recentErrors: ['fatal: not a git repository (or any of the parent directories): .git'],
    },
  },
  // A script the project does not have.
  {
    expected: 'environmentIssue',
    group: 'npm',
    input: {
      message: 'the README says run the e2e tests but it fails immediately',
      recentErrors: [
        'npm ERR! Missing script: "test:e2e"\nnpm ERR!\nnpm ERR! To see a list of scripts, run:\nnpm ERR!   npm run',
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'npm',
    input: {
      message: 'npm run dev does nothing useful',
      recentErrors: ['npm error Missing script: "dev"\nnpm error To see a list of scripts, run:'],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'npm',
    input: {
      message: 'yarn build errors out before compiling anything',
      recentErrors: ['error Command "build" not found.'],
    },
  },
  // Lock file out of sync.
  {
    expected: 'environmentIssue',
    group: 'npm',
    input: {
      message: 'CI fails at the install step, locally everything is fine',
      recentErrors: [
        'npm ERR! `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.\nnpm ERR! Missing: zod@4.1.0 from lock file',
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'npm',
    input: {
      message: 'the pipeline breaks on npm ci since I added a package',
      recentErrors: [
        'npm error code EUSAGE\nnpm error The `npm ci` command can only install with an existing package-lock.json or npm-shrinkwrap.json with lockfileVersion >= 1.',
      ],
    },
  },
  // An unset variable that only shows up as a bad value.
  {
    expected: 'environmentIssue',
    group: 'envVar',
    input: {
      message: 'the server crashes on startup',
      recentErrors: [
        "TypeError: Invalid URL\n    at new URL (node:internal/url:775:36)\n    at createClient (src/db.ts:4:15) {\n  code: 'ERR_INVALID_URL',\n  input: 'undefined'\n}",
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'envVar',
    input: {
      message: 'fetching the weather crashes',
      recentErrors: [
        'TypeError: Failed to parse URL from undefined/forecast?city=Lyon\n    at fetch (node:internal/deps/undici/undici:13185:11)',
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'envVar',
    input: {
      message: 'the worker cannot connect, it tries to reach undefined',
      recentErrors: ['Error: getaddrinfo ENOTFOUND undefined'],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'envVar',
    input: {
      message: 'login works on my laptop but on the staging server jwt.sign throws',
      recentErrors: [
        'Error: secretOrPrivateKey must have a value\n    at Object.module.exports [as sign]',
      ],
    },
  },
  // A runtime older than the API the code uses.
  {
    expected: 'environmentIssue',
    group: 'version',
    input: {
      message: 'it works on CI but not on my machine',
      recentErrors: [
        'TypeError: orders.findLast is not a function\n    at latestOrder (src/orders.ts:12:17)',
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'version',
    input: {
      message: 'copying the state object fails for me only',
      recentErrors: ['ReferenceError: structuredClone is not defined'],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'version',
    input: {
      message: 'the script that calls the API breaks, I am on node 16',
      recentErrors: ['ReferenceError: fetch is not defined\n    at main (scripts/sync.js:3:20)'],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'version',
    input: {
      message: 'sorting a copy of the list crashes on my colleague machine',
      recentErrors: ['TypeError: items.toSorted is not a function'],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'version',
    input: {
      message: 'the build script fails right away',
      recentErrors: [
        "file:///app/scripts/build.mjs:4\nconst port = config.port ?? 3000;\n                         ^\nSyntaxError: Unexpected token '?'\n    at Loader.moduleStrategy (internal/modules/esm/translators.js:140:18)\n\nNode.js v12.22.9",
      ],
    },
  },
  // Misconceptions in the learner's own words.
  {
    expected: 'conceptualConfusion',
    group: 'misconception',
    input: {
      message:
        'I put await inside forEach so each save finishes before the next one, but the function returns before any of them are saved',
    },
  },
  {
    expected: 'conceptualConfusion',
    group: 'misconception',
    input: {
      message:
        "items.forEach(async (item) => { await save(item) }) and then I log 'done', but 'done' prints first. Shouldn't await wait?",
    },
  },
  {
    expected: 'conceptualConfusion',
    group: 'misconception',
    input: {
      message:
        'I thought calling setCount would change count right away, but the console.log on the next line still shows the old number',
    },
  },
  {
    expected: 'conceptualConfusion',
    group: 'misconception',
    input: {
      message:
        'I declared the list with const so I assumed nobody could change it, but push still adds items to it',
    },
  },
  {
    expected: 'conceptualConfusion',
    group: 'misconception',
    input: {
      message:
        'I wrapped the promise in try/catch and expected the catch to run when it rejects, but I get an unhandled rejection instead',
    },
  },
  {
    expected: 'conceptualConfusion',
    group: 'misconception',
    input: {
      message:
        'I expected map to change the original array, but when I print the array afterwards nothing changed',
    },
  },
  {
    expected: 'conceptualConfusion',
    group: 'misconception',
    input: {
      message:
        'I return the value from inside the .then callback but the function still gives me a Promise, not the number. I thought return would hand it back to the caller',
    },
  },
  // Controls: real code errors, real environment errors and plain concept questions stay where they are.
  {
    expected: 'technicalError',
    group: 'control',
    input: {
      message: 'the order list crashes when I open it',
      recentErrors: [
        "TypeError: Cannot read properties of undefined (reading 'map')\n    at OrderList (src/OrderList.tsx:14:22)",
      ],
    },
  },
  {
    expected: 'technicalError',
    group: 'control',
    input: {
      message: 'I thought I fixed the total but the test still fails',
      recentErrors: ['AssertionError: expected 41.5 to be 42\n Expected: 42\n Received: 41.5'],
    },
  },
  {
    expected: 'technicalError',
    group: 'control',
    input: {
      message: 'my helper crashes',
      recentErrors: [
        'TypeError: user.getFullName is not a function\n    at greet (src/greet.ts:3:15)',
      ],
    },
  },
  {
    expected: 'technicalError',
    group: 'control',
    input: {
      message: 'the parser fails on this file',
      recentErrors: ["SyntaxError: Unexpected token '}' in JSON at position 48"],
    },
  },
  {
    expected: 'technicalError',
    group: 'control',
    input: {
      message: 'the discount is applied twice when I reload the cart page',
    },
  },
  {
    expected: 'environmentIssue',
    group: 'control',
    input: {
      message: 'the API will not start',
      recentErrors: ['Error: listen EADDRINUSE: address already in use :::3000'],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'control',
    input: {
      message: 'tests cannot reach the database',
      recentErrors: ['Error: connect ECONNREFUSED 127.0.0.1:5432'],
    },
  },
  {
    expected: 'conceptualConfusion',
    group: 'control',
    input: { message: 'what is the difference between a rebase and a merge?' },
  },
  {
    expected: 'conceptualConfusion',
    group: 'control',
    input: { message: "I don't understand how the event loop decides what runs next" },
  },
  {
    expected: 'analysisParalysis',
    group: 'control',
    input: {
      message:
        "I keep going back and forth between Prisma and Drizzle and haven't written anything",
    },
  },
];
