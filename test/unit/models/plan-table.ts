/**
 * A third hand-written plan table (four new stories), written before plan-review.ts was changed to
 * measure it; the first figures are recorded in rules-accuracy.test.ts. Good plans come in several
 * styles (numbered, bullets, prose; with or without file names or a PR step) because a complete plan
 * does not need one house style. Bands: a mentor's 0–100 range for the plan.
 */
import type { PlanVerdict } from '../../../src/domain/contracts/plan-review.ts';

export interface PlanStory {
  title: string;
  description: string;
  acceptanceCriteria: string[];
}

export interface PlanCase {
  expected: PlanVerdict;
  band: { min: number; max: number };
  story: PlanStory;
  plan: string;
}

const rateLimit: PlanStory = {
  title: 'Rate-limit failed logins',
  description:
    'Attackers try thousands of passwords against POST /login. Slow them down without locking out real users.',
  acceptanceCriteria: [
    'After 5 failed login attempts from the same IP within 15 minutes, POST /login responds 429 with a Retry-After header',
    'A successful login resets the counter for that IP',
    'The counters are kept in Redis so the limit holds across all app instances',
  ],
};

const csvExport: PlanStory = {
  title: 'Export transactions as CSV',
  description:
    'Accountants want to download the transactions they see on the transactions page as a CSV file.',
  acceptanceCriteria: [
    'The transactions page has an "Export CSV" button',
    'The CSV has the columns date, description, amount and category, with amounts formatted with two decimals',
    'The export contains only the transactions matching the filters currently applied on the page',
    'When no transaction matches, the file contains only the header row',
  ],
};

const passwordReset: PlanStory = {
  title: 'Reset a forgotten password by email',
  description:
    'Users who forgot their password can request a reset link by email and choose a new password.',
  acceptanceCriteria: [
    'The forgot-password form accepts an email address and always shows the same confirmation, whether or not the account exists',
    'The email contains a link with a random token that expires after one hour',
    'A token can be used only once',
    'The new password must be at least 12 characters long',
  ],
};

const darkMode: PlanStory = {
  title: 'Dark mode',
  description: 'Users want a dark theme for the dashboard.',
  acceptanceCriteria: [
    'The settings page has a toggle to switch between light and dark theme',
    'The choice is saved in localStorage and applied on the next visit',
    'On the first visit the theme follows the operating system preference (prefers-color-scheme)',
  ],
};

const good = { min: 75, max: 100 };
const partial = { min: 35, max: 79 };
const wrong = { min: 0, max: 50 };

export const planTable: PlanCase[] = [
  // Rate limiting
  {
    expected: 'goodPlan',
    band: good,
    story: rateLimit,
    plan: `1. Add a loginLimiter middleware in src/middleware/login-limiter.ts that reads the client IP
2. On a failed login, INCR a Redis key login:fail:<ip> and set a 15 minute expiry on the first failure
3. Before checking the password, if the counter is 5 or more, respond 429 with a Retry-After header (the key's remaining TTL)
4. On a successful login, DEL the key so the counter resets
5. If Redis is unreachable, log the error and let the request through rather than blocking every user
6. Tests with a Redis test container: 5 failures then 429 with Retry-After, success resets the counter, the counter expires after 15 minutes, two app instances share the limit
7. Run the whole test suite and open a PR`,
  },
  {
    expected: 'goodPlan',
    band: good,
    story: rateLimit,
    plan: `First I'll write failing tests for the login route: five wrong passwords from one IP give 429 with Retry-After, a correct password clears the count, and after the 15 minute window the user can try again. Then I'll keep a counter per IP in Redis with INCR and EXPIRE so every instance sees the same number, check it at the start of POST /login, and delete it after a successful login. I'll also handle the case where Redis is down (fail open and log it) and a missing IP header. Finally I'll run the tests and ask for a review.`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: rateLimit,
    plan: `1. Count failed logins per IP in Redis
2. Return 429 after 5 failures
3. Deploy`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: rateLimit,
    plan: `- Create a Redis key per IP and increment it on every failed POST /login, expiring after 15 minutes
- When the count reaches 5, answer 429 with Retry-After
- Write tests for the 429 response`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: rateLimit,
    plan: `1. Keep a global object in memory mapping IP to failed attempts
2. Return 429 after 5 failures and reset the object entry on success
3. Write tests for 5 failures and for the reset
4. Open a PR`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: rateLimit,
    plan: `1. Add a CAPTCHA widget to the login page
2. Verify the CAPTCHA token on the server
3. Style the widget to match the login form
4. Test that the form cannot be submitted without solving the CAPTCHA`,
  },

  // CSV export
  {
    expected: 'goodPlan',
    band: good,
    story: csvExport,
    plan: `1. Add an "Export CSV" button to TransactionsPage.tsx next to the filters
2. Add GET /transactions/export that takes the same filter query parameters as the list endpoint and reuses its query function
3. Write the CSV with a header row date,description,amount,category; format amounts with toFixed(2) and quote fields that contain commas or quotes
4. Stream the rows and set Content-Type text/csv and Content-Disposition attachment
5. When nothing matches, return only the header row
6. Tests: filtered export contains only matching rows, amounts have two decimals, description with a comma is quoted, empty result gives only the header
7. Lint, type check, PR`,
  },
  {
    expected: 'goodPlan',
    band: good,
    story: csvExport,
    plan: `- Button "Export CSV" on the transactions page that calls the export endpoint with the active filters
- Export endpoint reuses the filtered transactions query, so the file matches what is on screen
- Columns: date, description, amount (two decimals), category; escape commas and quotes in descriptions
- No matching transactions: send just the header line
- Unit tests for the CSV formatter (decimals, escaping, header-only) and an API test that the filters are applied
- Check it manually with a big account before opening the pull request`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: csvExport,
    plan: `1. Add the Export CSV button
2. Build the CSV from the transactions with date, description, amount and category
3. Download the file`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: csvExport,
    plan: `I will add an export button on the transactions page and a function that turns the current list into CSV lines with the four columns. Amounts get two decimals. Then I will test the download in the browser.`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: csvExport,
    plan: `1. Add a "Print" button that opens the browser print dialog for the transactions table
2. Tell accountants to save it as PDF
3. Test that the print dialog opens`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: csvExport,
    plan: `1. Add an Export CSV button
2. Build each CSV line by joining the fields with commas, no escaping needed
3. Export every transaction in the database so accountants have everything, ignoring the filters
4. Write a test that the file downloads`,
  },

  // Password reset
  {
    expected: 'goodPlan',
    band: good,
    story: passwordReset,
    plan: `1. Forgot-password form: POST /password/forgot with the email; always respond with the same confirmation message, even for unknown emails
2. For an existing account, generate a token with crypto.randomBytes(32), store only its hash with an expiry of one hour, and email a link containing the token
3. POST /password/reset checks the token hash, rejects expired or already used tokens, and marks the token as used
4. Validate the new password: at least 12 characters, otherwise 400 with a message
5. Tests: unknown and known email give the same response, expired token rejected, token reused rejected, 11-character password rejected, happy path changes the password
6. Run lint, types and tests; open a PR`,
  },
  {
    expected: 'goodPlan',
    band: good,
    story: passwordReset,
    plan: `Step 1: write tests first for the whole flow — same confirmation for existing and unknown emails, the emailed link works once, a second use fails, a link older than one hour fails, a short password (under 12 characters) is refused.
Step 2: add the forgot-password form and endpoint; create a random token, save its hash and expiry, send the email with the link.
Step 3: add the reset page and endpoint that validates the token, the password length, updates the password and invalidates the token.
Step 4: handle errors (mail server down, invalid token) with clear messages, then run the tests and get a review.`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: passwordReset,
    plan: `1. Add the forgot-password form
2. Send an email with a reset link containing a random token
3. Let the user set a new password on the reset page
4. Write a test for the happy path`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: passwordReset,
    plan: `- Endpoint to request the reset, returns 404 if the email is unknown
- Token valid for one hour
- Reset endpoint that sets the new password`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: passwordReset,
    plan: `1. When the user submits the form, look up their password in the database
2. Email them their current password in plain text so they can log in again
3. Test that the email contains the password`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: passwordReset,
    plan: `1. Use the user id as the reset token so we do not need a new table
2. Email a link /reset?token=<userId>
3. Let the reset page set a new password of at least 12 characters
4. Test the link and the length check`,
  },

  // Dark mode
  {
    expected: 'goodPlan',
    band: good,
    story: darkMode,
    plan: `1. Define the colours as CSS variables for a light and a dark theme (data-theme attribute on <html>)
2. Add a ThemeToggle component to the settings page that switches data-theme
3. Save the choice in localStorage and read it on load before the first paint
4. With nothing saved, use window.matchMedia('(prefers-color-scheme: dark)') for the first visit
5. Handle localStorage being unavailable (private mode) by falling back to the OS preference
6. Tests: toggle switches the theme, saved choice is applied on reload, first visit follows a mocked prefers-color-scheme
7. Check the dashboard pages visually in both themes, then open the PR`,
  },
  {
    expected: 'goodPlan',
    band: good,
    story: darkMode,
    plan: `I'd start by moving every hard colour in the dashboard styles into theme variables, then add a dark set of values. Next a toggle on the settings page flips the theme and writes "light" or "dark" to localStorage. On startup the app reads that value, and if there is none (first visit, or storage blocked) it follows prefers-color-scheme. I'll cover the toggle, the saved preference and the OS default with component tests, including the case where localStorage throws, and go through the main pages in both themes before asking for review.`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: darkMode,
    plan: `1. Add dark colours
2. Add a toggle in settings
3. Save it`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: darkMode,
    plan: `- Add a toggle on the settings page that switches a dark class on the body
- Store the choice in localStorage and apply it on load
- Write a test that the toggle adds the class`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: darkMode,
    plan: `1. Copy every CSS file into a -dark.css version with inverted colours
2. Swap all stylesheet links with JavaScript when the toggle is clicked
3. Write tests for the toggle`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: darkMode,
    plan: `1. Add a theme column to the users table with a migration
2. Add an endpoint to update the theme
3. Add an admin page where admins can set the theme for every user
4. Test the endpoint`,
  },
];
