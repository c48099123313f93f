import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { definitionAgentNames, definitionTools } from '../../../src/definitions/registry.ts';
import { validateDefinition } from '../../../src/definitions/validate.ts';
import { repoRoot } from '../../helpers/spawn-cli.ts';

const dir = join(repoRoot, 'examples', 'workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('examples/workflows', () => {
  it('ships the templates and seed 004 listings', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s is a valid definition', (file) => {
    const result = validateDefinition(parse(readFileSync(join(dir, file), 'utf8')), {
      agents: definitionAgentNames,
      tools: Object.keys(definitionTools),
      workflows: () => false,
    });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('the README maps every file', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const file of files) expect(readme).toContain(file);
  });
});
