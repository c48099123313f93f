import type { ProviderV4 } from '@ai-sdk/provider';
import { NoSuchModelError } from 'ai';
import { createRulesModel } from './rules-model.ts';

export { rulesHandlers } from './handlers.ts';
export { createRulesModel, type RulesMetadata } from './rules-model.ts';

/**
 * The `rules` AI SDK provider: `rules('blocker-diagnosis')` (or `rules.languageModel(...)`) is the
 * offline, deterministic model for that agent. Model ids may carry the provider prefix
 * (`rules/blocker-diagnosis`).
 */
export interface RulesProvider extends ProviderV4 {
  (modelId: string): ReturnType<typeof createRulesModel>;
}

function modelFor(modelId: string) {
  return createRulesModel(modelId.replace(/^rules\//, ''));
}

export const rules: RulesProvider = Object.assign((modelId: string) => modelFor(modelId), {
  specificationVersion: 'v4' as const,
  languageModel: modelFor,
  embeddingModel(modelId: string): never {
    throw new NoSuchModelError({ modelId, modelType: 'embeddingModel' });
  },
  imageModel(modelId: string): never {
    throw new NoSuchModelError({ modelId, modelType: 'imageModel' });
  },
});
