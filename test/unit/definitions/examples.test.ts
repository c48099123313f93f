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

  it('every test the README names exists, in the file it names', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const aliases: Record<string, string> = {
      examples: 'test/e2e/definitions-examples.test.ts',
      api: 'test/e2e/definitions-api.test.ts',
    };
    const named = [...readme.matchAll(/`([^`]+)` › "([^"]+)"/g)];
    expect(named.length).toBeGreaterThanOrEqual(14);
    for (const [, where, title] of named) {
      const source = readFileSync(join(repoRoot, aliases[where!] ?? where!), 'utf8');
      expect(source, `${where} › ${title}`).toContain(`'${title!.replace(/\s+/g, ' ')}'`);
    }
    // Every listing and template row names its test.
    for (const row of readme
      .split('\n')
      .filter((l) => /^\| [A-Z]/.test(l) && !/ \| (Example|File) \| /.test(l)))
      expect(row, row).toMatch(/ › "/);
  });
});
