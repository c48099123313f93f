/**
 * A second round of plan-review development cases, for insecure classes found while writing the first
 * round (generalise-plan-cases.ts): passwords hashed with a fast or broken hash, tokens read without
 * checking their signature, a security check switched off, a secret in a URL. Written before the
 * rules were changed for them, with secure controls naming the same things. Figures in
 * generalise-plan.test.ts.
 */
import type { PlanCase } from './generalise-plan-cases.ts';

const signup = {
  title: 'Sign up and log in',
  description: 'Visitors create an account with email and password and log in later.',
  acceptanceCriteria: [
    'A visitor signs up with an email and a password of at least 10 characters',
    'A registered user logs in with the same email and password',
    'A wrong password shows "Invalid email or password"',
  ],
};

const profile = {
  title: 'Profile API behind a token',
  description: 'The mobile app reads the profile with the token it got at login.',
  acceptanceCriteria: [
    'GET /profile returns the profile of the user in the token',
    'A missing or invalid token returns 401',
    'A form on the web profile page updates the display name',
  ],
};

const tail = (checks: string) =>
  `\n4. Tests: ${checks}\n5. Run the tests, lint and type check, then open a pull request`;

export const generalisePlanCases2: PlanCase[] = [
  {
    group: 'insecure',
    about: 'passwords hashed with md5',
    story: signup,
    plan: `1. POST /signup rejects passwords shorter than 10 characters and stores md5(password) in the users table
2. POST /login hashes the submitted password with md5 and compares it with the stored hash
3. On mismatch show "Invalid email or password"${tail('signup, short password, login, wrong password')}`,
  },
  {
    group: 'insecure',
    about: 'passwords hashed with plain sha256',
    story: signup,
    plan: `1. Hash the password with a single SHA-256 (crypto.createHash('sha256')) and store the hex digest
2. POST /login compares the SHA-256 of the submitted password with the stored digest
3. On mismatch show "Invalid email or password"${tail('signup, short password, login, wrong password')}`,
  },
  {
    group: 'insecure',
    about: 'token decoded without verifying the signature',
    story: profile,
    plan: `1. In the auth middleware read the Authorization header and use jwt.decode(token) to get the user id, no need to verify the signature since we issued it
2. GET /profile loads the user by that id; a missing token returns 401
3. The profile form posts the new display name${tail('profile returned, missing token 401, display name updated')}`,
  },
  {
    group: 'insecure',
    about: 'CSRF protection switched off',
    story: profile,
    plan: `1. GET /profile verifies the JWT with jwt.verify and returns the user's profile, 401 when missing or invalid
2. Disable CSRF protection on the profile form because the csurf middleware kept rejecting the POST
3. The form posts the new display name${tail('profile returned, invalid token 401, display name updated')}`,
  },
  {
    group: 'insecure',
    about: 'token passed in the URL',
    story: profile,
    plan: `1. The app calls GET /profile?token=<jwt> with the token in the query string so it is easy to test in the browser
2. The handler verifies the token from req.query.token and returns 401 when it is missing or invalid
3. The profile form posts the new display name${tail('profile returned, invalid token 401, display name updated')}`,
  },
  {
    group: 'secureControl',
    about: 'bcrypt instead of md5',
    story: signup,
    plan: `1. POST /signup rejects passwords shorter than 10 characters and stores a bcrypt hash (cost 12), never md5 or sha256
2. POST /login compares with bcrypt.compare
3. On mismatch show "Invalid email or password"${tail('signup, short password, login, wrong password')}`,
  },
  {
    group: 'secureControl',
    about: 'verifies the token signature',
    story: profile,
    plan: `1. The auth middleware takes the token from the Authorization header and checks it with jwt.verify (signature and expiry), not jwt.decode
2. GET /profile returns the profile of that user; a missing or invalid token returns 401
3. The profile form posts the new display name with the CSRF token${tail('profile returned, invalid token 401, expired token 401, display name updated')}`,
  },
  {
    group: 'secureControl',
    about: 'checksum with sha256 that is not a password',
    story: profile,
    plan: `1. GET /profile verifies the JWT with jwt.verify and returns 401 when missing or invalid
2. Compute a sha256 ETag of the profile JSON so the app can cache it
3. The profile form posts the new display name${tail('profile returned, invalid token 401, ETag changes with the name')}`,
  },
];
