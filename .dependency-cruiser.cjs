/**
 * The layer order (ARCHITECTURE.md §6), checked by `npm test` (test/unit/architecture):
 *   errors/config ← machine ← domain ← {tools, db, models} ← agents ← {workflows, sessions}
 *   ← {runs, notify, definitions} ← mastra ← app ← http ← cli
 * A module may import its own layer and the layers before it, never one after it; no cycles.
 */
const layers = [
  ['base', '^src/(errors|config|util)/|^src/(paths|logger)\\.ts$'],
  ['machine', '^src/machine/'],
  ['domain', '^src/domain/'],
  ['tools', '^tools/'],
  ['db', '^src/db/'],
  ['models', '^src/models/'],
  ['agents', '^agents/'],
  ['workflows', '^workflows/'],
  ['sessions', '^src/sessions/'],
  ['runs', '^src/runs/'],
  // Notification delivery and user-defined workflow definitions sit beside runs: each may use
  // sessions and workflows, none imports another of its rank.
  ['notify', '^src/notify/'],
  ['definitions', '^src/definitions/'],
  // src/mastra/index.ts is the entry Mastra's CLI loads: like bin/, it wires every layer.
  ['mastra', '^src/mastra/(?!index\\.ts$)|^src/runtime/'],
  ['app', '^src/app(\\.ts$|/)'],
  ['http', '^src/http/'],
  ['cli', '^src/cli/'],
];
// Layers of one rank may not import each other either (tools/db/models; workflows/sessions). The CLI
// is outermost: `mentorflow start` serves the HTTP surface.
const rank = {
  base: 0,
  machine: 1,
  domain: 2,
  tools: 3,
  db: 3,
  models: 3,
  agents: 4,
  workflows: 5,
  sessions: 5,
  runs: 6,
  notify: 6,
  definitions: 6,
  mastra: 7,
  app: 8,
  http: 9,
  cli: 10,
};

const forbidden = [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }];
for (const [name, path] of layers) {
  const later = layers.filter(
    ([other]) => rank[other] > rank[name] || (rank[other] === rank[name] && other !== name),
  );
  if (later.length === 0) continue;
  forbidden.push({
    name: `${name}-imports-later-layer`,
    comment: `${name} may import only the layers before it`,
    severity: 'error',
    from: { path },
    to: { path: later.map(([, p]) => `(${p})`).join('|') },
  });
}

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|\\.mastra|\\.data)' },
  },
};
