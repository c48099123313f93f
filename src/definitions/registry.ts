import type { Mastra } from '@mastra/core/mastra';
import { agentIds, agentKeys } from '../../agents/index.ts';
import { conceptLookupTool } from '../../tools/concept-lookup.ts';
import { parseBuildOutputTool } from '../../tools/parse-build-output.ts';
import { parseCoverageTool } from '../../tools/parse-coverage.ts';
import { parseEslintTool } from '../../tools/parse-eslint.ts';
import { parseNpmAuditTool } from '../../tools/parse-npm-audit.ts';
import { parseTestReportTool } from '../../tools/parse-test-report.ts';
import { parseTscTool } from '../../tools/parse-tsc.ts';
import { storyLoaderTool } from '../../tools/story-loader.ts';

/** The Mastra tools a definition's `tool` step may call, by id. */
export const definitionTools = Object.fromEntries(
  [
    conceptLookupTool,
    parseBuildOutputTool,
    parseCoverageTool,
    parseEslintTool,
    parseNpmAuditTool,
    parseTestReportTool,
    parseTscTool,
    storyLoaderTool,
  ].map((tool) => [tool.id, tool]),
);

/** Agent names a definition may use: ids (`planner`) and registry keys (`plannerAgent`). */
export const definitionAgentNames: readonly string[] = [...agentIds, ...agentKeys];

/** The registered agent a definition names (by id or registry key). */
export function agentNamed(mastra: Mastra, name: string) {
  const agents = mastra.listAgents();
  return (
    (agents as Record<string, (typeof agents)[string]>)[name] ??
    Object.values(agents).find((agent) => agent.id === name)
  );
}
