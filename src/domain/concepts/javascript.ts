import type { Concept } from './concept.ts';

export const javascriptConcepts: Concept[] = [
  {
    id: 'async-await',
    name: 'Promises and async/await',
    keywords: [
      'promise',
      'async',
      'await',
      'pending',
      'then(',
      '.then',
      'asynchronous',
      'callback',
      'unhandled rejection',
      'race condition',
    ],
    explanation: {
      beginner:
        'Some work (reading a file, calling a server) takes time. Instead of waiting, JavaScript gives you a Promise: a box that will hold the result later. Writing `await` in front of it pauses your async function until the box is filled, so the next line can use the real value.',
      intermediate:
        'A Promise represents a value that settles later (fulfilled or rejected). `async` functions always return a Promise; `await` suspends the function until the Promise settles and throws if it rejects, so wrap awaited calls in try/catch where you can handle the failure. Forgetting `await` gives you the Promise object instead of its value.',
      advanced:
        'Promises settle once; `await` yields to the microtask queue. Watch for sequential awaits that could run concurrently (`Promise.all`), floating promises (no await, no catch) and rejections escaping request handlers.',
    },
    example: {
      language: 'ts',
      code: "async function greet(): Promise<string> {\n  const name = await Promise.resolve('Ada');\n  return `Hello, ${name}`;\n}",
      caption: 'Without `await`, `name` would be a Promise, not the string.',
    },
    checkQuestion:
      'What does a function marked `async` return, even when its body returns a plain string?',
    hints: [
      'Where in your code does a value arrive later than the line that uses it?',
      'Log the value you are using: is it the data itself or a Promise wrapping it?',
      'Make the function that uses the value `async`, wait for the Promise before using it, and handle the rejected case.',
    ],
    pitfalls: [
      'Using a value before awaiting it',
      'forEach with async callbacks does not wait',
      'Missing catch on a rejected promise',
    ],
  },
  {
    id: 'null-undefined',
    name: 'null, undefined and optional values',
    keywords: [
      'undefined',
      'null',
      'cannot read properties of undefined',
      'cannot read property',
      'is not defined',
      'optional chaining',
      '?.',
      'nullish',
    ],
    explanation: {
      beginner:
        '`undefined` means "nothing was put here yet" and `null` means "deliberately empty". If you try to read a property of either (like `user.name` when `user` is undefined) the program stops with an error. Check that the value exists before you use it.',
      intermediate:
        'Most "cannot read properties of undefined" errors come from data that has not arrived, a misspelt key, or a function that returned nothing. Trace the value back to where it is created; guard with `?.` / `??` only where absence is legitimate, and fix the source where it is not.',
      advanced:
        'Model absence in types (`T | undefined`) so the compiler forces handling; narrow early, and prefer fixing the producer over sprinkling optional chaining at consumers.',
    },
    example: {
      language: 'ts',
      code: 'const config: { port?: number } = {};\nconst port = config.port ?? 3000; // default when missing',
      caption: '`??` supplies a default only when the value is null or undefined.',
    },
    checkQuestion:
      'In `a?.b.c`, what happens when `a` is undefined, and what happens when `a.b` is undefined?',
    hints: [
      'Which variable in the failing line is empty at that moment?',
      'Follow that variable back to where it gets its value: does that code always run before this line?',
      'Decide whether the value may legitimately be missing; if yes handle that case explicitly, if not fix where it is produced.',
    ],
    pitfalls: [
      'Guarding everything with ?. and hiding the real bug',
      'Misspelt property names',
      'Functions that forget to return',
    ],
  },
  {
    id: 'array-methods',
    name: 'Array methods (map, filter, reduce, slice)',
    keywords: [
      'map(',
      'filter(',
      'reduce(',
      'slice(',
      'splice',
      'array',
      'foreach',
      'for loop',
      'iterate',
      'list of',
    ],
    explanation: {
      beginner:
        'Arrays come with helpers: `map` turns each item into something new, `filter` keeps only the items you want, and `slice` copies a part of the list. They return a new array and leave the original alone.',
      intermediate:
        '`map`/`filter`/`slice` are non-mutating; `splice`/`sort`/`reverse` mutate in place. `reduce` folds a list into one value. Chaining keeps each step small and testable.',
      advanced:
        'Mind mutation (`sort` in place), complexity of chained passes on large inputs, and `reduce` readability; prefer explicit loops when early exit matters.',
    },
    example: {
      language: 'ts',
      code: 'const scores = [3, 8, 5];\nconst passed = scores.filter((s) => s >= 5).map((s) => s * 10);\n// passed is [80, 50]; scores is unchanged',
      caption: 'Each method returns a new array, so they chain.',
    },
    checkQuestion: 'Which of map, filter, slice and sort changes the original array?',
    hints: [
      'Describe in words what should happen to each item of the list.',
      'Is that "transform each", "keep some" or "take a part"? Each has its own array method.',
      'Write the steps one method at a time and log the intermediate arrays to check each step.',
    ],
    pitfalls: [
      'Mutating with sort/splice by accident',
      'Returning nothing from a map callback',
      'Off-by-one in slice end index',
    ],
  },
  {
    id: 'closures-scope',
    name: 'Scope and closures',
    keywords: [
      'closure',
      'scope',
      'hoisting',
      'let',
      'var',
      'const',
      'shadow',
      'is not defined',
      'referenceerror',
    ],
    explanation: {
      beginner:
        'A variable only exists inside the block `{ }` where it was declared. A function remembers the variables around it when it was created; that memory is called a closure.',
      intermediate:
        '`let`/`const` are block-scoped, `var` is function-scoped and hoisted. Closures capture variables, not values, so a callback created in a loop sees the variable as it is when the callback runs.',
      advanced:
        'Closures keep captured objects alive (memory), and captured mutable state is shared between all closures of the same scope; prefer passing values explicitly.',
    },
    example: {
      language: 'ts',
      code: 'function counter() {\n  let n = 0;\n  return () => ++n;\n}\nconst next = counter();\nnext(); // 1\nnext(); // 2',
      caption: 'The returned function keeps access to `n`.',
    },
    checkQuestion: 'Why can the returned function still change `n` after `counter()` has returned?',
    hints: [
      'Where is the variable declared, and where are you trying to use it?',
      'Is the place you use it inside the same block or function as the declaration?',
      'Move the declaration to the smallest scope that contains every use, or pass the value in as a parameter.',
    ],
    pitfalls: [
      'Using var in loops with callbacks',
      'Shadowing an outer variable with the same name',
    ],
  },
  {
    id: 'modules-imports',
    name: 'Modules and imports',
    keywords: [
      'import',
      'export',
      'require',
      'module',
      'esm',
      'commonjs',
      'default export',
      'named export',
      'cannot find module',
      'module not found',
      'err_require_esm',
    ],
    explanation: {
      beginner:
        'Each file is a module. A file shares things with `export`, and another file takes them with `import`. The path in an import must point at the real file, and the names must match what was exported.',
      intermediate:
        'Relative imports (`./x`) resolve from the importing file; bare imports (`express`) resolve from node_modules, so they need the package installed. Named and default exports are imported differently; ESM and CommonJS mix only with care.',
      advanced:
        'Resolution depends on `type`, `exports` maps and the module resolution setting; circular imports see partially initialised modules; keep side effects out of module top level.',
    },
    example: {
      language: 'ts',
      code: "// math.ts\nexport function double(x: number) {\n  return x * 2;\n}\n// app.ts\nimport { double } from './math.ts';",
      caption: 'The name in braces must match the exported name.',
    },
    checkQuestion:
      "What is the difference between `import x from 'lib'` and `import { x } from 'lib'`?",
    hints: [
      'Is the module you import one of your own files or a package?',
      'For your own file: does the path match the file location from the importing file? For a package: is it installed?',
      'Compare the import line with the export line of the target: same name, same kind (named or default)?',
    ],
    pitfalls: [
      'Wrong relative path depth',
      'Package not installed',
      'Default vs named import mix-up',
    ],
  },
  {
    id: 'error-handling',
    name: 'Error handling (try/catch, errors as values)',
    keywords: [
      'try',
      'catch',
      'throw',
      'exception',
      'error handling',
      'finally',
      'stack trace',
      'uncaught',
    ],
    explanation: {
      beginner:
        'When something goes wrong, code can `throw` an error. Wrapping code in `try { } catch (error) { }` lets you decide what to do instead of crashing. The stack trace tells you which line the error came from.',
      intermediate:
        'Catch errors where you can do something useful (retry, default, user message); otherwise let them propagate. Never swallow errors silently; keep the original as `cause` when re-throwing.',
      advanced:
        'Design error types with stable codes, map them once at the boundary (HTTP, CLI), and distinguish expected failures (validation) from bugs.',
    },
    example: {
      language: 'ts',
      code: 'function parseAge(text: string): number {\n  const n = Number(text);\n  if (Number.isNaN(n)) throw new Error(`not a number: ${text}`);\n  return n;\n}',
      caption: 'Throw with a message that says what was wrong with which value.',
    },
    checkQuestion:
      'Where should an error be caught: where it happens, or where something useful can be done about it? Why?',
    hints: [
      'Read the first line of the stack trace that points into your own code. What was the code doing there?',
      'What input or state made that line fail? Can you reproduce it with one small call?',
      'Decide who should handle this failure and what the user should see; handle it there, and keep the original error as the cause.',
    ],
    pitfalls: ['Empty catch blocks', 'Catching too broadly', 'Losing the original error'],
  },
  {
    id: 'typescript-types',
    name: 'TypeScript types and narrowing',
    keywords: [
      'typescript',
      'type',
      'interface',
      'not assignable',
      'ts2322',
      'ts2345',
      'ts2339',
      'error ts',
      'generic',
      'narrowing',
      'union',
      'any',
      'does not exist on type',
    ],
    explanation: {
      beginner:
        'TypeScript checks that values have the shape you said they would. An error like "Type X is not assignable to type Y" means you put a value where a different kind of value was expected. Read both types in the message: they tell you what is different.',
      intermediate:
        'Type errors compare the type you have with the type expected. Narrow unions with checks (`typeof`, `in`, discriminant fields) before using members; fix the data shape rather than casting with `as`.',
      advanced:
        'Prefer inference and discriminated unions; `as` and `any` turn compile-time errors into runtime ones. Generics should be constrained to what the body uses.',
    },
    example: {
      language: 'ts',
      code: "type Shape = { kind: 'circle'; r: number } | { kind: 'square'; side: number };\nfunction area(s: Shape) {\n  return s.kind === 'circle' ? Math.PI * s.r ** 2 : s.side ** 2;\n}",
      caption: 'Checking `kind` narrows the union so each branch sees the right fields.',
    },
    checkQuestion: 'Why does TypeScript let you read `s.r` only after checking `s.kind`?',
    hints: [
      'Read the error message slowly: which type do you have and which is expected?',
      'Find where the value gets its type. Is the declaration, the data, or the expectation wrong?',
      'Change the one that is wrong (often a missing field or an unchecked union) instead of casting the error away.',
    ],
    pitfalls: ['Silencing errors with as/any', 'Optional fields used without checks'],
  },
  {
    id: 'recursion',
    name: 'Recursion',
    keywords: [
      'recursion',
      'recursive',
      'maximum call stack',
      'stack overflow',
      'base case',
      'tree traversal',
    ],
    explanation: {
      beginner:
        'A recursive function calls itself on a smaller piece of the problem. It needs a base case: a simple input where it stops calling itself. Without one it never ends and crashes with "maximum call stack size exceeded".',
      intermediate:
        'Each call must make progress toward the base case. Recursion fits nested data (trees, folders); deep inputs may overflow the stack, where an explicit loop with a stack works better.',
      advanced:
        'JavaScript engines do not do tail-call elimination in practice; convert deep recursion to iteration, and memoise overlapping sub-problems.',
    },
    example: {
      language: 'ts',
      code: 'function sum(list: number[]): number {\n  if (list.length === 0) return 0; // base case\n  return list[0]! + sum(list.slice(1));\n}',
      caption: 'Every call works on a shorter list, so it reaches the empty list.',
    },
    checkQuestion: 'What are the two things every recursive function needs?',
    hints: [
      'What is the smallest input for which you know the answer immediately?',
      'Does every call get closer to that smallest input?',
      'Write the base case first, then the step that reduces the problem by one piece.',
    ],
    pitfalls: ['Missing base case', 'Not shrinking the input'],
  },
];
