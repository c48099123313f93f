import {
  MastraStorageExporter,
  Observability,
  SamplingStrategyType,
  SensitiveDataFilter,
} from '@mastra/observability';

/**
 * Mastra tracing for Studio: a sampled share of turns and runs is traced — workflow steps, nested
 * workflows, agent calls with their model, tokens and latency — and stored in Mastra's storage (the
 * app database), where Studio's traces view reads it. Successful turns persist no run snapshot, so
 * traces are what Studio shows of them. Sampling keeps the cost off most turns (TRACE_SAMPLE_RATIO:
 * 0 turns tracing off, 1 traces everything, as `npm run dev` does).
 */
export function createObservability(sampleRatio: number): Observability | undefined {
  if (sampleRatio <= 0) return undefined;
  return new Observability({
    configs: {
      default: {
        serviceName: 'mentorflow',
        sampling:
          sampleRatio >= 1
            ? { type: SamplingStrategyType.ALWAYS }
            : { type: SamplingStrategyType.RATIO, probability: sampleRatio },
        // Flushed at least every second, so a trace is in Studio moments after its turn.
        exporters: [new MastraStorageExporter({ maxBatchWaitMs: 1000 })],
        spanOutputProcessors: [new SensitiveDataFilter()],
      },
    },
  });
}
