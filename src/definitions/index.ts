/** User-defined workflows (issue 14, seed 004): definitions as data compiled to Mastra workflows. */
export { DefinitionService, type DefinitionServiceOptions, invalidDefinition } from './service.ts';
export { secretsFromEnv } from './scope.ts';
export { definitionSchema, type Definition, type DefinitionInput } from './schema.ts';
export { validateDefinition, type Problem } from './validate.ts';
export { WorkflowBuilder } from './builder.ts';
export { workflowIdOf } from './compile.ts';
