// The schemas we judge with come from the ocpp-rpc package. This proves they are the OCA files:
// compared with the OCA originals in ../shared/spec (when present), they differ only in keywords
// that do not validate anything ($schema, id/$id, title, javaType, additionalProperties on a
// non-object type, additionalItems beside a non-tuple items), so a verdict cannot depend on an altered copy.
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawSchemaFile } from '../../harness/schema/registry.js';
import { requireShared } from '../support/shared-files.js';

const OCA_DIRS = ['../shared/spec/ocpp16/schemas/json', '../shared/spec/ocpp16/security-schemas'];
const NON_VALIDATING = new Set(['$schema', 'id', '$id', 'title', 'javaType', 'comment', '$comment']);

function normalise(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalise);
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj).sort()) {
    if (NON_VALIDATING.has(key)) continue;
    if (key === 'additionalProperties' && obj.type !== 'object') continue; // no effect outside objects
    if (key === 'additionalItems' && !Array.isArray(obj.items)) continue; // ignored unless items is a tuple
    out[key] = normalise(obj[key]);
  }
  return out;
}

describe('schema provenance: the ocpp-rpc copies are the OCA 1.6 schemas', function () {
  // The OCA originals are beside the repository (../shared) in CI and development.
  before(function () {
    requireShared(this, OCA_DIRS, 'the OCA 1.6 JSON schemas');
  });

  it('every OCA schema file has a validation-equivalent counterpart', function () {
    const ours = new Map(rawSchemaFile('1.6').map((s) => [s.$id, s]));
    let compared = 0;
    for (const schema of ours.values()) {
      const match = /^urn:(\w+)\.(req|conf)$/.exec(schema.$id)!;
      const file = `${match[1]}${match[2] === 'conf' ? 'Response' : ''}.json`;
      const path = OCA_DIRS.map((d) => join(d, file)).find(existsSync);
      expect(path, `OCA file for ${schema.$id}`).to.be.a('string');
      const oca = JSON.parse(readFileSync(path!, 'utf8').replace(/^\uFEFF/, '')) as unknown;
      expect(normalise(schema), `${file} differs from the OCA original`).to.deep.equal(normalise(oca));
      compared += 1;
    }
    expect(compared).to.equal(78);
  });

  it('the comparison would notice an edit (an added enum value)', function () {
    const oca = JSON.parse(readFileSync(join(OCA_DIRS[0], 'BootNotificationResponse.json'), 'utf8').replace(/^\uFEFF/, '')) as {
      properties: { status: { enum: string[] } };
    };
    const edited = structuredClone(oca);
    edited.properties.status.enum.push('Maybe');
    expect(normalise(edited)).to.not.deep.equal(normalise(oca));
  });
});
