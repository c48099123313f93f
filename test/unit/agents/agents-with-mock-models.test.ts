import { noopLogger } from '@mastra/core/logger';
import { RequestContext } from '@mastra/core/request-context';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  actionSpecs,
  runAgentAction,
  type MentorActionName,
} from '../../../agents/mentor-actions.ts';
import { agents, agentSpecs } from '../../../agents/index.ts';
import { formatModelInput, readModelInput } from '../../../src/models/model-input.ts';
import { scriptedModel } from '../../helpers/mock-models.ts';
import { actionInputs, story } from './action-inputs.ts';

const names = Object.keys(actionSpecs) as MentorActionName[];

/** A schema-valid output for an action, taken from a rules-mode run. */
async function validOutput(name: MentorActionName) {
  const { output } = await runAgentAction(name, actionInputs[name] as never, {
    story,
    learner: { level: 'intermediate' },
  });
  return output as Record<string, unknown>;
}

// These tests feed agents invalid output on purpose; Mastra would log every expected failure.
beforeAll(() => {
  for (const agent of Object.values(agents)) agent.__setLogger(noopLogger);
});

describe.each(names)('%s with a mock model', (name) => {
  const spec = actionSpecs[name];
  const agent = agents[spec.agent];

  it('returns the model’s valid structured output, with its usage and model id', async () => {
    const valid = await validOutput(name);
    const model = scriptedModel([
      { ...valid, ...('reply' in valid ? { reply: 'From the model.' } : {}) },
    ]);
    const result = await runAgentAction(name, actionInputs[name] as never, {
      story,
      learner: { level: 'advanced' },
      model,
    });
    expect(result.model).toBe('mock/mock-model');
    expect(result.mode).toBe('remote');
    expect(result.fallback).toBeUndefined();
    expect(result.usage).toMatchObject({ inputTokens: 12, outputTokens: 7 });
    expect(result.usage.latencyMs).toBeGreaterThanOrEqual(0);
    if (spec.learnerFacing) expect(result.reply).toBe('From the model.');
    // The model saw the agent's instructions and the input block with the learner's level.
    const call = model.calls[0]!;
    expect(JSON.stringify(call.prompt[0])).toContain(
      agentSpecs[spec.agent].instructions.slice(0, 40),
    );
    expect(readModelInput(call.prompt).input?.learner).toMatchObject({ level: 'advanced' });
    expect(call.responseFormat?.type).toBe('json');
  });

  it('agent.generate rejects invalid JSON and schema-violating output with STRUCTURED_OUTPUT_SCHEMA_VALIDATION_FAILED', async () => {
    for (const bad of ['this is not JSON {', { unexpected: true }]) {
      const model = scriptedModel([bad]);
      const prompt = formatModelInput(spec.task, { ...actionInputs[name], story });
      const requestContext = new RequestContext([['mentorflow.model', model]]);
      const error = await agent
        .generate(prompt, {
          structuredOutput: { schema: spec.output as z.ZodObject },
          requestContext,
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toMatchObject({ id: 'STRUCTURED_OUTPUT_SCHEMA_VALIDATION_FAILED' });
    }
  });

  it('runAgentAction retries malformed output once, then answers in rules mode and records the fallback', async () => {
    const model = scriptedModel(['{"not": "it"}', 'still not json']);
    const result = await runAgentAction(name, actionInputs[name] as never, { story, model });
    expect(model.calls).toHaveLength(2);
    expect(result.fallback).toMatchObject({
      from: 'mock/mock-model',
      reason: 'invalidStructuredOutput',
    });
    expect(result.model).toBe(`rules/${agentSpecs[spec.agent].id}`);
    expect(result.mode).toBe('rules');
    expect(spec.output.safeParse(result.output).success).toBe(true);
    if (spec.learnerFacing) expect(result.reply).toMatch(/\(rules mode\)/);
  });

  it('a thrown model error falls back to rules mode', async () => {
    const result = await runAgentAction(name, actionInputs[name] as never, {
      story,
      model: scriptedModel([new Error('boom')]),
    });
    expect(result.fallback).toMatchObject({
      reason: 'modelError',
      detail: expect.stringContaining('boom'),
    });
    expect(result.mode).toBe('rules');
  });
});
