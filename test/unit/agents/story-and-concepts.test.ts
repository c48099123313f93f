import { describe, expect, it } from 'vitest';
import { conceptLookupTool, findConcepts, getConcept } from '../../../tools/concept-lookup.ts';
import { concepts } from '../../../src/domain/concepts/index.ts';
import { loadStory, parseStory, storyLoaderTool } from '../../../tools/story-loader.ts';

describe('story loader', () => {
  it('loads Markdown with front matter, keeping the reference solution apart', () => {
    const { story, referenceSolution } = loadStory('examples/stories/add-pagination.md');
    expect(story).toMatchObject({
      id: 'add-pagination',
      complexity: 'simple',
      title: 'Add pagination to the book list endpoint',
    });
    expect(story.acceptanceCriteria).toHaveLength(5);
    expect(story.acceptanceCriteria[0]).toMatch(/^`GET \/books` accepts optional `page`/);
    expect(referenceSolution).toContain('LIMIT $1 OFFSET $2');
    expect(JSON.stringify(story)).not.toContain('OFFSET');
    expect(story.description).toContain('mobile app times out');
  });

  it('loads YAML stories', () => {
    const { story, referenceSolution } = loadStory('examples/stories/password-strength.yaml');
    expect(story).toMatchObject({ id: 'password-strength', complexity: 'complex' });
    expect(story.acceptanceCriteria).toHaveLength(5);
    expect(referenceSolution).toContain('scorePassword');
  });

  it('parses text, and names the field at fault', () => {
    expect(parseStory('title: T\ndescription: D\nacceptanceCriteria: [one]').story).toMatchObject({
      id: 't',
      complexity: 'simple',
    });
    expect(() => parseStory('title: T\ndescription: D\nacceptanceCriteria: []')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_ERROR', field: 'story.acceptanceCriteria' }),
    );
    expect(() =>
      parseStory('---\ntitle: T\ncomplexity: epic\n---\nBody\n## Acceptance criteria\n- a'),
    ).toThrow(expect.objectContaining({ field: 'story.complexity' }));
    expect(() => loadStory('missing/story.md')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('ignores headings inside code fences', () => {
    const { story, referenceSolution } = parseStory(
      '---\ntitle: T\n---\nIntro\n```md\n## Reference solution\nnot this\n```\n## Acceptance criteria\n1. works\n## Reference solution\nsecret',
    );
    expect(story.description).toContain('not this');
    expect(referenceSolution).toBe('secret');
  });

  // Every way an author may title the solution: hidden from the learner, kept for the leak guard.
  const solutionHeadings = [
    '## Reference solution',
    '## Reference solution:',
    '## Solution',
    '## Reference implementation',
    '##  Reference  solution',
    '### Reference solution',
    '# Solution',
    '## REFERENCE SOLUTION',
    '## Model solution',
    '## Sample solution',
    '## Answer key',
    '## Implementation notes (solution)',
    '##Solution',
    '###### **Solution:**',
    '## Solution ##',
  ];
  for (const heading of solutionHeadings) {
    it(`keeps the section under "${heading}" for the guard only`, () => {
      const { story, referenceSolution } = parseStory(
        `---\ntitle: T\n---\n# T\nIntro text.\n## Acceptance criteria\n- works\n${heading}\n\`\`\`ts\nexport const SECRET_CODE = 42;\n\`\`\`\n`,
      );
      expect(JSON.stringify(story)).not.toContain('SECRET_CODE');
      expect(referenceSolution).toContain('SECRET_CODE');
      expect(story.acceptanceCriteria).toEqual(['works']);
      expect(story.description).toBe('Intro text.');
    });
  }

  it('keeps sub-headings inside the solution and sections after it visible', () => {
    const { story, referenceSolution } = parseStory(
      '---\ntitle: T\n---\nIntro.\n## Solution\nPart one.\n### Tests\nSECRET tests\n## Notes\nVisible note.\n## Acceptance criteria\n- works',
    );
    expect(referenceSolution).toContain('SECRET tests');
    expect(story.description).toContain('Visible note.');
    expect(JSON.stringify(story)).not.toContain('SECRET');
  });

  it('does not hide ordinary headings', () => {
    const { story, referenceSolution } = parseStory(
      '---\ntitle: T\n---\nIntro.\n## Background\nWhy.\n## Implementation notes\nUse the repo layer.\n## Acceptance criteria\n- works',
    );
    expect(story.description).toContain('Use the repo layer.');
    expect(referenceSolution).toBeUndefined();
  });

  it('reads solution keys and a solution section inside a YAML description', () => {
    const { story, referenceSolution } = parseStory(
      'title: T\ndescription: |\n  Do it.\n  ## Solution\n  SECRET body\nacceptanceCriteria: [a]\nsolution: SECRET key',
    );
    expect(story.description).toBe('Do it.');
    expect(referenceSolution).toContain('SECRET body');
    expect(referenceSolution).toContain('SECRET key');
  });

  it('the Mastra tool returns the learner view only', async () => {
    const out = await storyLoaderTool.execute!(
      { source: 'examples/stories/add-pagination.md' },
      {} as never,
    );
    expect(JSON.stringify(out)).not.toContain('OFFSET');
    expect(out).toMatchObject({ id: 'add-pagination' });
  });
});

describe('concept library', () => {
  it('has unique ids and three hints per concept', () => {
    expect(new Set(concepts.map((c) => c.id)).size).toBe(concepts.length);
    for (const c of concepts) expect(c.hints).toHaveLength(3);
  });

  it('finds concepts by question, error text and id', () => {
    expect(findConcepts('how do promises and await work?')[0]?.id).toBe('async-await');
    expect(
      findConcepts("TypeError: Cannot read properties of undefined (reading 'x')")[0]?.id,
    ).toBe('null-undefined');
    expect(findConcepts('Error: listen EADDRINUSE: address already in use')[0]?.id).toBe(
      'ports-networking',
    );
    expect(findConcepts('pagination')[0]?.id).toBe('pagination');
    expect(getConcept('sql-injection')?.name).toMatch(/SQL injection/);
    // "let" must not match inside "delete".
    expect(findConcepts('delete the row').map((c) => c.id)).not.toContain('closures-scope');
  });

  it('the lookup tool renders the explanation for the level', async () => {
    const out = (await conceptLookupTool.execute!(
      { query: 'closure', level: 'advanced', limit: 1 },
      {} as never,
    )) as { concepts: Array<{ id: string; explanation: string }> };
    expect(out.concepts[0]?.id).toBe('closures-scope');
    expect(out.concepts[0]?.explanation).toBe(getConcept('closures-scope')!.explanation.advanced);
  });
});
