/**
 * A fourth plan table (seven new stories from different domains), written and measured before
 * plan-review.ts was changed for it (figures in plan-accuracy.test.ts). Good plans come in many
 * styles on purpose: terse bullets, prose, numbered steps with file names, steps that cover two
 * criteria at once, tests named "spec", "e2e" or "assert". Incomplete plans lack tests, error
 * handling or one criterion; wrong approaches take a shortcut the story cannot live with.
 */
import type { PlanCase, PlanStory } from './plan-table.ts';

const webhooks: PlanStory = {
  title: 'Retry failed webhook deliveries',
  description: 'Partners receive order events by webhook; today a delivery that fails is lost.',
  acceptanceCriteria: [
    'A delivery that gets a 5xx response or times out is retried up to 5 times with exponential backoff',
    'After the last failed attempt the delivery is marked as failed and shown in the partner dashboard',
    'Each request carries an HMAC signature header so partners can verify it',
  ],
};

const cart: PlanStory = {
  title: 'Change quantities in the shopping cart',
  description:
    'Shoppers want to change how many of an item they buy without removing it and adding it again.',
  acceptanceCriteria: [
    'Each cart line has a quantity stepper between 1 and the stock available',
    'Changing the quantity updates the line total and the cart total immediately',
    'Setting the quantity to 0 removes the line from the cart',
  ],
};

const importer: PlanStory = {
  title: 'Nightly product import',
  description:
    'The supplier drops a products CSV on SFTP every night; the catalogue must pick it up.',
  acceptanceCriteria: [
    'A scheduled job imports the CSV at 02:00 and upserts products by SKU',
    'Rows with a missing SKU or a negative price are skipped and listed in an import report',
    'A product missing from the file is marked as discontinued, not deleted',
  ],
};

const dryRun: PlanStory = {
  title: 'Dry-run flag for the deploy CLI',
  description: 'Operators want to see what `deploy` would change before it changes anything.',
  acceptanceCriteria: [
    '`deploy --dry-run` prints the list of resources that would be created, updated or deleted',
    'With --dry-run no API call that changes state is made',
    'The command exits with code 0 when there is nothing to change and 2 when there are changes',
  ],
};

const invites: PlanStory = {
  title: 'Invite teammates',
  description: 'Workspace admins invite colleagues by email to join their workspace.',
  acceptanceCriteria: [
    'An admin can enter an email address and send an invitation',
    'The invitation link is valid for 7 days and can be accepted once',
    'Only admins can send invitations; other members get 403',
  ],
};

const report: PlanStory = {
  title: 'Weekly usage report email',
  description: 'Team owners want a weekly summary of their team activity in their inbox.',
  acceptanceCriteria: [
    'Every Monday at 08:00 in the owner time zone an email summarises the last 7 days: active users, projects created and tasks completed',
    'Owners can unsubscribe with one click from a link in the email',
    'Teams with no activity in the week get no email',
  ],
};

const a11y: PlanStory = {
  title: 'Accessible signup form',
  description:
    'Screen reader users cannot tell which signup field is wrong when the form is rejected.',
  acceptanceCriteria: [
    'Every input has a visible label tied to it with for/id',
    'Validation errors are announced to screen readers and linked to their field with aria-describedby',
    'Focus moves to the first invalid field when the form is submitted with errors',
  ],
};

const good = { min: 75, max: 100 };
const partial = { min: 35, max: 79 };
const wrong = { min: 0, max: 50 };

export const planHoldout3: PlanCase[] = [
  // Webhook retries
  {
    expected: 'goodPlan',
    band: good,
    story: webhooks,
    plan: `1. Move delivery into a deliverWebhook job in src/jobs/deliver-webhook.ts
2. On a 5xx or a timeout, reschedule the job with backoff 2^attempt minutes, max 5 retries
3. After the 5th failure set delivery.status = 'failed' and list failed deliveries on the partner dashboard
4. Sign the body with HMAC-SHA256 using the partner secret and send it in an X-Signature header
5. Specs: 500 then 200 succeeds on retry, timeout retried, 4xx not retried, gives up after 5 and marks failed, signature matches
6. Run the suite and open a PR`,
  },
  {
    expected: 'goodPlan',
    band: good,
    story: webhooks,
    plan: `- retry job w/ exponential backoff (5 tries) on 5xx/timeout
- mark failed after last try + show in dashboard
- HMAC signature header
- unit tests for backoff + signature, integration test against a fake partner that returns errors
- lint, typecheck, PR`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: webhooks,
    plan: `1. Wrap the HTTP call to the partner in a retry loop with exponential backoff, 5 attempts, on 5xx and timeouts
2. Mark the delivery failed after the last attempt and add it to the dashboard
3. Write tests for the retry loop and open a PR`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: webhooks,
    plan: `1. Retry immediately in a while(true) loop until the partner answers 200
2. Keep the pending deliveries in a global array so the loop can find them
3. Add the HMAC header
4. Test it with a partner that fails twice`,
  },
  // Cart quantities
  {
    expected: 'goodPlan',
    band: good,
    story: cart,
    plan: `First add a QuantityStepper component to CartLine with min 1 and max set to the item's stock. When the value changes, dispatch updateQuantity so the line total and cart total are recomputed right away in the cart store. If the shopper sets 0, the reducer removes the line. I will write component tests for the stepper bounds, the totals updating and 0 removing the line, plus a case where stock is 1. Finally I run the tests and check it in the browser.`,
  },
  {
    expected: 'goodPlan',
    band: good,
    story: cart,
    plan: `1. Stepper on each cart line, clamped 1..stock
2. Recalculate line + cart totals on change
3. qty 0 -> remove line
4. Tests: clamp at stock, below 1, totals, removal; run them`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: cart,
    plan: `1. Add a quantity stepper to each cart line, limited to the available stock
2. Recalculate the line total and the cart total whenever it changes
3. Check it manually in the browser`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: cart,
    plan: `1. Add a quantity input to CartLine
2. Update the totals when the quantity changes
3. Unit tests for the totals
4. Run the tests and open a PR`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: cart,
    plan: `1. To change a quantity, delete the line and add the item again with the new quantity
2. Hard-code the maximum to 10 instead of reading the stock
3. Recalculate totals
4. Tests for the totals`,
  },
  // Product import
  {
    expected: 'goodPlan',
    band: good,
    story: importer,
    plan: `1. Add a cron task (0 2 * * *) in jobs/import-products.ts that downloads the CSV over SFTP
2. Parse rows with csv-parse; INSERT ... ON CONFLICT (sku) DO UPDATE for each valid row
3. Validate each row: no SKU or price < 0 -> skip it and add it to the import report with the reason
4. After the import, set discontinued = true on products whose SKU was not in the file (no DELETE)
5. Tests with a fixture file: new + changed products, bad rows in the report, missing product discontinued
6. Run the job against a staging copy and review the report`,
  },
  {
    expected: 'goodPlan',
    band: good,
    story: importer,
    plan: `The job runs nightly at 2am via the scheduler, fetches the file and upserts by SKU. Invalid rows (missing SKU, negative price) are skipped and written to a report. Products not in the file get flagged discontinued instead of being removed. I'll cover it with integration tests on a sample CSV, including the bad rows and a vanished product, and verify on staging before merging.`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: importer,
    plan: `1. Schedule the import job at 02:00
2. Parse the CSV and upsert each product by SKU
3. Mark products missing from the file as discontinued
4. Tests for the upsert and the discontinued flag
5. Run the tests`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: importer,
    plan: `1. Schedule the job at 02:00
2. Truncate the products table and insert every row of the CSV again
3. Skip rows that fail to parse
4. Tests for the import`,
  },
  // Deploy dry-run
  {
    expected: 'goodPlan',
    band: good,
    story: dryRun,
    plan: `1. Add a --dry-run option to the deploy command in cli/deploy.ts
2. Split deploy into plan() (computes the diff, read-only) and apply(diff); dry-run prints the diff grouped as create/update/delete and never calls apply
3. Exit code: 0 if the diff is empty, 2 otherwise
4. Tests: a fake API client asserts no mutating call in dry-run, output lists the resources, exit codes 0 and 2, and an API error while planning exits 1 with the message
5. npm test + lint, PR`,
  },
  {
    expected: 'goodPlan',
    band: good,
    story: dryRun,
    plan: `- compute the change set read-only, print created/updated/deleted resources when --dry-run is passed
- skip every mutating API call in dry-run mode
- exit 0 when nothing changes, 2 when there are changes
- tests incl. the empty diff and a failing API; run them`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: dryRun,
    plan: `1. Add the --dry-run flag
2. Print the resources that would be created, updated or deleted and skip the API calls that change state
3. Tests for the printed list and that nothing is applied
4. Run the tests and open a PR`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: dryRun,
    plan: `1. Add --dry-run
2. Run the real deploy, print what changed, then roll everything back
3. Exit 0 or 2 depending on the changes
4. Tests for the exit codes`,
  },
  // Team invitations
  {
    expected: 'goodPlan',
    band: good,
    story: invites,
    plan: `1. POST /workspaces/:id/invitations (admin only, else 403) validates the email and creates an invitation with a random token, expires_at = now + 7 days
2. Send the email with the accept link
3. GET /invitations/:token/accept checks it is not expired and not used, adds the member, sets used_at
4. Invite form on the members page for admins
5. Tests: admin invites, member gets 403, invalid email, expired link, link used twice
6. Run tests and review the email in the dev mailbox`,
  },
  {
    expected: 'goodPlan',
    band: good,
    story: invites,
    plan: `Admins get an invite form; the API checks the role (403 for non-admins) and the email format, stores a single-use token valid for a week and mails the link. Accepting checks expiry and marks the token used. E2E tests cover the happy path and errors: non-admin, bad email, expired and reused links. Then lint and open a PR.`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: invites,
    plan: `1. Add an invite form for admins that sends an email with a link
2. The link expires after 7 days and works only once
3. Check it manually`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: invites,
    plan: `1. Use the invited email address as the invitation token in the link
2. Send the invitation email
3. Accepting the link adds the user to the workspace
4. Tests for sending and accepting`,
  },
  // Weekly report
  {
    expected: 'goodPlan',
    band: good,
    story: report,
    plan: `1. Hourly job that finds owners for whom it is Monday 08:00 in their time zone
2. Query the last 7 days per team: active users, projects created, tasks completed; skip the team when all three are zero
3. Render the email with an unsubscribe link carrying a signed token; GET /unsubscribe/:token turns the report off in one click
4. Tests: time zone edge (Sunday 23:00 UTC is Monday in Tokyo), empty week sends nothing, invalid unsubscribe token returns 400
5. Run the suite, preview the email in Mailpit, open a PR`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: report,
    plan: `1. Schedule the job every Monday at 08:00 in the owner's time zone
2. Compute active users, projects created and tasks completed for the last 7 days
3. Send the email with the summary
4. Tests for the numbers and the schedule, then open a PR`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: report,
    plan: `1. Run the job every Monday at 08:00 UTC for everyone
2. Load every event of all teams and then filter them in the job
3. Send the summary to all owners, including teams with no activity
4. Tests for the email content`,
  },
  // Accessible signup
  {
    expected: 'goodPlan',
    band: good,
    story: a11y,
    plan: `1. Give every input in SignupForm.tsx a <label for> matching its id
2. Render each validation error in an element with an id, point the input's aria-describedby at it and put the messages in an aria-live region so they are announced
3. On submit with errors, focus the first invalid field
4. Tests with Testing Library + axe: labels found by getByLabelText, errors announced and linked, focus lands on the first invalid input, no violations on an empty submit
5. Check with VoiceOver, then PR`,
  },
  {
    expected: 'goodPlan',
    band: good,
    story: a11y,
    plan: `- labels w/ for/id on all fields
- errors: aria-describedby + live region
- focus first invalid field on submit
- jest + axe specs for all three, incl. an empty form; verify with a screen reader`,
  },
  {
    expected: 'missingSteps',
    band: partial,
    story: a11y,
    plan: `1. Add labels with for/id to every input
2. Link each error message to its field with aria-describedby
3. Run axe on the page and fix what it reports`,
  },
  {
    expected: 'wrongApproach',
    band: wrong,
    story: a11y,
    plan: `1. Replace the labels with placeholder text to keep the form compact
2. Show errors in red only, no text needed
3. Disable the eslint jsx-a11y rules that complain
4. Tests for the form submit`,
  },
  // More good plans in their own words, added before any change to the reviewer
  {
    expected: 'goodPlan',
    band: good,
    story: webhooks,
    plan: `Deliveries go through a queue worker. A server error or no answer within 10 s triggers another try, waiting 1, 2, 4, 8 and 16 minutes (five retries). When the final try fails too, the delivery is flagged failed and partners see it in their dashboard. Every payload is signed (HMAC over the body, sent as a header) so they can check it came from us. Spec coverage: happy path and errors, including the signature. Then CI must be green before I merge.`,
  },
  {
    expected: 'goodPlan',
    band: good,
    story: report,
    plan: `1. Scheduler: per-owner local time, Mondays 8am
2. Summary query over 7 days (active users / new projects / completed tasks); teams with zero activity are skipped, no mail
3. One-click unsubscribe link in the footer
4. Verify with unit specs for the query and the time zone math plus an e2e run that asserts the email and the unsubscribe link, incl. a bad token`,
  },
  {
    expected: 'goodPlan',
    band: good,
    story: importer,
    plan: `- 02:00 scheduled import, upsert on SKU
- bad rows (no SKU / price below zero) skipped + reported
- products absent from the file -> discontinued flag, never deleted
- integration test with a fixture CSV covering valid, invalid and absent products; assert the report
- dry run on staging, then PR`,
  },
];
