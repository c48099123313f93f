/**
 * Split a reply into word-sized pieces for token-by-token display. The turn's reply is complete when
 * it is committed (the state change and the reply are one transaction), so this paces delivery rather
 * than exposing model tokens as they are generated.
 */
export function textChunks(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}
