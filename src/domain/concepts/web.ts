import type { Concept } from './concept.ts';

export const webConcepts: Concept[] = [
  {
    id: 'pagination',
    name: 'Pagination (limit/offset and cursors)',
    keywords: [
      'pagination',
      'paginate',
      'page size',
      'limit',
      'offset',
      'cursor',
      'next page',
      'per page',
      'infinite scroll',
    ],
    explanation: {
      beginner:
        'Pagination means sending a long list in small pieces (pages) instead of all at once. The client asks for "page 2, 10 items per page" and the server returns just those items plus enough information to ask for the next page.',
      intermediate:
        'Offset pagination (`limit`, `offset`) is simple but slow on large offsets and unstable when rows are inserted; cursor pagination returns a token (e.g. the last sort key) to continue from. Always sort by a unique, stable key and validate the page size.',
      advanced:
        'Keyset pagination on an indexed, unique ordering gives O(log n) page fetches and stable results; encode cursors opaquely, cap limits, and decide how totals are computed (exact counts are expensive).',
    },
    example: {
      language: 'ts',
      code: "const letters = ['a', 'b', 'c', 'd', 'e'];\nconst pageSize = 2;\nconst page = 1; // zero-based\nconst items = letters.slice(page * pageSize, page * pageSize + pageSize); // ['c', 'd']",
      caption: 'The idea on an in-memory list: a page is a slice at a computed start.',
    },
    checkQuestion: 'Why must results be sorted by a stable, unique key for pagination to work?',
    hints: [
      'What information does a client need to ask for the next piece of the list?',
      'Which parameters will the request carry, what are their defaults and limits, and what happens at the last page?',
      'List the cases to test: first page, a middle page, the last partial page, an empty result, and invalid parameters.',
    ],
    pitfalls: [
      'Unstable ordering',
      'No upper bound on page size',
      'Off-by-one between page numbers and offsets',
    ],
  },
  {
    id: 'http-rest',
    name: 'HTTP requests, status codes and REST',
    keywords: [
      'http',
      'rest',
      'endpoint',
      'status code',
      'get request',
      'post request',
      'route',
      'api',
      '404',
      '400',
      '500',
      'request body',
      'query parameter',
      'json response',
    ],
    explanation: {
      beginner:
        'A web API is a set of addresses (endpoints). The client sends a request (method like GET or POST, a path, maybe a body) and the server answers with a status code (200 OK, 404 Not Found, 400 Bad Request, 500 Server Error) and usually JSON.',
      intermediate:
        'Use methods for their meaning (GET reads, POST creates, PUT/PATCH update, DELETE removes), validate input at the edge and answer 4xx for client mistakes, 5xx only for server faults. Query parameters filter and page; the body carries data to create or change.',
      advanced:
        'Keep handlers thin, make error bodies consistent, design for idempotency (PUT, idempotency keys), and version or extend responses compatibly.',
    },
    example: {
      language: 'http',
      code: 'GET /books?author=ada HTTP/1.1\n\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n[{ "title": "Notes" }]',
      caption: 'A read request with a query parameter and its JSON answer.',
    },
    checkQuestion: 'Should a request with a missing required field get a 400 or a 500, and why?',
    hints: [
      'Which request exactly does the client send, and what should come back?',
      'Try the request by hand (curl or a test) and compare status and body with what you expect.',
      'Check the route, the method, the parameter parsing and the status you return for each case.',
    ],
    pitfalls: ['Returning 200 for errors', '500 for bad input', 'Not validating query parameters'],
  },
  {
    id: 'cors',
    name: 'CORS (cross-origin requests)',
    keywords: [
      'cors',
      'access-control-allow-origin',
      'cross-origin',
      'preflight',
      'blocked by cors',
    ],
    explanation: {
      beginner:
        'Browsers block a page from one address (origin) reading responses from another unless the server says it is allowed. That permission is the `Access-Control-Allow-Origin` header set by the server, not something the page can fix.',
      intermediate:
        'CORS is enforced by the browser from response headers; non-simple requests send an OPTIONS preflight first. Configure allowed origins, methods and headers on the server; curl is unaffected.',
      advanced:
        'Avoid wildcard origins with credentials, cache preflights with Access-Control-Max-Age, and remember a dev proxy can sidestep CORS locally.',
    },
    example: {
      language: 'http',
      code: 'HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: http://localhost:5173',
      caption: 'The server allows one specific origin to read the response.',
    },
    checkQuestion: 'Why does the same request work from curl but fail from the browser?',
    hints: [
      'Does the request fail in the browser only, or also from curl?',
      'Look at the response headers of the failing request in the network tab.',
      'Configure the server to allow the page origin (and preflight methods/headers).',
    ],
    pitfalls: ['Trying to fix CORS in the frontend', 'Allowing * with credentials'],
  },
  {
    id: 'sql-queries',
    name: 'SQL queries (filtering, joins, ordering)',
    keywords: [
      'sql',
      'select',
      'join',
      'where',
      'order by',
      'group by',
      'query',
      'database table',
      'relation',
      'column',
      'index',
    ],
    explanation: {
      beginner:
        'SQL asks a database for rows: `SELECT` which columns, `FROM` which table, `WHERE` which rows, `ORDER BY` in which order. A `JOIN` combines rows of two tables that belong together, like orders and their customers.',
      intermediate:
        'Filter in the database rather than in application code; join on keys; always `ORDER BY` when the order matters (it is not guaranteed otherwise); add indexes for columns you filter or sort on.',
      advanced:
        'Read EXPLAIN plans, watch N+1 query patterns, pick isolation levels deliberately and keep transactions short.',
    },
    example: {
      language: 'sql',
      code: "SELECT name, city FROM people WHERE city = 'Oslo' ORDER BY name;",
      caption: 'Choose columns, filter rows, then sort.',
    },
    checkQuestion: 'Without ORDER BY, in what order does a database return rows?',
    hints: [
      'Which rows do you want, from which table, in which order?',
      'Run the query alone in a SQL console and compare with what you expect.',
      'Build it clause by clause: FROM, then WHERE, then ORDER BY, checking the result each time.',
    ],
    pitfalls: [
      'Relying on implicit order',
      'Filtering in code after fetching everything',
      'N+1 queries',
    ],
  },
  {
    id: 'sql-injection',
    name: 'Parameterised queries and SQL injection',
    keywords: [
      'sql injection',
      'parameterized',
      'parameterised',
      'prepared statement',
      'string concatenation',
      'placeholder',
      '$1',
    ],
    explanation: {
      beginner:
        'If you build SQL by gluing user text into the query string, a user can type SQL that changes your query. Use placeholders (`$1`, `?`) and pass values separately; the database then treats them as data, never as SQL.',
      intermediate:
        'Always pass user input as parameters; identifiers (column names for sorting) cannot be parameters, so map them through an allow-list.',
      advanced:
        'Parameterisation also enables plan caching; for dynamic SQL use query builders or strict allow-lists, and least-privilege database roles.',
    },
    example: {
      language: 'ts',
      code: "await db.query('SELECT * FROM pets WHERE name = $1', [nameFromUser]);",
      caption: 'The value travels separately from the SQL text.',
    },
    checkQuestion:
      'Why can a sort column name not be passed as a query parameter, and what do you do instead?',
    hints: [
      'Where does user input enter your SQL text?',
      'Could that input contain a quote or SQL keywords? What would the query become?',
      'Replace concatenated values with placeholders and an allow-list for identifiers.',
    ],
    pitfalls: ['Template strings in SQL', 'Unvalidated ORDER BY columns'],
  },
  {
    id: 'input-validation',
    name: 'Input validation',
    keywords: [
      'validation',
      'validate',
      'schema',
      'zod',
      'invalid input',
      'sanitize',
      'bad request',
      'parse input',
    ],
    explanation: {
      beginner:
        'Never trust data that comes from outside (users, requests, files). Check it has the right type and range before using it, and answer with a clear message when it does not.',
      intermediate:
        'Validate once at the boundary with a schema (types, ranges, defaults), then work with the parsed value. Report which field is wrong.',
      advanced:
        'Parse, do not validate: turn unknown input into typed values at the edge, keep invariants in types, and make error responses consistent.',
    },
    example: {
      language: 'ts',
      code: "const n = Number(input);\nif (!Number.isInteger(n) || n < 1 || n > 100) throw new Error('size must be an integer from 1 to 100');",
      caption: 'Check type and range, and say what is allowed.',
    },
    checkQuestion: 'What should happen when a request sends `size=-5`?',
    hints: [
      'Which inputs come from outside, and what values are allowed for each?',
      'What should the caller get back when a value is out of range or missing?',
      'Validate at the entry point and write one test per invalid case.',
    ],
    pitfalls: [
      'Validating deep inside business logic',
      'Silent clamping without telling the caller',
    ],
  },
  {
    id: 'ports-networking',
    name: 'Ports, hosts and connections',
    keywords: [
      'port',
      'localhost',
      'econnrefused',
      'eaddrinuse',
      'address already in use',
      'connection refused',
      'host',
      'listen',
    ],
    explanation: {
      beginner:
        'A server listens on a port (a numbered door) on a host. "Connection refused" means nothing is listening at that address; "address already in use" means another program already holds that port.',
      intermediate:
        'Check that the target service is running and listening on the host/port your config points to (`localhost` vs container names, IPv4 vs IPv6). Free a busy port by stopping the other process or choosing another port.',
      advanced:
        'Bind explicitly, make ports configurable, use port 0 in tests, and health-check dependencies at startup with clear errors.',
    },
    example: {
      language: 'sh',
      code: 'lsof -i :3000   # who is listening on port 3000?',
      caption: 'Find the process that holds a port.',
    },
    checkQuestion:
      'What is the difference between "connection refused" and "address already in use"?',
    hints: [
      'Is the program you connect to actually running right now?',
      'Which host and port does your code use, and which does the service listen on?',
      'Start the service or fix the configured address; for a busy port, stop the other process or change the port.',
    ],
    pitfalls: [
      'Service not started',
      'Wrong host inside containers',
      'Two dev servers on one port',
    ],
  },
];
