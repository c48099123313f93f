/**
 * A second round of blocker development cases, for environment classes found while writing the
 * first round (generalise-blocker-cases.ts): toolchains and native builds, package caches, the
 * operating system's package rules, a killed process, corporate certificates, a database socket,
 * git without a first commit, a browser a test tool cannot find, an unread `.env`, and a runtime too
 * old for a built-in module or too new for an old bundler. Written before the rules were changed
 * for them, with technical controls that look alike. Figures in generalise-blocker.test.ts.
 */
import type { BlockerCase } from './generalise-blocker-cases.ts';

export const generaliseBlockerCases2: BlockerCase[] = [
  {
    expected: 'environmentIssue',
    group: 'toolchain',
    input: {
      message: 'npm install fails on bcrypt',
      recentErrors: [
        'gyp ERR! stack Error: not found: make\ngyp ERR! System Linux 6.5.0\ngyp ERR! node-gyp -v v10.0.1\nnpm ERR! code 1\nnpm ERR! path /app/node_modules/bcrypt',
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'toolchain',
    input: {
      message: 'git stopped working after the macOS update',
      recentErrors: [
        'xcrun: error: invalid active developer path (/Library/Developer/CommandLineTools), missing xcrun at: /Library/Developer/CommandLineTools/usr/bin/xcrun',
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'toolchain',
    input: {
      message: 'pip install requests does not work on my new laptop',
      recentErrors: [
        'error: externally-managed-environment\n\n× This environment is externally managed\n╰─> To install Python packages system-wide, try apt install python3-xyz',
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'cache',
    input: {
      message: 'npm install breaks halfway',
      recentErrors: [
        'npm ERR! code EINTEGRITY\nnpm ERR! sha512-abc... integrity checksum failed when using sha512: wanted sha512-abc but got sha512-def. (1234 bytes)',
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'killed',
    input: {
      message: 'the build just dies in the container',
      recentErrors: ['npm run build exited with code 137\nKilled'],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'network',
    input: {
      message: 'cloning over https fails at the office',
      recentErrors: [
        "fatal: unable to access 'https://github.com/acme/app.git/': SSL certificate problem: unable to get local issuer certificate",
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'database',
    input: {
      message: 'psql does not connect',
      recentErrors: [
        'psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?',
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'git',
    input: {
      message: 'first push of the new repo fails',
      recentErrors: [
        "error: src refspec main does not match any\nerror: failed to push some refs to 'origin'",
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'browser',
    input: {
      message: 'the e2e tests cannot start the browser',
      recentErrors: [
        'Error: Could not find Chrome (ver. 121.0.6167.85). This can occur if either\n 1. you did not perform an installation before running the script (e.g. `npx puppeteer browsers install chrome`) or\n 2. your cache path is incorrectly configured',
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'browser',
    input: {
      message: 'playwright tests fail right away on CI',
      recentErrors: [
        "browserType.launch: Executable doesn't exist at /root/.cache/ms-playwright/chromium-1091/chrome-linux/chrome\n Looks like Playwright Test or Playwright was just installed or updated. Please run the following command to download new browsers: npx playwright install",
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'version',
    input: {
      message: 'the old React app does not start any more',
      recentErrors: [
        "Error: error:0308010C:digital envelope routines::unsupported\n    at new Hash (node:internal/crypto/hash:69:19)\n    at Object.createHash (node:crypto:133:10)\n  opensslErrorStack: [ 'error:03000086:digital envelope routines::initialization error' ],\n  library: 'digital envelope routines',\n  reason: 'unsupported',\n  code: 'ERR_OSSL_EVP_UNSUPPORTED'",
      ],
    },
  },
  {
    expected: 'environmentIssue',
    group: 'version',
    input: {
      message: 'running the tests with the built-in runner fails',
      recentErrors: [
        "Error: Cannot find module 'node:test'\nRequire stack:\n- /app/test/sum.test.js",
      ],
    },
  },
  // Controls: code errors that share words with the environment classes.
  {
    expected: 'technicalError',
    group: 'control',
    input: {
      message: 'my hash function test fails',
      recentErrors: [
        "AssertionError: expected 'a1b2' to equal 'c3d4'\n Expected: 'c3d4'\n Received: 'a1b2'",
      ],
    },
  },
  {
    expected: 'technicalError',
    group: 'control',
    input: {
      message: 'the handler crashes when the body is empty',
      recentErrors: [
        "TypeError: Cannot read properties of undefined (reading 'email')\n    at register (src/routes/users.ts:18:27)",
      ],
    },
  },
  {
    expected: 'technicalError',
    group: 'control',
    input: {
      message: 'the test times out',
      recentErrors: [
        'Error: Test timed out in 5000ms.\nIf this is a long-running test, pass a timeout value as the last argument',
      ],
    },
  },
];
