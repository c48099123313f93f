/**
 * A fresh plan table written after plan-review.ts had been fitted to plan-table.ts, measured once
 * before any further change (figures in rules-accuracy.test.ts): three new stories, new phrasings.
 */
import type { PlanCase, PlanStory } from './plan-table.ts';

const upload: PlanStory = {
  title: 'Attach receipts to expenses',
  description:
    'Employees want to attach a photo or PDF of the receipt when they submit an expense.',
  acceptanceCriteria: [
    'The expense form accepts one file of type JPEG, PNG or PDF up to 5 MB',
    'Files are stored in object storage and the expense keeps a link to the file',
    'Other file types or bigger files are refused with an explanation',
    'Only the employee and their manager can open the receipt',
  ],
};

const notifications: PlanStory = {
  title: 'Unread notification badge',
  description:
    'Show how many unread notifications a user has next to the bell icon in the navigation bar.',
  acceptanceCriteria: [
    'The bell icon shows the number of unread notifications, or nothing when there are none',
    'Numbers above 99 are shown as "99+"',
    'Opening the notification list marks all of them as read and the badge disappears',
  ],
};

const search: PlanStory = {
  title: 'Server-side search for the customer list',
  description:
    'The customer list has 200,000 rows; the admin needs to find customers by name or email without loading them all.',
  acceptanceCriteria: [
    'GET /customers?q= returns customers whose name or email contains q, case-insensitive, at most 50 results',
    'A query shorter than 2 characters returns 400',
    'The search uses a database index so it answers in under 200 ms',
  ],
};

const good = { min: 75, max: 100 };
const partial = { min: 35, max: 79 };
const wrong = { min: 0, max: 50 };

export const planHoldout2: PlanCase[] = [
  {
    expected: 'goodPlan',
    band: good,
    story: upload,
    plan: `1. Add a file input to ExpenseForm that accepts image/jpeg, image/png and application/pdf
2. On the server, check the MIME type and the size (max 5 MB) before uploading; otherwise respond 422 with a message saying which types and size are allowed
3. Upload the file to the S3 bucket and save the object key on the expense
4. Serve receipts through GET /expenses/:id/receipt, which checks that the requester is the employee or their manager and returns a short-lived signed URL, else 403
5. Tests: valid PNG and PDF upload, 6 MB file refused, .exe refused, manager can open, another employee gets 403
6. Type check, lint and open a PR`,
  },
  {
    expected: 'goodPlan',
    band: good,
    story: notifications,
    plan: `I'll add an unreadCount to the notifications API response, computed with a COUNT query on notifications where read_at is null. In the navbar, the Bell component shows a badge with that count, hides it when the count is 0, and shows "99+" above 99. When the user opens the notification list, the client calls POST /notifications/read-all and sets the count to 0 so the badge disappears. Tests first: badge hidden at 0, shows 7, shows 99+ for 150, opening the list marks all as read. I'll also make sure a failed read-all request keeps the badge and shows an error. Then run the tests and ask for a review.`,
  },
  {
    expected: 'goodPlan',
    band: good,
    story: search,
    plan: `- Add a trigram (pg_trgm) GIN index on customers.name and customers.email in a migration
- GET /customers?q=: validate q (at least 2 characters, else 400), then query with ILIKE '%' || $1 || '%' on name or email, LIMIT 50, using a bound parameter
- Tests: match by part of the name, match by email, case-insensitive, 1-character query gives 400, never more than 50 results
- Check EXPLAIN shows the index is used and time the query on a copy with 200k rows (< 200 ms)
- Open the PR`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: upload,
    plan: `1. Add a file input to the expense form
2. Upload the file to object storage and save the link on the expense
3. Write a test for a successful upload`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: upload,
    plan: `- File input for JPEG, PNG, PDF up to 5 MB, refuse anything else with a message
- Upload to object storage, keep the link on the expense
- Tests for allowed and refused files`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: notifications,
    plan: `1. Count unread notifications
2. Show the number on the bell icon
3. Test it`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: search,
    plan: `1. Add the q parameter to GET /customers and filter by name or email, case-insensitive, limit 50
2. Return 400 if q is shorter than 2 characters
3. Add tests for the filter and the 400`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: search,
    plan: `1. Load all customers into the admin page once
2. Then filter them in the browser as the admin types
3. Test the filter with a few customers`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: notifications,
    plan: `1. Build a notification settings page where users choose which emails they receive
2. Save the choices in the users table
3. Write tests for saving the settings`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: upload,
    plan: `1. Convert the receipt to a base64 string in the browser
2. Save the string in a TEXT column of the expenses table
3. Make the receipt URL public so anyone with the link can open it, that is simpler
4. Test that a receipt can be saved`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: search,
    plan: `1. Read q from the query string
2. Build the SQL by string interpolation: SELECT * FROM customers WHERE name LIKE '%\${q}%'
3. Return the rows
4. Test a search by name`,
  },
];
