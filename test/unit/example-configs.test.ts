// The example configurations shipped in fixtures/ stay valid as the schema evolves.
import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigFile, resolveConfig } from '../../harness/config/load.js';

describe('fixtures/configs examples', () => {
  const dir = 'fixtures/configs';
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    it(`${file} is a valid configuration`, async () => {
      const cfg = resolveConfig(await loadConfigFile(join(dir, file)), {}, { source: file });
      expect(cfg.identity).to.be.a('string');
    });
  }
});
