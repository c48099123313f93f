/**
 * Development cases for the understanding assessor on the two failure classes an independent review
 * named (issue 13): a restatement that states a behaviour the story forbids (it must be a
 * misunderstanding however much else it covers), and a correct restatement phrased with negations
 * ("never shown", "doesn't reveal", "can't") that must not be read as a misunderstanding. Stories and
 * restatements written for these tests before the rules were changed; the "forbids" and "negated"
 * restatements of a story cover every criterion, so only the stance decides. First figures are in
 * generalise-understanding.test.ts.
 */
import type { UnderstandingVerdict } from '../../../src/domain/contracts/understanding-assessment.ts';

interface StoryInput {
  title: string;
  description: string;
  acceptanceCriteria: string[];
}

export interface RestatementCase {
  expected: UnderstandingVerdict;
  group: 'forbids' | 'negatedCorrect' | 'control';
  story: StoryInput;
  restatement: string;
}

const reset: StoryInput = {
  title: 'Password reset by email',
  description: 'Users who forgot their password can set a new one through a link sent by email.',
  acceptanceCriteria: [
    'Requesting a reset sends an email with a link that expires after one hour',
    'The page shows the same message whether or not the email belongs to an account',
    'A reset link cannot be used twice',
  ],
};

const comments: StoryInput = {
  title: 'Soft-delete comments',
  description:
    'Authors can delete their own comments. Moderators need the history, so nothing is lost.',
  acceptanceCriteria: [
    'Deleting a comment hides it from the thread instead of removing it from the database',
    'Only the author of a comment can delete it',
    'Moderators still see deleted comments, marked as deleted',
  ],
};

const catalogue: StoryInput = {
  title: 'Guest browsing',
  description: 'Visitors without an account can look around the shop before signing up.',
  acceptanceCriteria: [
    'Guests can browse the catalogue and open product pages',
    'Guests cannot add products to the cart; the button asks them to sign in',
    'Prices are shown to guests without discounts',
  ],
};

const drafts: StoryInput = {
  title: 'Draft posts',
  description: 'Writers can save a post as a draft and publish it later.',
  acceptanceCriteria: [
    'A draft is never shown in the public feed',
    'The writer sees their drafts in a separate Drafts tab',
    'Publishing a draft puts it at the top of the feed with the publish date',
  ],
};

const upload: StoryInput = {
  title: 'Avatar upload',
  description: 'Members can upload a profile picture.',
  acceptanceCriteria: [
    'Only PNG and JPEG files are accepted',
    'Files larger than 2 MB are rejected with an error message',
    'The old avatar is replaced, not kept next to the new one',
  ],
};

export const generaliseUnderstandingCases: RestatementCase[] = [
  // The restatement allows what the story rules out.
  {
    expected: 'misunderstanding',
    group: 'forbids',
    story: reset,
    restatement:
      'The user asks for a reset and gets an email with a link valid for one hour. If the email is not registered we tell them no account exists for it. A link can only be used once.',
  },
  {
    expected: 'misunderstanding',
    group: 'forbids',
    story: comments,
    restatement:
      'When the author deletes a comment we remove it from the database for good. Only the author can delete their own comment, and moderators see deleted comments with a marker.',
  },
  {
    expected: 'misunderstanding',
    group: 'forbids',
    story: catalogue,
    restatement:
      'Guests can browse the catalogue and product pages, add products to the cart and pay later, and they see prices without discounts.',
  },
  {
    expected: 'misunderstanding',
    group: 'forbids',
    story: drafts,
    restatement:
      'Drafts show up in the public feed with a draft label so readers know they are coming. Writers see their drafts in a Drafts tab, and publishing moves a post to the top of the feed with its publish date.',
  },
  {
    expected: 'misunderstanding',
    group: 'forbids',
    story: upload,
    restatement:
      'Members upload PNG or JPEG pictures up to 2 MB, bigger files get an error. We keep every old avatar next to the new one so they can switch back.',
  },
  {
    expected: 'misunderstanding',
    group: 'forbids',
    story: reset,
    restatement:
      'You request a reset, get an email whose link expires after an hour, the message is the same whether the account exists or not, and the link keeps working so you can reuse it.',
  },
  // Correct restatements that use negations.
  {
    expected: 'correctUnderstanding',
    group: 'negatedCorrect',
    story: reset,
    restatement:
      "Requesting a reset emails a link that stops working after one hour. The page doesn't reveal whether the email has an account, it shows the same message either way. A link can't be used a second time.",
  },
  {
    expected: 'correctUnderstanding',
    group: 'negatedCorrect',
    story: comments,
    restatement:
      "Deleting a comment doesn't remove it from the database, it only hides it from the thread. Nobody but the author can delete a comment. Moderators still see deleted comments, marked as deleted.",
  },
  {
    expected: 'correctUnderstanding',
    group: 'negatedCorrect',
    story: catalogue,
    restatement:
      "Guests can browse the catalogue and open product pages, but they can't add anything to the cart: the button asks them to sign in. They see prices with no discounts.",
  },
  {
    expected: 'correctUnderstanding',
    group: 'negatedCorrect',
    story: drafts,
    restatement:
      'Drafts never appear in the public feed; the writer finds them in a separate Drafts tab. When a draft is published it goes to the top of the feed with the publish date.',
  },
  {
    expected: 'correctUnderstanding',
    group: 'negatedCorrect',
    story: upload,
    restatement:
      "Only PNG and JPEG files are accepted, anything over 2 MB is rejected with an error message, and the old avatar isn't kept, the new one replaces it.",
  },
  {
    expected: 'correctUnderstanding',
    group: 'negatedCorrect',
    story: comments,
    restatement:
      'A deleted comment is hidden from the thread, not removed from the database. No one except the author can delete it, and moderators still see it marked as deleted.',
  },
  // Controls: plain correct, plain partial, and a different task.
  {
    expected: 'correctUnderstanding',
    group: 'control',
    story: drafts,
    restatement:
      'Drafts stay out of the public feed, writers see them in a Drafts tab, and publishing puts the post at the top of the feed with the publish date.',
  },
  {
    expected: 'partialUnderstanding',
    group: 'control',
    story: upload,
    restatement: 'Members can upload a PNG or JPEG as their profile picture.',
  },
  {
    expected: 'misunderstanding',
    group: 'control',
    story: catalogue,
    restatement: 'We need to build an admin dashboard that exports sales reports as PDF.',
  },
];
