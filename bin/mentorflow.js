#!/usr/bin/env node
// mentorflow runs its TypeScript sources directly (Node >= 22.18 strips types natively), so there is
// no build step. Check the version first so an old Node fails with a clear message, not a SyntaxError.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `mentorflow: Node ${process.versions.node} is too old; it needs Node >= 22.18. ` +
      'Run it through npm (npm start, npx mentorflow …), which uses the Node 24 installed as a dependency.',
  );
  process.exit(1);
}
await import('../src/config/normalise-env.ts');
await import('../src/cli/main.ts');
