/**
 * A hand-written table for the understanding assessor on misunderstandings that still "cover" the
 * story's words: the learner restates the story but gets a number, a negation, a choice, a ruled-out
 * approach, the scope or a default wrong. Each story also has a correct and a partial restatement, so
 * catching contradictions cannot come at the price of false alarms. Written before the contradiction
 * rules (contradictions.ts); the measurements are in misunderstanding-accuracy.test.ts.
 * `kind` names the contradiction a misunderstanding carries, for the report of what is still missed.
 */
import type { UnderstandingVerdict } from '../../../src/domain/contracts/understanding-assessment.ts';

export interface StoryInput {
  title: string;
  description: string;
  acceptanceCriteria: string[];
}

export type ContradictionKind =
  | 'number'
  | 'negation'
  | 'choice'
  | 'ruled-out'
  | 'scope'
  | 'default';

export interface MisunderstandingCase {
  expected: UnderstandingVerdict;
  story: StoryInput;
  restatement: string;
  kind?: ContradictionKind;
}

const sessionTimeout: StoryInput = {
  title: 'Expire idle sessions',
  description:
    'Sessions currently live forever, so a shared computer stays logged in. Sign users out after a period of inactivity.',
  acceptanceCriteria: [
    'A session expires after 30 minutes without any request',
    'Every authenticated request extends the session by another 30 minutes',
    'An expired session redirects to the login page with the message "Your session has expired"',
    'The session token is stored in an httpOnly cookie, never in localStorage',
  ],
};

const refunds: StoryInput = {
  title: 'Partial refunds for orders',
  description:
    'Support can only refund a whole order today. Let support agents refund part of an order.',
  acceptanceCriteria: [
    'Support agents can refund any amount up to the amount still unrefunded on the order',
    'A refund larger than the remaining amount is rejected with a 422 error',
    'Refunds are sent to the payment provider asynchronously by a background job',
    'The customer receives an email once the refund has been confirmed by the provider',
  ],
};

const productSearch: StoryInput = {
  title: 'Search products by name',
  description:
    'Customers scroll through hundreds of products. Add a search field on the catalogue page.',
  acceptanceCriteria: [
    'Searching is case-insensitive and matches any part of the product name',
    'Results are ordered by relevance, then by name',
    'The search runs on the server; the client never downloads the full catalogue',
    'A query shorter than 3 characters shows no results and no error',
  ],
};

const avatarUpload: StoryInput = {
  title: 'Upload a profile picture',
  description: 'Users have a grey placeholder avatar. Let them upload their own picture.',
  acceptanceCriteria: [
    'Only PNG and JPEG images up to 5 MB are accepted',
    'A larger or different file is rejected with a 413 or 415 error and a clear message',
    'Images are resized to 256x256 on the server and stored in object storage, not in the database',
    'Uploading a new picture replaces the previous one',
  ],
};

const digest: StoryInput = {
  title: 'Daily notification digest',
  description:
    'Users get one email per notification and many turn emails off. Bundle them into a daily digest.',
  acceptanceCriteria: [
    "Notifications are collected and sent as one digest email per day at 8:00 in the user's time zone",
    'No digest is sent on a day without notifications',
    'Users can opt out of the digest in their settings; it is on by default',
    'Urgent notifications are still sent immediately instead of waiting for the digest',
  ],
};

const priceCache: StoryInput = {
  title: 'Cache exchange rates',
  description:
    'Every checkout calls the exchange rate API, which is slow and rate-limited. Cache the rates.',
  acceptanceCriteria: [
    'Exchange rates are cached in Redis for 1 hour',
    'When the cache is empty or expired the rates are fetched from the API and cached again',
    'If the API is down, the last cached rates are used and a warning is logged',
    'The cache is shared by all app instances, not kept in each process',
  ],
};

const cliInit: StoryInput = {
  title: 'An `init` command for the CLI',
  description:
    'New users copy a config file from the docs by hand. Add a command that writes a starter config.',
  acceptanceCriteria: [
    '`mytool init` writes a `mytool.yaml` config file in the current directory',
    'If the file already exists the command exits with code 1 and does not overwrite it, unless `--force` is given',
    'The `--yes` flag skips all prompts and uses the defaults',
    'The command prints the path of the written file',
  ],
};

const auditExport: StoryInput = {
  title: 'Export the audit log',
  description:
    'Compliance asks for the audit log every quarter and engineers run SQL by hand. Let admins export it.',
  acceptanceCriteria: [
    'Admins can export the audit log for a date range as a JSON Lines file',
    'The date range may cover at most 90 days',
    'Exports are generated in the background and the admin gets a download link when it is ready',
    'Download links expire after 24 hours',
  ],
};

export const misunderstandingTable: MisunderstandingCase[] = [
  // Auth: idle sessions.
  {
    expected: 'correctUnderstanding',
    story: sessionTimeout,
    restatement:
      'Sessions should time out after half an hour with no requests, and each authenticated request pushes the expiry back another 30 minutes. When it has expired the user is sent to the login page with a "session expired" message. The token lives in an httpOnly cookie and never in localStorage.',
  },
  {
    expected: 'partialUnderstanding',
    story: sessionTimeout,
    restatement:
      'Sessions expire after 30 minutes of inactivity and then the user lands on the login page.',
  },
  {
    expected: 'misunderstanding',
    kind: 'number',
    story: sessionTimeout,
    restatement:
      'A session expires after 24 hours without requests, each request extends it, and an expired session redirects to the login page.',
  },
  {
    expected: 'misunderstanding',
    kind: 'ruled-out',
    story: sessionTimeout,
    restatement:
      'Store the session token in localStorage and expire it after 30 minutes without a request; then redirect to the login page.',
  },
  {
    expected: 'misunderstanding',
    kind: 'negation',
    story: sessionTimeout,
    restatement:
      'Sessions expire after 30 minutes no matter what, requests do not extend the session, and then we redirect to login.',
  },

  // Payments: partial refunds.
  {
    expected: 'correctUnderstanding',
    story: refunds,
    restatement:
      'Support can refund any amount up to what has not been refunded yet on the order; asking for more than the remaining amount is rejected with a 422. The refund goes to the payment provider asynchronously in a background job, and the customer gets an email once the provider confirms it.',
  },
  {
    expected: 'partialUnderstanding',
    story: refunds,
    restatement:
      'Support agents can refund part of an order, but never more than what is left unrefunded.',
  },
  {
    expected: 'misunderstanding',
    kind: 'choice',
    story: refunds,
    restatement:
      'Support can refund any amount up to the remaining amount; the refund is sent to the payment provider synchronously during the request so the agent sees the result, and a larger refund is rejected with 422.',
  },
  {
    expected: 'misunderstanding',
    kind: 'choice',
    story: refunds,
    restatement:
      'Refund any amount up to the unrefunded amount, anything larger is rejected with a 400 error, a background job sends it to the provider and the customer is emailed when it is confirmed.',
  },
  {
    expected: 'misunderstanding',
    kind: 'scope',
    story: refunds,
    restatement:
      'Customers can refund part of their own order from their account page, up to the amount they paid.',
  },

  // Search.
  {
    expected: 'correctUnderstanding',
    story: productSearch,
    restatement:
      'A search field on the catalogue: case-insensitive, matching anywhere in the product name, results sorted by relevance and then name. The search happens server side so the browser never loads the whole catalogue, and queries under 3 characters show nothing without an error.',
  },
  {
    expected: 'partialUnderstanding',
    story: productSearch,
    restatement:
      'Add a search box that finds products whose name contains the query, ignoring case.',
  },
  {
    expected: 'misunderstanding',
    kind: 'ruled-out',
    story: productSearch,
    restatement:
      'Download the full catalogue to the client once and filter it in the browser, case-insensitive on any part of the name, ordered by relevance then name.',
  },
  {
    expected: 'misunderstanding',
    kind: 'choice',
    story: productSearch,
    restatement:
      'Search products by name, case-insensitive and on any part of the name, with results sorted by price, on the server.',
  },
  {
    expected: 'misunderstanding',
    kind: 'negation',
    story: productSearch,
    restatement:
      'Search on the server, case-insensitive on part of the name, ordered by relevance then name; a query shorter than 3 characters returns an error.',
  },

  // File upload.
  {
    expected: 'correctUnderstanding',
    story: avatarUpload,
    restatement:
      'Users can upload a PNG or JPEG of at most 5 MB as their avatar; anything bigger or of another type gets a 413 or 415 with a clear message. The server resizes it to 256x256 and keeps it in object storage rather than the database, and a new upload replaces the old picture.',
  },
  {
    expected: 'partialUnderstanding',
    story: avatarUpload,
    restatement: 'Users can upload a PNG or JPEG profile picture up to 5 MB.',
  },
  {
    expected: 'misunderstanding',
    kind: 'number',
    story: avatarUpload,
    restatement:
      'Accept PNG and JPEG images up to 50 MB, reject others with 415, resize them to 256x256 and store them in object storage.',
  },
  {
    expected: 'misunderstanding',
    kind: 'ruled-out',
    story: avatarUpload,
    restatement:
      'PNG and JPEG up to 5 MB are accepted, resized to 256x256 and saved as a blob in the database; a new upload replaces the previous one.',
  },
  {
    expected: 'misunderstanding',
    kind: 'choice',
    story: avatarUpload,
    restatement:
      'Only PNG and JPEG up to 5 MB; the browser resizes the image to 256x256 on the client before it is uploaded to object storage, replacing the previous one.',
  },

  // Notifications.
  {
    expected: 'correctUnderstanding',
    story: digest,
    restatement:
      "Collect the notifications and send one digest email a day at 8 am in each user's time zone, skipping days with no notifications. It is on by default and users can turn it off in their settings. Urgent notifications still go out right away instead of waiting.",
  },
  {
    expected: 'partialUnderstanding',
    story: digest,
    restatement: 'Bundle notifications into one daily digest email at 8:00.',
  },
  {
    expected: 'misunderstanding',
    kind: 'default',
    story: digest,
    restatement:
      "Send one digest email per day at 8:00 in the user's time zone; it is off by default and users opt in from their settings. Urgent ones are sent immediately.",
  },
  {
    expected: 'misunderstanding',
    kind: 'ruled-out',
    story: digest,
    restatement:
      "All notifications, urgent ones included, wait for the daily digest at 8:00 in the user's time zone, which users can opt out of.",
  },
  {
    expected: 'misunderstanding',
    kind: 'negation',
    story: digest,
    restatement:
      "One digest a day at 8:00 in the user's time zone, and on a day without notifications we still send an empty digest. Urgent ones go out immediately.",
  },

  // Caching.
  {
    expected: 'correctUnderstanding',
    story: priceCache,
    restatement:
      'Keep the exchange rates in Redis for an hour. If the cache is empty or expired, fetch them from the API and cache them again. When the API is down, use the last cached rates and log a warning. All instances share the cache instead of each process keeping its own.',
  },
  {
    expected: 'partialUnderstanding',
    story: priceCache,
    restatement:
      'Cache the exchange rates in Redis for one hour and refetch them from the API when they expire.',
  },
  {
    expected: 'misunderstanding',
    kind: 'choice',
    story: priceCache,
    restatement:
      'Cache the exchange rates in memory in each process for 1 hour, refetch them from the API when expired, and use the old rates if the API is down.',
  },
  {
    expected: 'misunderstanding',
    kind: 'number',
    story: priceCache,
    restatement:
      'Exchange rates are cached in Redis for 24 hours, fetched again from the API when expired, and shared by all instances.',
  },
  {
    expected: 'misunderstanding',
    kind: 'negation',
    story: priceCache,
    restatement:
      'Rates are cached in Redis for 1 hour and shared by all instances; if the API is down the checkout returns an error.',
  },

  // CLI tools.
  {
    expected: 'correctUnderstanding',
    story: cliInit,
    restatement:
      '`mytool init` creates mytool.yaml in the current directory and prints its path. If the file is already there it exits with code 1 and leaves it alone unless --force is passed. With --yes it skips every prompt and takes the defaults.',
  },
  {
    expected: 'partialUnderstanding',
    story: cliInit,
    restatement:
      'Add an init command that writes a mytool.yaml config file in the current directory.',
  },
  {
    expected: 'misunderstanding',
    kind: 'negation',
    story: cliInit,
    restatement:
      '`mytool init` writes mytool.yaml in the current directory; if the file already exists it is overwritten, and --yes skips the prompts.',
  },
  {
    expected: 'misunderstanding',
    kind: 'choice',
    story: cliInit,
    restatement:
      '`mytool init` writes mytool.yaml in the home directory, exits with code 1 if it already exists unless --force, and prints the path.',
  },
  {
    expected: 'misunderstanding',
    kind: 'number',
    story: cliInit,
    restatement:
      'init writes mytool.yaml in the current directory and prints its path; when the file exists it exits with code 0 without overwriting it unless --force is given.',
  },

  // Data export.
  {
    expected: 'correctUnderstanding',
    story: auditExport,
    restatement:
      'Admins pick a date range of up to 90 days and export the audit log as JSON Lines. The file is built in the background and the admin gets a download link when it is done; the link expires after 24 hours.',
  },
  {
    expected: 'partialUnderstanding',
    story: auditExport,
    restatement: 'Admins can export the audit log for a date range as a JSON Lines file.',
  },
  {
    expected: 'misunderstanding',
    kind: 'choice',
    story: auditExport,
    restatement:
      'Admins export the audit log for a date range of at most 90 days as a CSV file, built in the background, with a download link that expires after 24 hours.',
  },
  {
    expected: 'misunderstanding',
    kind: 'number',
    story: auditExport,
    restatement:
      'Admins export the audit log as JSON Lines for a date range of up to a year, generated in the background with a download link that expires after 7 days.',
  },
  {
    expected: 'misunderstanding',
    kind: 'choice',
    story: auditExport,
    restatement:
      'Admins export the audit log for at most 90 days as JSON Lines; the file is generated synchronously in the request and downloaded straight away, the link expires after 24 hours.',
  },
];
