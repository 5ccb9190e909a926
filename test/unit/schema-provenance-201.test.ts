// The 2.0.1 schemas we judge with come from the ocpp-rpc package. Compared with the OCA originals in
// ../shared/spec/ocpp2 (Part 3), they differ only in keywords that do not validate anything, so a
// 2.0.1 verdict cannot depend on an altered copy.
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawSchemaFile, SchemaRegistry } from '../../harness/schema/registry.js';
import { OCPP201 } from '../../harness/versions/ocpp201/facts.js';
import { requireShared } from '../support/shared-files.js';

const OCA_DIR = '../shared/spec/ocpp2/OCPP-2.0.1_part3_JSON_schemas';
const NON_VALIDATING = new Set(['$schema', 'id', '$id', 'title', 'javaType', 'comment', '$comment', 'description']);

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

describe('schema provenance: the ocpp-rpc copies are the OCA 2.0.1 schemas', function () {
  before(function () {
    requireShared(this, [OCA_DIR], 'the OCA 2.0.1 JSON schemas (Part 3)');
  });

  it('every one of the 128 OCA 2.0.1 schema files has a validation-equivalent counterpart', function () {
    let compared = 0;
    for (const schema of rawSchemaFile('2.0.1')) {
      const match = /^urn:(\w+)\.(req|conf)$/.exec(schema.$id)!;
      const file = join(OCA_DIR, `${match[1]}${match[2] === 'conf' ? 'Response' : 'Request'}.json`);
      expect(existsSync(file), `OCA file for ${schema.$id}`).to.equal(true);
      const oca = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as unknown;
      expect(normalise(schema), `${file} differs from the OCA original`).to.deep.equal(normalise(oca));
      compared += 1;
    }
    expect(compared).to.equal(128);
  });

  it('the comparison would notice an edit (an added enum value)', function () {
    const oca = JSON.parse(readFileSync(join(OCA_DIR, 'BootNotificationResponse.json'), 'utf8').replace(/^\uFEFF/, '')) as {
      definitions: { RegistrationStatusEnumType: { enum: string[] } };
    };
    const edited = structuredClone(oca);
    edited.definitions.RegistrationStatusEnumType.enum.push('Maybe');
    expect(normalise(edited)).to.not.deep.equal(normalise(oca));
  });
});

describe('OCPP 2.0.1 facts', () => {
  const registry = new SchemaRegistry('2.0.1');

  it('every schema action is a request of exactly one side, DataTransfer of both', () => {
    const both = [...OCPP201.requests.ChargePoint, ...OCPP201.requests.Csms];
    expect([...new Set(both)].sort()).to.deep.equal(registry.actions().sort());
    expect(OCPP201.requests.ChargePoint.filter((a) => OCPP201.requests.Csms.includes(a))).to.deep.equal(['DataTransfer']);
  });

  it('validates 2.0.1 payloads and names the 2.0.1 code for a failure', () => {
    expect(registry.validate('BootNotification', 'req', { chargingStation: { model: 'm', vendorName: 'v' }, reason: 'PowerUp' }).ok).to.equal(true);
    const missing = registry.validate('BootNotification', 'req', { reason: 'PowerUp' });
    expect(missing.ok).to.equal(false);
    expect(missing.rpcErrorCode).to.equal('OccurrenceConstraintViolation');
    expect(registry.validate('Heartbeat', 'req', { extra: 1 }).rpcErrorCode).to.equal('FormatViolation');
  });

  it('judges error codes by Table 8: exact, another 2.0.1 code, the 1.6 spelling, no code', () => {
    const { level } = OCPP201.errorCodes;
    expect(level('FormatViolation', ['FormatViolation'])).to.equal(undefined);
    expect(level('ProtocolError', ['FormatViolation'])).to.equal('SHOULD');
    expect(level('FormationViolation', ['FormatViolation'])).to.equal('SHOULD');
    expect(level('NotAThing', ['FormatViolation'])).to.equal('MUST');
  });
});
