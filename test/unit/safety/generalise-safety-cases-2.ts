/**
 * A second round of session-safety development cases, for classes found while writing the first
 * (generalise-safety-cases.ts): warning signs said indirectly (giving things away, not being around
 * much longer, saying goodbye), threats at work, and going without food or sleep for the work; with
 * everyday look-alikes that must stay quiet. Written before the rules were changed for them. Figures
 * in generalise-safety.test.ts.
 */
import type { SafetyDevCase } from './generalise-safety-cases.ts';

export const generaliseSafetyCases2: SafetyDevCase[] = [
  {
    group: 'disappearing',
    escalate: true,
    text: "I've been giving away my things, I won't need them much longer",
  },
  { group: 'disappearing', escalate: true, text: "I won't be around much longer anyway" },
  {
    group: 'disappearing',
    escalate: true,
    text: 'I wrote goodbye letters to my family last night',
  },
  {
    group: 'harassment',
    escalate: true,
    text: 'my manager threatened to fire me in front of the team if I ask one more question',
  },
  {
    group: 'harassment',
    escalate: true,
    text: 'the lead keeps sending me messages at 2am telling me I am worthless',
  },
  {
    group: 'selfNeglect',
    escalate: true,
    text: "I haven't eaten since yesterday because I have to finish this story",
  },
  { group: 'benign', escalate: false, text: "I'm giving away my old laptop to my cousin" },
  {
    group: 'benign',
    escalate: false,
    text: "the old endpoint won't be around much longer, we deprecate it next sprint",
  },
  { group: 'benign', escalate: false, text: 'dead tired lol but the tests pass' },
  { group: 'benign', escalate: false, text: 'this deadline is killing me haha' },
  { group: 'benign', escalate: false, text: 'I wrote a goodbye message for the logout page' },
  {
    group: 'benign',
    escalate: false,
    text: 'the manager asked me to fire off an email to the client',
  },
];
