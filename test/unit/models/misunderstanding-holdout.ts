/**
 * A second, fresh table for misunderstandings, written after the contradiction rules were tuned on
 * misunderstanding-table.ts and measured once before any further change (figures in
 * misunderstanding-accuracy.test.ts). Other stories and other wordings than the tuning table.
 */
import type { MisunderstandingCase, StoryInput } from './misunderstanding-table.ts';

const twoFactor: StoryInput = {
  title: 'Two-factor authentication with an authenticator app',
  description: 'Accounts are protected by a password only. Let users turn on a second factor.',
  acceptanceCriteria: [
    'Users can enable 2FA from their security settings by scanning a QR code with an authenticator app',
    'After the password, users with 2FA enabled must enter a 6-digit code',
    'Each user gets 10 single-use recovery codes when enabling 2FA',
    '2FA is optional and disabled by default',
  ],
};

const invoices: StoryInput = {
  title: 'Monthly invoices for subscriptions',
  description: 'Customers ask support for invoices by email. Generate them automatically.',
  acceptanceCriteria: [
    'An invoice PDF is generated on the first day of each month for every active subscription',
    'Amounts are stored in cents as integers, never as floating point numbers',
    'Customers can download their invoices from the billing page',
    'A failed generation is retried up to 3 times before an alert is sent to the on-call engineer',
  ],
};

const autocomplete: StoryInput = {
  title: 'Autocomplete in the city field',
  description: 'Users mistype city names in the address form. Suggest cities while they type.',
  acceptanceCriteria: [
    'Suggestions appear after the user has typed 2 characters',
    'Requests are debounced by 300 ms so not every keystroke calls the API',
    'At most 8 suggestions are shown, ordered by population',
    'Pressing Escape closes the suggestions without clearing the input',
  ],
};

const webhooks: StoryInput = {
  title: 'Retry failed webhook deliveries',
  description:
    'Webhook deliveries that fail are lost. Retry them so integrators do not miss events.',
  acceptanceCriteria: [
    'A delivery that gets a 5xx response or times out after 10 seconds is retried',
    'Retries use exponential backoff starting at 1 minute, for at most 5 attempts',
    'A 4xx response is not retried',
    'Every delivery is signed with an HMAC-SHA256 header so receivers can verify it',
  ],
};

const logRotation: StoryInput = {
  title: 'Rotate the application logs',
  description: 'The log file grows until the disk is full. Rotate it.',
  acceptanceCriteria: [
    'The log file is rotated when it reaches 100 MB',
    'The last 7 rotated files are kept and older ones are deleted',
    'Rotated files are compressed with gzip',
    'Rotation happens without restarting the application',
  ],
};

const reportExport: StoryInput = {
  title: 'Schedule weekly sales reports',
  description: 'Managers build the weekly sales report by hand. Send it automatically.',
  acceptanceCriteria: [
    'Managers can schedule the sales report to be emailed every Monday at 9:00',
    'The report is attached as an XLSX file',
    'Only managers can create or change a schedule',
    'A schedule can be paused and resumed without deleting it',
  ],
};

export const misunderstandingHoldout: MisunderstandingCase[] = [
  {
    expected: 'correctUnderstanding',
    story: twoFactor,
    restatement:
      'In the security settings a user can switch on two-factor auth by scanning a QR code with an authenticator app. From then on, after typing the password they have to enter a 6-digit code. Turning it on gives them 10 one-time recovery codes. It stays optional and is off unless the user enables it.',
  },
  {
    expected: 'partialUnderstanding',
    story: twoFactor,
    restatement:
      'Users can turn on 2FA with an authenticator app and then need a code after their password.',
  },
  {
    expected: 'misunderstanding',
    kind: 'default',
    story: twoFactor,
    restatement:
      'Enable 2FA for every account by default; users scan a QR code with an authenticator app and enter a 6-digit code after the password, and get 10 recovery codes.',
  },
  {
    expected: 'misunderstanding',
    kind: 'number',
    story: twoFactor,
    restatement:
      'Users enable 2FA in security settings with a QR code, then type a 4-digit code sent by SMS after the password; they get 10 recovery codes.',
  },
  {
    expected: 'misunderstanding',
    kind: 'ruled-out',
    story: twoFactor,
    restatement:
      'After the password, users with 2FA must enter a code; the recovery codes can be reused as often as they like.',
  },

  {
    expected: 'correctUnderstanding',
    story: invoices,
    restatement:
      'On the 1st of every month we generate a PDF invoice for each active subscription. Money is kept in cents as integers, not floats. Customers download their invoices on the billing page, and if generating one fails we retry up to three times and then alert the on-call engineer.',
  },
  {
    expected: 'partialUnderstanding',
    story: invoices,
    restatement:
      'Generate a PDF invoice every month for each active subscription that customers can download.',
  },
  {
    expected: 'misunderstanding',
    kind: 'ruled-out',
    story: invoices,
    restatement:
      'Each month generate invoice PDFs for active subscriptions, storing amounts as floating point euros, downloadable from the billing page.',
  },
  {
    expected: 'misunderstanding',
    kind: 'number',
    story: invoices,
    restatement:
      'Invoices are generated on the last day of each month for active subscriptions; failures are retried 5 times, then the on-call engineer is alerted.',
  },
  {
    expected: 'misunderstanding',
    kind: 'scope',
    story: invoices,
    restatement:
      'Support agents can download any customer invoice from the admin panel and email it to them.',
  },

  {
    expected: 'correctUnderstanding',
    story: autocomplete,
    restatement:
      'Once the user has typed two characters in the city field we show suggestions, debouncing requests by 300 ms so we do not hit the API on each keystroke. We show 8 suggestions at most, sorted by population, and Escape closes the list but keeps what was typed.',
  },
  {
    expected: 'partialUnderstanding',
    story: autocomplete,
    restatement: 'Show city suggestions as the user types, at most 8 of them.',
  },
  {
    expected: 'misunderstanding',
    kind: 'choice',
    story: autocomplete,
    restatement:
      'After 2 characters show up to 8 city suggestions in alphabetical order, debounced by 300 ms.',
  },
  {
    expected: 'misunderstanding',
    kind: 'negation',
    story: autocomplete,
    restatement:
      'Suggestions appear after 2 characters, at most 8, ordered by population; pressing Escape clears the input and closes the list.',
  },
  {
    expected: 'misunderstanding',
    kind: 'ruled-out',
    story: autocomplete,
    restatement:
      'Call the API on every keystroke to show up to 8 suggestions sorted by population after 2 characters.',
  },

  {
    expected: 'correctUnderstanding',
    story: webhooks,
    restatement:
      'If a webhook delivery gets a 5xx or takes longer than 10 seconds we retry it with exponential backoff from 1 minute, 5 attempts at most. 4xx responses are never retried. Each delivery carries an HMAC-SHA256 signature header so the receiver can check it.',
  },
  {
    expected: 'partialUnderstanding',
    story: webhooks,
    restatement:
      'Retry webhook deliveries that fail with a server error, using exponential backoff.',
  },
  {
    expected: 'misunderstanding',
    kind: 'negation',
    story: webhooks,
    restatement:
      'Any failed delivery, 4xx or 5xx, is retried with exponential backoff starting at 1 minute for at most 5 attempts.',
  },
  {
    expected: 'misunderstanding',
    kind: 'number',
    story: webhooks,
    restatement:
      'Failed deliveries are retried every 10 seconds, at most 5 times, and signed with HMAC-SHA256.',
  },
  {
    expected: 'misunderstanding',
    kind: 'choice',
    story: webhooks,
    restatement:
      'Retry 5xx deliveries with a fixed delay of 1 minute for up to 5 attempts; 4xx are not retried.',
  },

  {
    expected: 'correctUnderstanding',
    story: logRotation,
    restatement:
      'Rotate the log once it hits 100 MB, keep the 7 most recent rotated files and delete the older ones, gzip the rotated files, and do it all while the app keeps running.',
  },
  {
    expected: 'partialUnderstanding',
    story: logRotation,
    restatement: 'Rotate the log file when it gets to 100 MB and compress the old ones.',
  },
  {
    expected: 'misunderstanding',
    kind: 'number',
    story: logRotation,
    restatement:
      'Rotate the log every day, keep 30 rotated files and gzip them without restarting the app.',
  },
  {
    expected: 'misunderstanding',
    kind: 'ruled-out',
    story: logRotation,
    restatement:
      'When the log reaches 100 MB, restart the application so it opens a fresh file; keep the last 7 files gzipped.',
  },

  {
    expected: 'correctUnderstanding',
    story: reportExport,
    restatement:
      'Managers schedule the weekly sales report to be emailed every Monday at 9 am as an XLSX attachment. Only managers may create or edit schedules, and a schedule can be paused and resumed without being deleted.',
  },
  {
    expected: 'partialUnderstanding',
    story: reportExport,
    restatement: 'Email the sales report to managers every Monday morning.',
  },
  {
    expected: 'misunderstanding',
    kind: 'scope',
    story: reportExport,
    restatement:
      'Any user can schedule the sales report to be emailed every Monday at 9:00 as an XLSX file.',
  },
  {
    expected: 'misunderstanding',
    kind: 'choice',
    story: reportExport,
    restatement:
      'Managers schedule the sales report every Monday at 9:00, attached as a PDF; pausing deletes the schedule.',
  },
  {
    expected: 'misunderstanding',
    kind: 'number',
    story: reportExport,
    restatement:
      'Managers can schedule the sales report to be emailed every Friday at 17:00 as an XLSX attachment.',
  },
];
