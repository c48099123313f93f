/**
 * Development cases for the plan reviewer on insecure plans (issue 13: none of five insecure plans was
 * rejected). Each insecure plan is otherwise complete (steps, tests, verification) so only the
 * security flaw can reject it; the secure controls mention the same words (password, SQL, API key,
 * role) the safe way and must not be rejected. Written before the rules were changed; first figures
 * are in generalise-plan.test.ts.
 */
interface StoryInput {
  title: string;
  description: string;
  acceptanceCriteria: string[];
}

export interface PlanCase {
  group: 'insecure' | 'secureControl';
  /** What the plan gets wrong (insecure) or does right (control). */
  about: string;
  story: StoryInput;
  plan: string;
}

const signup: StoryInput = {
  title: 'Sign up and log in',
  description: 'Visitors create an account with email and password and log in later.',
  acceptanceCriteria: [
    'A visitor signs up with an email and a password of at least 10 characters',
    'A registered user logs in with the same email and password',
    'A wrong password shows "Invalid email or password"',
  ],
};

const search: StoryInput = {
  title: 'Product search',
  description: 'Shoppers search products by name.',
  acceptanceCriteria: [
    'GET /products?q= returns products whose name contains the search text',
    'An empty search returns the first 20 products',
    'Results are sorted by name',
  ],
};

const thumbnails: StoryInput = {
  title: 'Thumbnails for uploaded images',
  description: 'Each uploaded image gets a 200 px thumbnail.',
  acceptanceCriteria: [
    'Uploading an image creates a 200 px wide thumbnail next to it',
    'The thumbnail URL is returned in the upload response',
    'Files that are not images are rejected with 400',
  ],
};

const admin: StoryInput = {
  title: 'Admins delete users',
  description: 'Administrators can remove spam accounts.',
  acceptanceCriteria: [
    'Admins see a Delete button on each user row',
    'DELETE /users/:id removes the user',
    'Non-admins cannot delete users',
  ],
};

const payments: StoryInput = {
  title: 'Card payments with the payment provider',
  description: 'Checkout charges the card through the payment provider API.',
  acceptanceCriteria: [
    'Checkout creates a charge for the cart total',
    'A declined card shows the reason',
    'A successful charge marks the order as paid',
  ],
};

const tail = (checks: string) =>
  `\n4. Tests: ${checks}\n5. Run the tests, lint and type check, then open a pull request`;

export const generalisePlanCases: PlanCase[] = [
  {
    group: 'insecure',
    about: 'stores and emails plain-text passwords',
    story: signup,
    plan: `1. Add a users table with email and password columns and save the password as the user typed it so support can read it
2. POST /signup checks the password has at least 10 characters and inserts the row
3. POST /login compares the submitted password with the stored one; on mismatch show "Invalid email or password", and email users their password when they click "forgot"${tail('signup, short password, login, wrong password')}`,
  },
  {
    group: 'insecure',
    about: 'SQL built from the query string',
    story: search,
    plan: `1. In products.ts build the query as "SELECT * FROM products WHERE name LIKE '%" + req.query.q + "%' ORDER BY name"
2. When q is empty run the same query with LIMIT 20
3. Return the rows as JSON from GET /products${tail('match by name, empty search returns 20, sorted by name')}`,
  },
  {
    group: 'insecure',
    about: 'shell command built from the uploaded file name',
    story: thumbnails,
    plan: `1. In upload.ts save the file, then run exec(\`convert \${req.file.originalname} -resize 200 thumb_\${req.file.originalname}\`) to make the thumbnail
2. Return the thumbnail URL in the upload response
3. Reject files whose mimetype is not image/* with 400${tail('image upload creates a thumbnail, URL in response, non-image returns 400')}`,
  },
  {
    group: 'insecure',
    about: 'authorisation checked only in the browser',
    story: admin,
    plan: `1. In UserRow.tsx show the Delete button only when the logged-in user's role is admin
2. Add DELETE /users/:id that removes the user; no role check is needed on the server because non-admins never see the button
3. Call the endpoint from the button's click handler${tail('admin sees the button, delete removes the user, non-admin does not see the button')}`,
  },
  {
    group: 'insecure',
    about: 'secret key shipped to the browser and committed',
    story: payments,
    plan: `1. Paste the provider's secret API key into checkout.js so the browser calls the charge API directly, and commit it so the rest of the team has it
2. Create the charge for the cart total and show the decline reason when the card is declined
3. Mark the order as paid when the charge succeeds${tail('successful charge, declined card shows the reason, order marked as paid')}`,
  },
  {
    group: 'insecure',
    about: 'admin flag trusted from localStorage',
    story: admin,
    plan: `1. After login save isAdmin in localStorage
2. Show the Delete button when localStorage isAdmin is true, and let DELETE /users/:id trust an isAdmin field sent in the request body
3. Remove the user in the handler${tail('admin deletes a user, non-admin gets no button')}`,
  },
  {
    group: 'insecure',
    about: 'logs the password in plain text',
    story: signup,
    plan: `1. POST /signup validates the password length (at least 10) and stores a bcrypt hash
2. Log every login request body, including the password, to the console so failed logins are easy to debug
3. POST /login compares with bcrypt.compare and shows "Invalid email or password" on mismatch${tail('signup, short password, login, wrong password')}`,
  },
  {
    group: 'insecure',
    about: 'database password hard-wired in the repository',
    story: search,
    plan: `1. Put the production database password directly in db.ts and push it to the repository
2. GET /products uses a parameterised query with name ILIKE $1 ordered by name, LIMIT 20 when q is empty
3. Return the rows as JSON${tail('match by name, empty search returns 20, sorted by name')}`,
  },
  // Secure plans using the same words.
  {
    group: 'secureControl',
    about: 'hashes passwords, never stores plain text',
    story: signup,
    plan: `1. Add a users table with email and password_hash; hash the password with bcrypt, never store it in plain text
2. POST /signup rejects passwords shorter than 10 characters with 400
3. POST /login checks the hash with bcrypt.compare and shows "Invalid email or password" on mismatch${tail('signup, short password, login, wrong password, unknown email')}`,
  },
  {
    group: 'secureControl',
    about: 'parameterised query instead of concatenation',
    story: search,
    plan: `1. In products.ts query with a parameterised statement (name ILIKE $1) instead of concatenating req.query.q into the SQL
2. When q is empty return the first 20 products with LIMIT 20
3. Order the results by name in GET /products${tail('match by name, empty search returns 20, sorted by name, quotes in the search text')}`,
  },
  {
    group: 'secureControl',
    about: 'server-side role check, client only hides the button',
    story: admin,
    plan: `1. Add requireAdmin middleware that checks the session user's role on the server and returns 403 otherwise
2. DELETE /users/:id uses requireAdmin and removes the user
3. UserRow.tsx hides the Delete button for non-admins, only for convenience; the server check is what protects it${tail('admin deletes, non-admin gets 403, unknown id returns 404')}`,
  },
  {
    group: 'secureControl',
    about: 'secret key from the environment, on the server',
    story: payments,
    plan: `1. Read the provider's secret key from an environment variable on the server, never commit it or send it to the browser
2. POST /checkout creates the charge for the cart total and returns the decline reason when the card is declined
3. Mark the order as paid when the charge succeeds${tail('successful charge, declined card shows the reason, order marked as paid')}`,
  },
  {
    group: 'secureControl',
    about: 'spawns the converter with an argument array',
    story: thumbnails,
    plan: `1. In upload.ts save the file under a generated name and run execFile('convert', [path, '-resize', '200', thumbPath]) with an argument array, so the file name never reaches a shell
2. Return the thumbnail URL in the upload response
3. Reject files whose mimetype is not image/* with 400${tail('image upload creates a thumbnail, URL in response, non-image returns 400')}`,
  },
  // Added after the eval run showed two false alarms: "login" is not "log", and a server-side secret
  // the server must read back (a TOTP seed) may be stored.
  {
    group: 'secureControl',
    about: 'logs in, never logs the password',
    story: signup,
    plan: `1. POST /signup rejects passwords shorter than 10 characters and stores a bcrypt hash
2. In the login handler, before checking the password, look the user up by email
3. Compare with bcrypt.compare and show "Invalid email or password" on mismatch${tail('signup, short password, login, wrong password')}`,
  },
  {
    group: 'secureControl',
    about: 'stores a TOTP secret on the server',
    story: signup,
    plan: `1. POST /signup rejects passwords shorter than 10 characters and stores a bcrypt hash
2. Generate a TOTP secret with otplib and store the secret in the users table, encrypted with a key from the environment
3. At login compare the password with bcrypt.compare, then verify the 6-digit code; show "Invalid email or password" on mismatch${tail('signup, short password, login, wrong password, wrong code')}`,
  },
];
