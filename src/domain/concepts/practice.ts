import type { Concept } from './concept.ts';

/** Testing, tooling and way-of-working concepts. */
export const practiceConcepts: Concept[] = [
  {
    id: 'unit-testing',
    name: 'Unit tests and assertions',
    keywords: [
      'test',
      'unit test',
      'assert',
      'expect(',
      'tobe',
      'toequal',
      'assertionerror',
      'failing test',
      'vitest',
      'jest',
      'mocha',
      'pytest',
      'test case',
      'spec',
    ],
    explanation: {
      beginner:
        'A unit test calls a small piece of your code with a known input and checks the output with an assertion like `expect(result).toBe(4)`. When it fails, the message shows what was expected and what your code actually returned.',
      intermediate:
        'Arrange, act, assert: set up inputs, call one thing, check one behaviour. A failing assertion shows expected vs received; the difference points at the bug or at a wrong expectation. Cover edge cases, not just the happy path.',
      advanced:
        'Test behaviour through public interfaces, keep tests deterministic (time, randomness, order), and use property-based tests for invariants.',
    },
    example: {
      language: 'ts',
      code: "import { expect, test } from 'vitest';\n\ntest('adds numbers', () => {\n  expect(1 + 2).toBe(3);\n});",
      caption: 'One behaviour, one clear assertion.',
    },
    checkQuestion:
      'In a failing assertion, which value comes from your code: "expected" or "received"?',
    hints: [
      'Read the failing assertion: what was expected and what was received?',
      'Call the function by hand with the same input. Is the code wrong, or the expectation?',
      'Find the smallest input that fails and follow it through the code line by line.',
    ],
    pitfalls: [
      'Testing implementation details',
      'Tests that depend on each other',
      'Only testing the happy path',
    ],
  },
  {
    id: 'mocking',
    name: 'Test doubles (mocks, stubs, fakes)',
    keywords: [
      'mock',
      'stub',
      'fake',
      'spy',
      'vi.fn',
      'jest.fn',
      'dependency injection',
      'test double',
    ],
    explanation: {
      beginner:
        'When code talks to something slow or outside your control (a network service, the clock), tests can replace it with a stand-in that behaves predictably.',
      intermediate:
        'Pass dependencies in (parameters, constructor) so tests can substitute a fake. Prefer fakes with real behaviour over mocks that only record calls; do not mock what you own when a real instance is cheap.',
      advanced:
        'Over-mocking couples tests to implementation; use contract tests for the boundary and real infrastructure (containers, local servers) where feasible.',
    },
    example: {
      language: 'ts',
      code: "function isWeekend(now: () => Date = () => new Date()) {\n  const day = now().getDay();\n  return day === 0 || day === 6;\n}\nisWeekend(() => new Date('2024-06-01')); // a Saturday",
      caption: 'Passing the clock in makes the function testable.',
    },
    checkQuestion: 'Why is it easier to test a function that receives its clock as a parameter?',
    hints: [
      'Which dependency makes the test slow or unpredictable?',
      'Can that dependency be passed in instead of created inside?',
      'Substitute a small fake with fixed behaviour in the test and assert on the outcome.',
    ],
    pitfalls: ['Mocking everything', 'Asserting on call counts instead of outcomes'],
  },
  {
    id: 'environment-variables',
    name: 'Environment variables and configuration',
    keywords: [
      'environment variable',
      'env var',
      'process.env',
      '.env',
      'dotenv',
      'config',
      'api key',
      'secret',
      'not set',
      'missing variable',
    ],
    explanation: {
      beginner:
        'Settings like passwords, API keys and database addresses live outside the code in environment variables. If one is missing, the program reads `undefined`. Set it in your shell or in a `.env` file that the app loads.',
      intermediate:
        'Read and validate configuration once at startup and fail with a message naming the missing variable. Keep `.env` out of version control and document each variable (e.g. in `.env.example`).',
      advanced:
        'Treat configuration as typed input with defaults per environment; never log secrets; rotate keys without code changes.',
    },
    example: {
      language: 'ts',
      code: "const url = process.env.DATABASE_URL;\nif (!url) throw new Error('DATABASE_URL is not set');",
      caption: 'Fail early with a message that names the variable.',
    },
    checkQuestion: 'Why should secrets live in environment variables instead of the source code?',
    hints: [
      'Which setting does the program read, and what value does it see right now?',
      'Where is that variable supposed to be set (shell, .env file, CI settings)? Is that file loaded?',
      'Set it (and add it to the documented example file), then restart the process so it reads the new value.',
    ],
    pitfalls: [
      'Forgetting to restart after changing .env',
      'Committing secrets',
      '.env not loaded in tests',
    ],
  },
  {
    id: 'dependencies-install',
    name: 'Installing and managing dependencies',
    keywords: [
      'npm install',
      'node_modules',
      'package.json',
      'dependency',
      'lockfile',
      'pip install',
      'version',
      'peer dependency',
      'command not found',
    ],
    explanation: {
      beginner:
        'Libraries your project uses are listed in a manifest (package.json). They must be installed (`npm install`) before the code can import them. "Cannot find module" for a library usually means it is not installed.',
      intermediate:
        'Add libraries with the package manager so the manifest and lockfile stay in sync; reinstall after switching branches; check that the runtime version matches the project (`engines`, `.nvmrc`).',
      advanced:
        'Pin and audit dependencies, understand peer dependency ranges, and reproduce CI installs locally with clean installs (`npm ci`).',
    },
    example: {
      language: 'sh',
      code: 'npm install          # install what package.json lists\nnode --version       # compare with the version the project needs',
      caption: 'Install first, then check the runtime version.',
    },
    checkQuestion: 'What is the lockfile for, and why commit it?',
    hints: [
      'Is the missing thing a library, a command, or one of your own files?',
      'Is it listed in package.json, and has the install been run since it was added?',
      'Install it with the package manager (or fix the version) and run the command again.',
    ],
    pitfalls: [
      'Installing globally instead of per project',
      'Wrong runtime version',
      'Stale node_modules after a branch switch',
    ],
  },
  {
    id: 'git-workflow',
    name: 'Git branches, commits and merge conflicts',
    keywords: [
      'git',
      'commit',
      'branch',
      'merge conflict',
      'rebase',
      'pull request',
      'push',
      'conflict markers',
      'checkout',
    ],
    explanation: {
      beginner:
        'Git records snapshots of your code (commits). You work on a branch, then open a pull request to merge it. A merge conflict means two changes touched the same lines; you choose the right combined version and commit it.',
      intermediate:
        'Keep commits small and focused; update your branch from main often to keep conflicts small; resolve conflicts by understanding both sides, then run the tests before committing.',
      advanced:
        'Rebase for a clean history on private branches only, use `git bisect` to find regressions, and keep pull requests reviewable in size.',
    },
    example: {
      language: 'sh',
      code: 'git switch -c feature/greeting\ngit add greeting.ts\ngit commit -m "Add greeting helper"',
      caption: 'Create a branch, stage a file, commit it.',
    },
    checkQuestion: 'What do the `<<<<<<<` and `>>>>>>>` markers in a file mean?',
    hints: [
      'What does `git status` say about your branch and files right now?',
      'Which two changes touch the same lines, and what should the combined result be?',
      'Resolve one file at a time, remove the markers, run the tests, then commit.',
    ],
    pitfalls: ['Huge commits', 'Committing conflict markers', 'Force-pushing shared branches'],
  },
  {
    id: 'debugging',
    name: 'Debugging systematically',
    keywords: [
      'debug',
      'breakpoint',
      'console.log',
      'print',
      'reproduce',
      'stack trace',
      "doesn't work",
      'not working',
      'bug',
    ],
    explanation: {
      beginner:
        'Debugging is detective work: reproduce the problem, then check your guesses one at a time by printing values or pausing at a breakpoint, until you find the first place where a value is not what you expect.',
      intermediate:
        'Make the failure reproducible with the smallest input, form one hypothesis, test it (log, breakpoint, test case), and bisect: halve the suspicious code until the first wrong value appears.',
      advanced:
        'Automate reproduction as a failing test, use bisection over commits and inputs, and check assumptions with assertions close to where state is created.',
    },
    example: {
      language: 'ts',
      code: 'function total(prices: number[]) {\n  const sum = prices.reduce((a, b) => a + b, 0);\n  console.log({ prices, sum }); // check the assumption here\n  return sum;\n}',
      caption: 'Log the inputs and the result at one step to test one guess.',
    },
    checkQuestion: 'Why start with the smallest input that reproduces a bug?',
    hints: [
      'Can you make the problem happen on purpose, every time?',
      'Where is the first point at which a value differs from what you expect?',
      'Check one guess at a time with a log or breakpoint, and write down what each check ruled out.',
    ],
    pitfalls: [
      'Changing many things at once',
      'Not reading the error message',
      'Debugging without a reproduction',
    ],
  },
  {
    id: 'task-breakdown',
    name: 'Breaking a task into small steps',
    keywords: [
      'where do i start',
      'where to start',
      'break down',
      'plan',
      'steps',
      'overwhelmed',
      'too big',
      'first step',
      'approach',
      'decompose',
    ],
    explanation: {
      beginner:
        'A big task feels impossible until it is split into steps small enough to finish in under an hour each. Start with the step you can test first, finish it, then take the next one.',
      intermediate:
        'Slice vertically: each step delivers a thin, testable piece of behaviour (input → output) rather than a horizontal layer. Order steps by dependency and risk, and define "done" for each.',
      advanced:
        'Spike the riskiest unknown first with a time box, then plan around what you learned; keep the plan revisable.',
    },
    example: {
      language: 'text',
      code: 'Goal: show the weather for a city\n1. Hard-code one city and print its name\n2. Fetch data for that city and print the raw result\n3. Extract the temperature\n4. Accept any city as input',
      caption: 'Each step runs and can be checked before the next one.',
    },
    checkQuestion: 'What makes a step small enough to start right now?',
    hints: [
      'What is the very first thing you could check works, even if it does almost nothing?',
      'List the acceptance criteria; which one can be done and tested on its own first?',
      'Write three to five steps, each ending in something you can run or test, and start the first one for 25 minutes.',
    ],
    pitfalls: ['Planning everything before writing any code', 'Steps without a way to check them'],
  },
  {
    id: 'code-review',
    name: 'Code review feedback',
    keywords: [
      'review',
      'reviewer',
      'nit',
      'lgtm',
      'requested changes',
      'pr comment',
      'feedback',
      'suggestion',
    ],
    explanation: {
      beginner:
        'A code review is a teammate reading your change to catch problems and share knowledge. Comments are about the code, not about you. "nit" means a small optional polish; "must"/"blocking" means it needs to change before merging.',
      intermediate:
        'Sort comments into blocking, suggestions and questions; answer questions in the thread, fix blocking items first, and reply when each is addressed. Ask when a comment is unclear.',
      advanced:
        'Keep changes small to get fast reviews, explain trade-offs in the description, and turn repeated comments into lint rules or docs.',
    },
    example: {
      language: 'text',
      code: 'Reviewer: nit: rename `d` to `dueDate`\nAuthor: Done in 3f2c1a, thanks!',
      caption: 'A small suggestion, fixed and acknowledged.',
    },
    checkQuestion:
      'Which comments must be addressed before merging: nits, questions or blocking remarks?',
    hints: [
      'Which comments ask for a change, and which ask a question?',
      'For each change request: what does the reviewer worry about?',
      'Fix the blocking ones first, answer the questions, then reply on each thread.',
    ],
    pitfalls: [
      'Taking feedback personally',
      'Silently ignoring comments',
      'Fixing without replying',
    ],
  },
];
