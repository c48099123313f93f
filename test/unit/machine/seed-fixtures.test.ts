import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lifecycleSeedFile, readFixture, sharedSeedDir, storySeedFile } from './seeds.ts';

/** sha256 of the seed copies; a changed copy must be a deliberate, reviewed change. */
const pinned: Record<string, string> = {
  [lifecycleSeedFile]: 'd20460674fcfa470188d208cfe936be003448a946fc8f8a5a2d5d0b7d48f1443',
  [storySeedFile]: '578f9f93d7604db2086cc374afe2c745853b5f1e2079862b237dc7c5dcd55758',
};

describe('seed fixtures', () => {
  for (const name of [lifecycleSeedFile, storySeedFile]) {
    it(`${name} is byte-identical to the shared seed (or to its pinned hash when ../shared is absent)`, () => {
      const copy = readFixture(name);
      const shared = `${sharedSeedDir}${name}`;
      if (existsSync(shared)) {
        expect(
          copy,
          `test/fixtures/seeds/${name} differs from ${shared}: copy the seed again`,
        ).toBe(readFileSync(shared, 'utf8'));
      }
      expect(createHash('sha256').update(copy).digest('hex')).toBe(pinned[name]);
    });
  }
});
