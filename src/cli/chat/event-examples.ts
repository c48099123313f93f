/**
 * `/help` in the chat: every event a session accepts, with an example the learner can paste. Typed
 * by the schema's event types, so a new event type without an example does not compile; a unit test
 * checks every example against its schema.
 */
import type { DomainEventType } from '../../sessions/event-schemas.ts';

export const eventExamples: Record<DomainEventType, { example: string; what: string }> = {
  'learner-message': {
    example: '{"text":"the tests pass now"}',
    what: 'a chat message (what you type without a slash)',
  },
  'help-request': { example: '{"topic":"pagination offset"}', what: 'ask for help (/hint)' },
  research: {
    example: '{"query":"sql limit offset","url":"https://www.postgresql.org/docs/"}',
    what: 'you read documentation or searched',
  },
  'test-run': {
    example: '{"failed":1,"passed":11,"failures":[{"name":"cart > empty total is 0"}]}',
    what: 'a test run (/report npx vitest run sends the real one)',
  },
  build: {
    example: '{"success":false,"errors":["src/cart.ts(3,7): error TS2322"]}',
    what: 'a build (/report npm run build)',
  },
  lint: { example: '{"errorCount":0,"warningCount":2}', what: 'ESLint (/report npx eslint .)' },
  typecheck: { example: '{"errorCount":0}', what: 'tsc (/report npx tsc --noEmit)' },
  coverage: {
    example: '{"lines":93.5}',
    what: 'line coverage in % (/report npx vitest run --coverage)',
  },
  'security-scan': {
    example: '{"counts":{"high":0,"moderate":1}}',
    what: 'npm audit by severity (/report npm audit)',
  },
  commit: {
    example: '{"sha":"a1b2c3d","message":"Sum the cart","diffHash":"9f2c…"}',
    what: 'a commit (mentorflow hooks install sends these)',
  },
  'review-feedback': {
    example: '{"decision":"approved","prUrl":"https://git.example/pull/7"}',
    what: 'code review: submitted, approved, minor-changes, major-changes, questions, merged',
  },
  'mentor-message': {
    example: '{"text":"Good progress, keep going","by":"maria"}',
    what: 'a human mentor writes in the session (operators)',
  },
  pause: { example: '{"reason":"lunch"}', what: 'pause the session (/pause)' },
  resume: { example: '{}', what: 'resume it (/resume)' },
  cancel: { example: '{"reason":"story dropped"}', what: 'stop the session for good' },
  timeout: { example: '{}', what: "the story machine's own timeout (timers send these)" },
};
