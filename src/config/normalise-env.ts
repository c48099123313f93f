/**
 * Side-effect module, imported before any AI SDK provider: an empty variable means unset. Without
 * this, `OPENAI_BASE_URL=` (as left by many .env templates) crashes the process at import, because
 * `@ai-sdk/openai` builds its default provider on load and rejects an empty base URL.
 */
for (const [key, value] of Object.entries(process.env)) {
  if (value !== undefined && value.trim() === '' && /^(OPENAI_|MODEL|DATABASE_URL$)/.test(key))
    delete process.env[key];
}
