/** The longest wait between two attempts of a delivery, before TIME_SCALE. */
export const MAX_RETRY_DELAY_MS = 6 * 60 * 60 * 1000;

/**
 * Exponential backoff: after the n-th failed attempt wait base × 2^(n-1), capped at 6 h (both scaled
 * by TIME_SCALE). Deterministic, so the figures a test prints are the ones operators get.
 */
export function retryDelayMs(failedAttempt: number, baseMs: number, timeScale: number): number {
  const unscaled = Math.min(baseMs * 2 ** Math.max(0, failedAttempt - 1), MAX_RETRY_DELAY_MS);
  return Math.max(1, Math.round(unscaled * timeScale));
}
