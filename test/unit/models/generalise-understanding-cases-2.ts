/**
 * A second round of understanding development cases: other ways of saying no ("no longer", "neither
 * … nor", "nobody but", "only … may", "without"), and forbidden behaviour stated with a permission
 * word ("anyone can", "is allowed to"). Written before the rules were changed for them. Figures in
 * generalise-understanding.test.ts.
 */
import type { RestatementCase } from './generalise-understanding-cases.ts';

const archive = {
  title: 'Archive old projects',
  description: 'Owners can archive a project they no longer work on.',
  acceptanceCriteria: [
    'Only the project owner can archive a project',
    'An archived project no longer appears in the project list',
    'Archived projects are read-only: nobody can add tasks to them',
  ],
};

const invoices = {
  title: 'Invoice numbers',
  description: 'Every invoice gets a number accountants can rely on.',
  acceptanceCriteria: [
    'Invoice numbers are sequential per year, starting at 1 on 1 January',
    'A number is never reused, even when an invoice is cancelled',
    'Cancelled invoices stay in the list, marked as cancelled',
  ],
};

export const generaliseUnderstandingCases2: RestatementCase[] = [
  {
    expected: 'misunderstanding',
    group: 'forbids',
    story: archive,
    restatement:
      'Anyone on the team can archive a project. Archived projects disappear from the project list and are read-only, so nobody can add tasks.',
  },
  {
    expected: 'misunderstanding',
    group: 'forbids',
    story: archive,
    restatement:
      'Only the owner archives a project, it then no longer shows in the project list, but people can still add tasks to an archived project.',
  },
  {
    expected: 'misunderstanding',
    group: 'forbids',
    story: invoices,
    restatement:
      'Invoice numbers go up by one per year starting at 1 on 1 January. When an invoice is cancelled its number is freed and reused for the next invoice. Cancelled invoices stay in the list marked as cancelled.',
  },
  {
    expected: 'misunderstanding',
    group: 'forbids',
    story: invoices,
    restatement:
      'Numbers are sequential per year from 1 on 1 January and never reused. Cancelled invoices are deleted from the list.',
  },
  {
    expected: 'correctUnderstanding',
    group: 'negatedCorrect',
    story: archive,
    restatement:
      "Nobody but the owner can archive a project. Once archived it no longer appears in the project list, and it's read-only: no one can add tasks to it.",
  },
  {
    expected: 'correctUnderstanding',
    group: 'negatedCorrect',
    story: invoices,
    restatement:
      'Invoice numbers are sequential per year and restart at 1 on 1 January. A number is not reused, not even for a cancelled invoice. Cancelled invoices are neither deleted nor hidden: they stay in the list, marked as cancelled.',
  },
  {
    expected: 'correctUnderstanding',
    group: 'negatedCorrect',
    story: archive,
    restatement:
      'Only owners may archive their project. After that the project is not listed in the project list any more, and tasks cannot be added because it is read-only.',
  },
  {
    expected: 'correctUnderstanding',
    group: 'negatedCorrect',
    story: invoices,
    restatement:
      "Numbers run sequentially per year, starting at 1 on 1 January; a cancelled invoice doesn't give its number back for reuse, and it stays in the list marked as cancelled.",
  },
];
