import type { Signal } from './blocker-signals.ts';

/**
 * Signals for blockers whose cause hides behind a generic error: the output names an ordinary
 * TypeError, SyntaxError or "failed", but what it says points at the machine, the tools or the
 * repository (an unset variable read as `undefined`, a runtime older than the API, git or npm
 * state), or the learner describes an expectation about how a construct works that the language does
 * not share (a misconception, not a bug to fix). They weigh more than the generic error class they
 * hide behind (3, plus 1 for a stack trace), so the specific cause wins.
 */
const hidden = 4.5;

/** Language constructs that learners commonly hold a wrong model of (the subject of a misconception). */
const construct = String.raw`(?:await|async|forEach|promises?|\.then|then\(|callbacks?|set[A-Z]\w*|setState|useState|useEffect|state|const|let|var|closures?|this|return|try|catch|try\/catch|setTimeout|event loop|map|filter|reduce|sort|splice|slice|spread|references?|copy|copies|clone|==|===|typeof|null|undefined|NaN|hoist\w*|scope|prototype|class(?:es)?|immutable|mutat\w*|generators?|yield|import|export|regex|props|render|re-?render)`;
/** "I thought / assumed / expected (that) …", about something other than the learner's own fix. */
const belief = String.raw`\b(?:(?:i|and|so|so i) (?:thought|assumed|expected|believed|figured|was (?:sure|certain|under the impression))|i'?d have thought|(?:isn'?t|is not|aren'?t) (?:\w+ )?supposed to)(?: that)? (?!i\b|i'?[dv]e?\b|it was fixed|(?:it|this|that) (?:would|will|should) (?:work|pass|be fixed)|\d|["'\x60])(?![^.!?\n]{0,40}\bto (?:be|equal|return|give|output|print|show)\s+(?:-?\d|true\b|false\b|["'\x60[{]))`;
/** The belief meets what happened instead. */
const contrast = String.raw`\b(?:but|instead|however|yet|turns out|actually)\b`;
/** "I put await inside forEach so that each save finishes first, but …": a purpose the construct does not serve. */
const purpose = String.raw`\bi (?:put|used|added|wrote|wrapped|declared|made|called|marked)\b[^.!?\n]{0,60}\b${construct}\b[^.!?\n]{0,40}\bso (?:that )?(?!i\b)[^.!?\n]{1,80}\bbut\b`;

/** Generic error classes a hidden cause explains: they say what broke, the cause says why. */
export const explainedKinds: ReadonlySet<string> = new Set([
  'runtime',
  'syntax',
  'stackTrace',
  'wrongResult',
]);

export const hiddenCauseSignals: Signal[] = [
  // An unset variable read where a URL, host or key was expected.
  {
    category: 'environmentIssue',
    kind: 'envVar',
    weight: hidden,
    where: 'errors',
    pattern:
      /\bInvalid URL\b[\s\S]{0,300}?\binput: '(?:undefined|null|)'|\bInvalid URL:? ['"]?(?:undefined|null)\b|\bFailed to parse URL from (?:undefined|null)\b|\b(?:ENOTFOUND|EAI_AGAIN|getaddrinfo \w+) (?:undefined|null)\b|\bsecretOrPrivateKey must have a value\b|\b(?:connect|host|url|uri|baseURL|endpoint)\b[^\n]{0,20}\bis (?:undefined|null)\b/i,
  },
  // A runtime older than the API or syntax the code uses.
  {
    category: 'environmentIssue',
    kind: 'version',
    weight: hidden,
    where: 'errors',
    pattern:
      /\b(?:structuredClone|fetch|AbortSignal|Blob|FormData|Headers|WebSocket|BroadcastChannel|TextEncoder|TextDecoder|ReadableStream|crypto)\s+is not defined\b|\.(?:findLast|findLastIndex|toSorted|toReversed|toSpliced|replaceAll|hasOwn|groupBy|withResolvers|fromAsync|randomUUID|isWellFormed|timeout|any|allSettled)\s+is not a function\b|\bSyntaxError: Unexpected token '(?:\?\?=?|\?\.?|\|\|=|&&=|#)'|\bnode: bad option\b|\bERR_UNKNOWN_FILE_EXTENSION\b[^\n]{0,60}\.ts\b/,
  },
  // The repository's state: the remote, the branch, the folder.
  {
    category: 'environmentIssue',
    kind: 'git',
    weight: hidden,
    where: 'any',
    pattern:
      /\[rejected\]|failed to push some refs|updates were rejected|\bnon-fast-forward\b|has no upstream branch|no upstream (?:branch|configured)|detached HEAD|HEAD detached (?:at|from)|not currently on a branch|not a git repository|refusing to merge unrelated histories|would be overwritten by (?:merge|checkout)|your branch and '[^'\n]+' have diverged|could not read from remote repository|Permission denied \(publickey\)/i,
  },
  // The project's scripts and lock file: the command is not the code.
  {
    category: 'environmentIssue',
    kind: 'script',
    weight: hidden,
    where: 'any',
    pattern:
      /\bmissing script:? ?["']?[\w:.-]+|\berror Command "[\w:.-]+" not found\b|\bERR_PNPM_NO_SCRIPT\b|\bno such script\b/i,
  },
  {
    category: 'environmentIssue',
    kind: 'lockfile',
    weight: hidden,
    where: 'any',
    pattern:
      /\bnpm ci\b[^\n]{0,80}\b(?:in sync|lock ?file|package-lock|shrinkwrap)|\bpackage(?:-lock)?\.json\b[^\n]{0,80}\b(?:are|is|not|out of) (?:in )?sync\b|\block ?file\b[^\n]{0,40}\b(?:out of (?:date|sync)|needs to be updated|is not up to date)|\bfrozen-lockfile\b|\bERR_PNPM_OUTDATED_LOCKFILE\b|\bMissing: \S+ from lock ?file\b/i,
  },
  // The machine's toolchain, caches and browsers: what the tools need before any code runs.
  {
    category: 'environmentIssue',
    kind: 'toolchain',
    weight: hidden,
    where: 'any',
    pattern:
      /\bgyp ERR!|\bnode-gyp\b[^\n]{0,60}\b(?:rebuild|failed|error)|\bnot found: (?:make|g\+\+|gcc|python3?)\b|\bxcrun: error\b|\binvalid active developer path\b|\bNo Xcode or CLT version detected\b|\bexternally-managed-environment\b|\bMicrosoft Visual C\+\+ [\d.]+ or greater is required\b/i,
  },
  {
    category: 'environmentIssue',
    kind: 'cache',
    weight: hidden,
    where: 'any',
    pattern:
      /\bEINTEGRITY\b|\bintegrity checksum failed\b|\bcache (?:is )?corrupt(?:ed)?\b|\bcorrupt(?:ed)? (?:npm |yarn |package )?cache\b/i,
  },
  {
    category: 'environmentIssue',
    kind: 'resources',
    weight: hidden,
    where: 'errors',
    pattern:
      /\bexit(?:ed)?(?: with)?(?: code| status)? 137\b|\bsignal:? SIGKILL\b|^[ \t]*Killed[ \t]*$|\bOOM[\s-]?killed\b/im,
  },
  {
    category: 'environmentIssue',
    kind: 'network',
    weight: hidden,
    where: 'any',
    pattern:
      /\bunable to get local issuer certificate\b|\bself[- ]signed certificate in certificate chain\b|\bUNABLE_TO_GET_ISSUER_CERT\w*|\bSSL certificate problem\b|\bCERT_HAS_EXPIRED\b|\bSELF_SIGNED_CERT_IN_CHAIN\b/i,
  },
  {
    category: 'environmentIssue',
    kind: 'browserMissing',
    weight: hidden,
    where: 'any',
    pattern:
      /\bcould not find (?:expected )?(?:chrome|chromium|firefox|browser)\b|\bExecutable doesn'?t exist at\b|\bnpx playwright install\b|\bbrowsers install\b|\bFailed to launch the browser process\b|\bNo usable sandbox\b/i,
  },
  {
    category: 'environmentIssue',
    kind: 'version',
    weight: hidden,
    where: 'errors',
    pattern:
      /\bERR_OSSL_EVP_UNSUPPORTED\b|\bdigital envelope routines::unsupported\b|\bCannot find module 'node:[a-z_/]+'|\bNo such built-in module: node:/i,
  },
  // A test that waits too long is the code's (or the test's) problem, not the machine's.
  {
    category: 'technicalError',
    kind: 'failingTest',
    weight: 2.5,
    where: 'any',
    pattern:
      /\btest timed out in \d+ ?ms\b|\btimeout of \d+ ?ms exceeded\b|\bexceeded timeout of \d+ ?ms\b/i,
  },
  // Misconceptions: an expectation about a construct, told by the learner, that the code contradicts.
  {
    category: 'conceptualConfusion',
    kind: 'misconception',
    weight: 3.5,
    where: 'message',
    pattern: new RegExp(
      String.raw`${belief}[^\n]{0,160}?\b${construct}\b[^\n]{0,200}?${contrast}|\b${construct}\b[^.!?\n]{0,60}${belief}[^\n]{0,120}?${contrast}|${contrast}[^\n]{0,200}?${belief}[^\n]{0,80}\b${construct}\b|${purpose}|\bawait\b[^.!?\n]{0,40}\b(?:inside|in|within) (?:a |the |my )?\.?forEach\b|\bforEach\(\s*async\b|\bshouldn'?t (?!it\b|this\b|that\b)(?:the )?${construct} (?:wait|block|change|update|return|copy|run|catch|work)\b`,
      'i',
    ),
  },
];
