import { Agent } from '@mastra/core/agent';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { blockerDiagnosisSchema } from '../../../src/domain/contracts/blocker-diagnosis.ts';
import { formatModelInput } from '../../../src/models/model-input.ts';
import { rules } from '../../../src/models/rules/provider.ts';

function agentWith(id: string) {
  return new Agent({ id, name: id, instructions: 'test', model: rules(id) });
}

describe('rules provider', () => {
  it('answers structured calls with schema-valid JSON and rules metadata', async () => {
    const agent = agentWith('blocker-diagnosis');
    const prompt = formatModelInput('Diagnose.', {
      message: 'npm start fails',
      recentErrors: ['Error: connect ECONNREFUSED 127.0.0.1:5432'],
    });
    const result = await agent.generate(prompt, {
      structuredOutput: { schema: blockerDiagnosisSchema },
    });
    expect(result.object.category).toBe('environmentIssue');
    expect(result.object.evidence).toContain('Error: connect ECONNREFUSED 127.0.0.1:5432');
    expect(result.object.reply).toMatch(/^\(rules mode\)/);
    expect(result.providerMetadata).toMatchObject({
      rules: { mode: 'rules', agent: 'blocker-diagnosis' },
    });
  });

  it('streams a text reply through agent.stream, in several chunks', async () => {
    const agent = agentWith('hint-giver');
    const stream = await agent.stream('I have no idea where to start with this story');
    const chunks: string[] = [];
    for await (const chunk of stream.textStream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toMatch(/^\(rules mode\) Hint \d of 3/);
    expect(await stream.providerMetadata).toMatchObject({ rules: { mode: 'rules' } });
  });

  it('reads free chat without an input block', async () => {
    const result = await agentWith('blocker-diagnosis').generate(
      'I keep getting TypeError: items.map is not a function',
      { structuredOutput: { schema: blockerDiagnosisSchema } },
    );
    expect(result.object.category).toBe('technicalError');
  });

  it('gives valid JSON for a schema it has no rules for', async () => {
    const schema = z.object({
      title: z.string(),
      tags: z.array(z.string()).min(1),
      level: z.enum(['a', 'b']),
      n: z.number().int().min(3),
    });
    const result = await agentWith('progress-coach').generate('make a title', {
      structuredOutput: { schema },
    });
    expect(schema.safeParse(result.object).success).toBe(true);
    const unknown = await agentWith('no-such-agent').generate('hello');
    expect(unknown.text).toContain('No rules are defined');
  });

  it('is deterministic', async () => {
    const prompt = formatModelInput('Review.', {
      plan: '1. write code\n2. test it',
      story: { title: 'T', description: 'D', acceptanceCriteria: ['a list'] },
    });
    const a = await rules('plan-reviewer').doGenerate({
      prompt: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
      responseFormat: { type: 'json' },
    });
    const b = await rules('plan-reviewer').doGenerate({
      prompt: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
      responseFormat: { type: 'json' },
    });
    expect(a.content).toEqual(b.content);
  });
});
