import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../../evals/dataset.ts';
import type { PlanCase } from '../../../evals/dataset-schemas.ts';
import { reviewPlan } from '../../../src/models/rules/plan-review.ts';
import { securityConcerns } from '../../../src/models/rules/plan-security.ts';

/**
 * Issue 13 item 5: insecure plans are the wrong approach at 30 or less, whatever words they use, and
 * plans that name the safe practice are not. evals/datasets/plan-review-security.jsonl was written
 * before the rules were changed: insecure 7/41 rejected and secure 25/25 kept before, 41/41 and 25/25
 * after. The sentences and the authorisation plans below were written once the rules passed that set,
 * as a second look at each class in other words: flaws 37/49 flagged with 0/40 false alarms, and
 * 13/14 authorisation plans, on that first version; all of them after.
 */
const dev = parseDataset(
  readFileSync('evals/datasets/plan-review-security.jsonl', 'utf8'),
  'plan-review',
  'plan-review-security.jsonl',
);

describe('plan review: insecure plans of the rules dev set', () => {
  const results = (dev.cases as PlanCase[]).map((c) => ({
    c,
    review: reviewPlan({ story: c.input.story, plan: c.input.plan }, ''),
  }));

  it('rejects every insecure plan with a score of at most 30', () => {
    const misses = results
      .filter(({ c }) => c.expected.verdict === 'wrongApproach')
      .filter(({ review }) => review.verdict !== 'wrongApproach' || review.score > 30)
      .map(({ c, review }) => `${c.id}: ${review.verdict} ${review.score}`);
    expect(misses).toEqual([]);
  });

  it('keeps every secure plan a good plan', () => {
    const misses = results
      .filter(({ c }) => c.expected.verdict === 'goodPlan')
      .filter(({ review }) => review.verdict !== 'goodPlan')
      .map(({ c, review }) => `${c.id}: ${review.verdict} ${review.concerns.join(' ')}`);
    expect(misses).toEqual([]);
  });
});

describe('securityConcerns in other words', () => {
  const insecure = [
    'Email the user their password after signup so they have a record of it.',
    'The welcome email includes the username and password.',
    'Send the generated password to the new user by email.',
    'Mail the new temporary password to the customer.',
    'We send users a reminder email with their current password if they forget it.',
    'The reset flow emails a new random password to the user.',
    'Store the password in the users table so we can compare it at login.',
    'Save password directly to the database.',
    'Passwords are stored in a VARCHAR column without hashing.',
    'Keep the password unencrypted in the DB for now; we will add hashing later.',
    'Encrypt the password with AES and decrypt it at login to compare.',
    'Log the login request including the password for debugging.',
    'console.log(req.body) in the login handler to see what the client sends.',
    'Print the JWT secret on startup.',
    'Log the full Authorization header of each request.',
    'Put the Stripe secret key in the React app so checkout can call Stripe directly.',
    'Hard-code the database password in db.js.',
    'Add the AWS credentials to settings.py and commit the file.',
    'Store the API key in the frontend .env file (VITE_API_KEY) so the app can call the service.',
    'Pass the API key in the URL: /api/data?key=abc123.',
    'Send the session token as a query parameter on every request.',
    "Build the query: 'SELECT * FROM users WHERE name = ' + name.",
    "const sql = `SELECT * FROM products WHERE name LIKE '%${q}%'`;",
    'Concatenate the search term into the SQL query.',
    'Use string interpolation to add the filter to the WHERE clause.',
    'db.query("SELECT * FROM orders WHERE id = " + req.params.id)',
    'Insert the user input directly into the SQL string.',
    'Run the command with exec(`ffmpeg -i ${file} out.mp4`).',
    "child_process.exec('git log ' + req.query.branch)",
    'Use exec to run git checkout with the branch name from the request.',
    'Call os.system("rm -rf " + path) to clean up.',
    'subprocess.call("convert %s out.png" % filename, shell=True)',
    'Hide the Delete button for non-admins in the UI; the DELETE /users/:id endpoint removes the user.',
    'In the React component check if user.role is admin and only then show the Delete button. DELETE /users/:id deletes the user.',
    'The API trusts the role field in the JWT payload decoded with jwt.decode.',
    'The client sends isAdmin: true in the request body for admin actions and the server allows the delete.',
    "The server reads the user's role from the request body and allows the delete if it is admin.",
    "Read userId from the request body and update that user's profile.",
    'GET /orders?userId=42 returns the orders of that user.',
    'Use the userId from localStorage to fetch the orders: GET /api/orders/:userId.',
    'Disable SSL verification for the payment API.',
    'Set NODE_TLS_REJECT_UNAUTHORIZED=0 so the self-signed cert works.',
    'Use an https agent with rejectUnauthorized false.',
    'Ignore certificate errors when calling the partner API.',
    'Hash passwords with SHA-1.',
    'Hash the password using MD5 before storing it.',
    'Store md5(password + email).',
    'Use a simple SHA256 hash of the password.',
    'Store password hashes made with sha512, no salt.',
  ];
  const safe = [
    'Users log in with email and password; hash passwords with bcrypt.',
    'Send an email with a link to set a new password.',
    'Email the user when their password changes.',
    'Send a welcome email after the user sets their password.',
    'Send an email with a password reset link that expires in 1 hour.',
    'The email includes a magic link, no password needed.',
    'Look up the user by email and compare the password with bcrypt.compare.',
    'Never log passwords or tokens; the logger redacts req.body.password.',
    'Log failed login attempts with the email and IP, not the password.',
    'Log each request (method, path, status, duration) with pino.',
    'Use parameterised queries: db.query("SELECT * FROM users WHERE id = $1", [id]).',
    'Use the ORM (Prisma) so queries are parameterised; no raw SQL strings.',
    'Build the WHERE clause from a fixed map of allowed columns, values go in as parameters.',
    "Update the greeting to 'Welcome back, ' + user.name.",
    'Show `Hello ${name}, your order from ${date} has shipped` in the email.',
    'Show the message `Please update ${field}` next to the field.',
    'Pass the --json flag to the command.',
    'Append --verbose to the command in the npm script.',
    'Build the ffmpeg command from the stored path and fixed options, run with execFile.',
    'The shell script inserts the rows into the database.',
    'Run git with execFile("git", ["checkout", branch]) after validating the branch name.',
    'Hide the Delete button for non-admins; the API also checks the role and returns 403.',
    'Only admins see the Delete button; DELETE /users/:id uses the requireAdmin middleware.',
    'DELETE /comments/:id removes the comment if the session user is a moderator, otherwise 403.',
    'The server never trusts a role sent by the client; it reads the role from the session.',
    'Read the API key from process.env.API_KEY on the server.',
    'Keep secrets in .env, which is in .gitignore; commit only .env.example.',
    'Verify the JWT signature with jwt.verify before trusting the claims.',
    'Keep TLS verification on and pin the partner certificate.',
    'Store only the SHA-256 hash of the reset token.',
    'Compute an md5 checksum of each uploaded file to detect duplicates.',
    'The API gateway verifies the JWT and forwards X-User-Id to the service.',
    "Admins can filter GET /orders?userId=42 to see one customer's orders.",
    'Log in the user after signup and redirect to /dashboard.',
    'The logged-in user sees their own orders only.',
    'Print the invoice PDF with the customer name.',
    'Log the token expiry time when a session is refreshed.',
    'Store the password hash and the salt generated by bcrypt.',
    'The password field is masked and the form is submitted with POST.',
    'Tokens are sent in the Authorization header, never in the URL.',
  ];

  it.each(insecure)('flags: %s', (sentence) => {
    expect(securityConcerns(sentence)).not.toEqual([]);
  });

  it.each(safe)('does not flag: %s', (sentence) => {
    expect(securityConcerns(sentence)).toEqual([]);
  });

  it('reads "rejectUnauthorized: false" as the flaw, not as a negation ("reject")', () => {
    expect(securityConcerns('Create the agent with rejectUnauthorized: false')).toEqual([
      'The plan switches off a security check.',
    ]);
  });

  it('takes a negation later in the line into account ("no ILIKE helper, so … + customer")', () => {
    expect(
      securityConcerns(
        `Our ORM has no ILIKE helper, so use sequelize.literal("name ILIKE '%" + customer + "%'")`,
      ),
    ).toEqual(['The plan builds SQL from user input instead of using parameters.']);
  });
});

describe('authorisation left to the client, read from the whole plan', () => {
  const admin = {
    title: 'Admins delete users',
    description: 'Administrators can remove spam accounts.',
    acceptanceCriteria: [
      'Admins see a Delete button on each user row',
      'DELETE /users/:id removes the user',
      'Non-admins cannot delete users',
    ],
  };
  const inv = {
    title: 'Download my invoices',
    description: 'Customers download PDF copies of their own invoices.',
    acceptanceCriteria: [
      "The account page lists the customer's invoices",
      'GET /invoices/:id/pdf returns the invoice as a PDF',
      "A customer cannot download another customer's invoice",
    ],
  };
  const nav = {
    title: 'Admin link in the menu',
    description: 'Admins get a link to the admin area in the main menu.',
    acceptanceCriteria: [
      'The main menu shows an "Admin" link to admins only',
      'The link opens /admin',
    ],
  };
  const tail =
    '\n4. Tests: admin, non-admin, unknown id 404, invalid input.\n5. Run the tests and lint, then open a PR.';
  const cases: Array<[string, 'insecure' | 'secure', object, string]> = [
    [
      'adminOnly middleware',
      'secure',
      admin,
      `1. UserRow.tsx renders the Delete button only for admins.\n2. DELETE /users/:id is mounted behind the existing adminOnly middleware and removes the user.\n3. The button calls the endpoint and removes the row.${tail}`,
    ],
    [
      'permission check canManageUsers',
      'secure',
      admin,
      `1. Show the Delete button only when canManageUsers(user) is true.\n2. The DELETE /users/:id endpoint uses the same permission check (canManageUsers) and removes the user.\n3. Wire the button to the endpoint.${tail}`,
    ],
    [
      'only admins can call',
      'secure',
      admin,
      `1. Only admins see the Delete button (UserRow.tsx).\n2. Only admins can call DELETE /users/:id, checked with req.user.role in the handler.\n3. Remove the user and their sessions.${tail}`,
    ],
    [
      'backend enforces',
      'secure',
      admin,
      `1. Hide the Delete button for non-admins in UserRow.tsx.\n2. The backend already enforces the admin rule for every /users route; add DELETE /users/:id there to remove the user.\n3. Call it from the button.${tail}`,
    ],
    [
      'role required',
      'secure',
      admin,
      `1. UserRow.tsx shows Delete to admins.\n2. DELETE /users/:id (admin role required) removes the user.\n3. Wire the button.${tail}`,
    ],
    [
      'nav link only (no endpoint)',
      'secure',
      nav,
      `1. In Menu.tsx render an "Admin" link only when user.isAdmin is true.\n2. The link points to /admin.\n3. Add a snapshot test for admins and non-admins.\n4. Run the tests and lint, then open a PR.`,
    ],
    [
      'hide only',
      'insecure',
      admin,
      `1. UserRow.tsx: hide the Delete button for anyone who is not an admin.\n2. DELETE /users/:id deletes the user row and their sessions.\n3. The button calls the endpoint and removes the row.${tail}`,
    ],
    [
      'react check',
      'insecure',
      admin,
      `1. In the React component, check whether user.role is 'admin' before rendering the Delete button.\n2. Add the DELETE /users/:id route that deletes the user.\n3. Refresh the list after deleting.${tail}`,
    ],
    [
      'ownership where',
      'secure',
      inv,
      `1. GET /invoices lists the invoices of the logged-in customer.\n2. GET /invoices/:id/pdf runs SELECT * FROM invoices WHERE id = $1 AND customer_id = $2 and answers 404 when nothing matches.\n3. Render with pdfkit.${tail}`,
    ],
    [
      '404 unless current',
      'secure',
      inv,
      `1. The account page lists the customer's invoices.\n2. GET /invoices/:id/pdf returns 404 unless the invoice is the current customer's, then streams the PDF.\n3. Render with pdfkit.${tail}`,
    ],
    [
      'rails scoped',
      'secure',
      inv,
      `1. InvoicesController#index lists current_user.invoices.\n2. #pdf loads current_user.invoices.find(params[:id]) so another customer's invoice raises not found (404).\n3. Render with Prawn.${tail}`,
    ],
    [
      'policy',
      'secure',
      inv,
      `1. The account page lists the customer's invoices.\n2. GET /invoices/:id/pdf loads the invoice and authorises it with InvoicePolicy.view(user, invoice).\n3. Render with pdfkit.${tail}`,
    ],
    [
      'IDOR plain',
      'insecure',
      inv,
      `1. The account page lists the customer's invoices from GET /invoices.\n2. GET /invoices/:id/pdf loads the invoice with that id and renders it with pdfkit.\n3. Link each row to its PDF.${tail}`,
    ],
    [
      'IDOR findById',
      'insecure',
      inv,
      `1. The account page lists the customer's invoices.\n2. Add GET /invoices/:id/pdf: Invoice.findById(req.params.id), then stream the PDF.\n3. Add the download links.${tail}`,
    ],
  ];

  it.each(cases)('%s: %s', (_about, kind, story, plan) => {
    const review = reviewPlan({ story, plan }, '');
    if (kind === 'insecure') {
      expect(review.verdict).toBe('wrongApproach');
      expect(review.score).toBeLessThanOrEqual(30);
    } else expect(review.verdict).not.toBe('wrongApproach');
  });
});

/**
 * A third look, written after the second passed, with other stories (reports, billing, expenses,
 * saved addresses, conversations): 11/16 flaws rejected on arrival (3/16 before any change; missed:
 * a button wrapped in if (user.isAdmin), an Angular guard that blocks non-admins, "permissions are
 * handled on the front end", an admin: true header, search text "added to the WHERE clause as a
 * string"), 16/16 after; the 9 secure plans beside them were never rejected.
 */
describe('insecure plans, a third look', () => {
  const mk = (title: string, description: string, acceptanceCriteria: string[]) => ({
    title,
    description,
    acceptanceCriteria,
  });
  const reports = mk('Export reports', 'Admins export the monthly report as CSV.', [
    'Admins see an Export button on the reports page',
    'GET /api/reports/export streams the CSV',
    'Other users cannot export reports',
  ]);
  const adminArea = mk('Admin user list', 'Admins see every user in the admin area.', [
    'The /admin page lists all users',
    'Only admins can open the admin area',
    'The list comes from GET /api/admin/users',
  ]);
  const billing = mk('Billing settings', 'Account owners update the card on file.', [
    'Owners see a Billing tab in settings',
    'PUT /api/billing updates the card',
    'Members who are not owners cannot change billing',
  ]);
  const expenses = mk('Approve expenses', 'Managers approve expense claims.', [
    'Managers see an Approve button on each claim',
    'POST /expenses/:id/approve marks the claim approved',
    'Employees cannot approve claims',
  ]);
  const addresses = mk('Saved addresses', 'Users manage their own saved addresses.', [
    'GET /api/addresses lists the saved addresses',
    'DELETE /api/addresses/:id deletes one address',
    "A user cannot see or delete another user's addresses",
  ]);
  const messages = mk('Conversations', 'Users read their own conversations.', [
    'GET /api/messages/:conversationId returns the messages of a conversation',
    'Users cannot read conversations they are not part of',
    'Messages are ordered oldest first',
  ]);
  const search = mk('Product search', 'Shoppers search products by name.', [
    'GET /products?q= returns products whose name contains the text',
    'Results are sorted by name',
    'An empty search returns the first 20 products',
  ]);
  const tail =
    '\n4. Tests: happy path, other user, empty input, error case.\n5. Run the tests and lint, then open a PR.';
  const insecure: Array<[string, object, string]> = [
    [
      'if isAdmin around button',
      reports,
      `1. Wrap the Export button in ReportsPage.jsx in if (user.isAdmin).\n2. GET /api/reports/export builds the CSV of the month and streams it.\n3. The button downloads the file.${tail}`,
    ],
    [
      'localStorage role in layout',
      adminArea,
      `1. In AdminLayout.tsx check localStorage.role === 'admin' and redirect everyone else to /.\n2. GET /api/admin/users returns all users.\n3. The /admin page renders the list.${tail}`,
    ],
    [
      'billing tab for owners',
      billing,
      `1. The settings page only renders the Billing tab for owners, using the user object in Redux.\n2. PUT /api/billing updates the card with the payment provider.\n3. Show a success toast.${tail}`,
    ],
    [
      'angular guard on jwt claim',
      adminArea,
      `1. Angular route guard canActivate reads the role claim from the decoded JWT and blocks non-admins.\n2. Backend: GET /api/admin/users returns all users.\n3. The /admin page lists them.${tail}`,
    ],
    [
      'permissions on the front end',
      expenses,
      `1. Permissions are handled on the front end: the Approve button is disabled unless the user is a manager.\n2. POST /expenses/:id/approve marks the claim approved.\n3. Refresh the list after approving.${tail}`,
    ],
    [
      'req.body.role check',
      expenses,
      `1. The request includes role from the logged-in user's profile.\n2. POST /expenses/:id/approve checks req.body.role === 'manager' before approving, 403 otherwise.\n3. Managers see the Approve button.${tail}`,
    ],
    [
      'userId query param from state',
      addresses,
      `1. Pass the user's id from the React state as a query param (?userId=) and GET /api/addresses returns their saved addresses.\n2. DELETE /api/addresses/:id deletes the address.\n3. Refresh the list.${tail}`,
    ],
    [
      'admin=true header',
      adminArea,
      `1. The client sets an admin: true header for admins.\n2. The middleware lets requests with that header through to GET /api/admin/users, 403 otherwise.\n3. The /admin page lists the users.${tail}`,
    ],
    [
      'IDOR delete address',
      addresses,
      `1. GET /api/addresses returns the addresses of req.user.\n2. DELETE /api/addresses/:id deletes the address with that id.\n3. Remove the row from the list.${tail}`,
    ],
    [
      'IDOR conversation',
      messages,
      `1. GET /api/messages/:conversationId returns all messages of the conversation, oldest first.\n2. The chat page loads them on open.\n3. Empty conversations show "No messages".${tail}`,
    ],
    [
      'base64 password shown',
      billing,
      `1. Store the account password base64-encoded so we can show it on the profile page.\n2. Owners see the Billing tab; PUT /api/billing checks the owner role on the server (403 otherwise) and updates the card.\n3. Show a toast.${tail}`,
    ],
    [
      'admins see passwords',
      adminArea,
      `1. GET /api/admin/users (requireAdmin, 403 otherwise) returns all users including their passwords so support can help.\n2. The /admin page lists them.\n3. Only admins reach it.${tail}`,
    ],
    [
      'db.raw concat',
      search,
      `1. db.raw("SELECT * FROM products WHERE name ILIKE '%" + term + "%' ORDER BY name").\n2. Empty search returns the first 20 products sorted by name.\n3. Return JSON.${tail}`,
    ],
    [
      'search text added to where clause',
      search,
      `1. The search text is added to the WHERE clause as a string, then ORDER BY name.\n2. Empty search returns the first 20 products.\n3. Return JSON.${tail}`,
    ],
    [
      'execSync concat',
      search,
      `1. Nightly export: execSync("tar -czf " + req.body.name + ".tgz exports").\n2. GET /products?q= filters by name with a parameterised query, sorted by name; empty returns 20.\n3. Return JSON.${tail}`,
    ],
    [
      'sha1 hash of the password',
      billing,
      `1. Save the SHA1 hash of the password when owners change it.\n2. PUT /api/billing checks the owner role on the server (403 otherwise) and updates the card.\n3. Owners see the Billing tab.${tail}`,
    ],
  ];
  const secure: Array<[string, object, string]> = [
    [
      'isAdmin button + server',
      reports,
      `1. Wrap the Export button in ReportsPage.jsx in if (user.isAdmin).\n2. GET /api/reports/export checks req.user.isAdmin on the server and answers 403 otherwise, then streams the CSV.\n3. The button downloads the file.${tail}`,
    ],
    [
      'guard + api middleware',
      adminArea,
      `1. An Angular guard blocks non-admins from /admin for convenience.\n2. GET /api/admin/users is behind the adminOnly middleware and returns all users.\n3. The /admin page lists them.${tail}`,
    ],
    [
      'billing owner check',
      billing,
      `1. The settings page renders the Billing tab for owners.\n2. PUT /api/billing verifies that the session user is the account owner before updating the card.\n3. Show a toast.${tail}`,
    ],
    [
      'manager approve',
      expenses,
      `1. The Approve button is shown to managers only.\n2. POST /expenses/:id/approve is allowed for the manager role only (checked in the route), employees get 403.\n3. Refresh the list.${tail}`,
    ],
    [
      'addresses scoped',
      addresses,
      `1. GET /api/addresses returns the addresses of req.user.\n2. DELETE /api/addresses/:id deletes the address only if address.user_id equals req.user.id, otherwise 404.\n3. Remove the row.${tail}`,
    ],
    [
      'conversation membership',
      messages,
      `1. GET /api/messages/:conversationId first checks that req.user is a participant of the conversation (403 otherwise), then returns the messages oldest first.\n2. The chat page loads them on open.\n3. Empty conversations show "No messages".${tail}`,
    ],
    [
      'search params',
      search,
      `1. SELECT * FROM products WHERE name ILIKE $1 ORDER BY name with '%' || q || '%' bound as the parameter.\n2. Empty search returns the first 20 products sorted by name.\n3. Return JSON.${tail}`,
    ],
    [
      'admin header from gateway',
      adminArea,
      `1. The gateway verifies the JWT and adds an X-User-Role header; the service trusts only the gateway.\n2. GET /api/admin/users returns 403 unless that role is admin.\n3. The /admin page lists the users.${tail}`,
    ],
    [
      'block spam',
      search,
      `1. Block requests with more than 200 characters in q with a 400.\n2. GET /products?q= uses a parameterised ILIKE, sorted by name; empty returns the first 20.\n3. Return JSON.${tail}`,
    ],
  ];

  it.each(insecure)('rejects: %s', (_about, story, plan) => {
    const review = reviewPlan({ story, plan }, '');
    expect(review.verdict).toBe('wrongApproach');
    expect(review.score).toBeLessThanOrEqual(30);
  });

  it.each(secure)('keeps: %s', (_about, story, plan) => {
    expect(reviewPlan({ story, plan }, '').verdict).not.toBe('wrongApproach');
  });
});
