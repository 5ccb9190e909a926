import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { DEFAULT_FEATURES, defaultConfig } from '../../harness/config/defaults.js';
import { ConfigError, loadConfigFile, redactConfig, resolveConfig, type ConfigOverrides } from '../../harness/config/load.js';
import type { HarnessConfig } from '../../harness/config/types.js';

function problemsOf(file: unknown, overrides: ConfigOverrides = {}): string[] {
  try {
    resolveConfig(file, overrides);
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    expect((err as ConfigError).exitCode).to.equal(2);
    return [...(err as ConfigError).problems];
  }
  throw new Error('expected a ConfigError');
}

describe('config: resolveConfig', () => {
  const valid: { name: string; file: unknown; overrides?: ConfigOverrides; check: (c: HarnessConfig) => void }[] = [
    {
      name: 'no file at all gives the defaults',
      file: undefined,
      check: (c) => expect(c).to.deep.equal(defaultConfig()),
    },
    {
      name: 'smartCharging: a W charger and its stack level, the rest defaults',
      file: { smartCharging: { rateUnit: 'W', stackLevel: 2 } },
      check: (c) => expect(c.smartCharging).to.deep.equal({ rateUnit: 'W', stackLevel: 2, numberPhases: 3, durationS: 300, maxTimeDeviationS: 2 }),
    },
    {
      name: 'an empty object gives the defaults',
      file: {},
      check: (c) => expect(c).to.deep.equal(defaultConfig()),
    },
    {
      name: 'valid minimal file: given fields set, others defaulted',
      file: { $schema: './config-schema.json', $comment: 'lab CP', identity: 'LAB-7', timeouts: { responseMs: 900 } },
      check: (c) => {
        expect(c.identity).to.equal('LAB-7');
        expect(c.timeouts).to.deep.equal({ ...defaultConfig().timeouts, responseMs: 900 });
        expect(c.features).to.deep.equal([...DEFAULT_FEATURES]);
        expect(c.idTags.accepted).to.equal('ACCEPTED01');
        expect(c.sutControl).to.deep.equal({ type: 'manual' });
        expect(c).to.not.have.property('$schema');
        expect(c).to.not.have.property('$comment');
      },
    },
    {
      name: 'defaults are the documented values',
      file: {},
      check: (c) => {
        expect(c.identity).to.equal('CP001');
        expect(c.connectorIds).to.deep.equal([1]);
        expect(c.features).to.deep.equal(['Core', 'RemoteTrigger']);
        expect(c.configurationKeys).to.deep.equal({
          readOnly: { key: 'NumberOfConnectors' },
          writable: { key: 'MeterValueSampleInterval', value: '5' },
        });
        expect(c.intervals).to.deep.equal({ heartbeatS: 2, bootRetryS: 1, meterSampleS: 1 });
        expect(c.timeouts).to.deep.equal({ connectMs: 10000, responseMs: 3000, messageMs: 5000, operatorMs: 120000, reconnectBackoffMs: 1000 });
        expect(c.toleranceMs).to.equal(500);
        expect(c.knownIssues).to.deep.equal([]);
      },
    },
    {
      name: 'CLI override wins over the file; undefined flags are ignored',
      file: { identity: 'FILE', timeouts: { responseMs: 100, messageMs: 200 } },
      overrides: { identity: 'CLI', timeouts: { responseMs: 300, messageMs: undefined } },
      check: (c) => {
        expect(c.identity).to.equal('CLI');
        expect(c.timeouts.responseMs).to.equal(300);
        expect(c.timeouts.messageMs).to.equal(200);
      },
    },
    {
      name: 'feature names in any spelling are normalised and de-duplicated',
      file: { features: ['core', 'smart-charging', 'Smart_Charging', 'LOCALAUTHLISTMANAGEMENT'] },
      check: (c) => expect(c.features).to.deep.equal(['Core', 'SmartCharging', 'LocalAuthListManagement']),
    },
    {
      name: 'arrays and sutControl replace the defaults wholesale',
      file: {
        connectorIds: [2, 3],
        sutControl: { type: 'http', url: 'http://127.0.0.1:9/ctl', timeoutMs: 1000 },
        knownIssues: [{ caseId: 'TC_001', checkId: 'schema', note: 'firmware 1.2' }],
      },
      overrides: { sutControl: { type: 'command', commands: { plugIn: 'true' } } },
      check: (c) => {
        expect(c.connectorIds).to.deep.equal([2, 3]);
        expect(c.sutControl).to.deep.equal({ type: 'command', commands: { plugIn: 'true' } });
        expect(c.knownIssues).to.have.length(1);
      },
    },
  ];
  for (const t of valid) {
    it(t.name, () => t.check(resolveConfig(t.file, t.overrides ?? {})));
  }

  it('does not mutate or alias the input', () => {
    const file = { connectorIds: [1, 2], idTags: { accepted: 'A' } };
    const c = resolveConfig(file, {});
    c.connectorIds.push(9);
    c.idTags.accepted = 'Z';
    expect(file).to.deep.equal({ connectorIds: [1, 2], idTags: { accepted: 'A' } });
  });

  const invalid: { name: string; file: unknown; overrides?: ConfigOverrides; expected: string[] }[] = [
    { name: 'unknown top-level field is named', file: { identty: 'x' }, expected: ['unknown field "identty" at the top level (did you mean "identity"?)'] },
    { name: 'unknown nested field is named', file: { timeouts: { responseMS: 5 } }, expected: ['unknown field "responseMS" in timeouts (did you mean "responseMs"?)'] },
    {
      name: 'unknown field in sutControl is named',
      file: { sutControl: { type: 'manual', foo: 1 } },
      expected: ['unknown field "foo" in sutControl (type "manual")'],
    },
    { name: 'wrong type names the path', file: { timeouts: { responseMs: 1.5 } }, expected: ['timeouts.responseMs: must be integer, got 1.5'] },
    { name: 'wrong type in an array item', file: { knownIssues: [{ caseId: 'a', note: 3 }] }, expected: ['knownIssues[0].note: must be string, got 3'] },
    { name: 'http without url', file: { sutControl: { type: 'http' } }, expected: ['sutControl.url: required when type is "http"'] },
    { name: 'command without commands', file: { sutControl: { type: 'command' } }, expected: ['sutControl.commands: required when type is "command"'] },
    {
      name: 'bad sutControl type',
      file: { sutControl: { type: 'ssh' } },
      expected: ['sutControl.type: must be one of "manual", "http", "command", "builtin", got "ssh"'],
    },
    { name: 'sutControl without type', file: { sutControl: {} }, expected: ['sutControl.type: required (one of "manual", "http", "command", "builtin")'] },
    { name: 'bad profile name', file: { features: ['Core', 'smart-charging', 'Bogus'] }, expected: ['features[2]: unknown profile "Bogus"'] },
    { name: 'empty connectorIds', file: { connectorIds: [] }, expected: ['connectorIds: must not be empty'] },
    { name: 'connector id 0', file: { connectorIds: [1, 0] }, expected: ['connectorIds[1]: must be >= 1, got 0'] },
    { name: 'interval must be > 0', file: { intervals: { heartbeatS: 0 } }, expected: ['intervals.heartbeatS: must be > 0, got 0'] },
    { name: 'negative tolerance', file: { toleranceMs: -1 }, expected: ['toleranceMs: must be >= 0, got -1'] },
    { name: 'smartCharging.rateUnit is A or W', file: { smartCharging: { rateUnit: 'kW' } }, expected: ['smartCharging.rateUnit: must be equal to one of the allowed values'] },
    { name: 'smartCharging.numberPhases at most 3', file: { smartCharging: { numberPhases: 4 } }, expected: ['smartCharging.numberPhases: must be <= 3, got 4'] },
    { name: 'knownIssue without note', file: { knownIssues: [{ caseId: 'X' }] }, expected: ['knownIssues[0].note: required'] },
    { name: 'file is not an object', file: [1, 2], expected: ['configuration: must be object'] },
    { name: 'CLI override is validated too', file: {}, overrides: { timeouts: { responseMs: -5 } }, expected: ['command line: timeouts.responseMs: must be >= 1, got -5'] },
    { name: 'bad profile on the command line', file: {}, overrides: { features: ['nope'] }, expected: ['command line: features[0]: unknown profile "nope"'] },
    {
      name: 'every problem is listed at once',
      file: { foo: 1, timeouts: { connectMs: 'x' }, sutControl: { type: 'http' }, features: ['x'] },
      expected: [
        'unknown field "foo" at the top level',
        'timeouts.connectMs: must be integer, got "x"',
        'sutControl.url: required when type is "http"',
        'features[0]: unknown profile "x"',
      ],
    },
  ];
  for (const t of invalid) {
    it(`rejects: ${t.name}`, () => {
      const problems = problemsOf(t.file, t.overrides);
      for (const e of t.expected) {
        expect(problems.some((p) => p.startsWith(e)), `"${e}" not in ${JSON.stringify(problems)}`).to.equal(true);
      }
      expect(problems).to.have.length(t.expected.length);
    });
  }

  it('the error message names the source and lists the problems', () => {
    try {
      resolveConfig({ foo: 1 }, {}, { source: 'lab.json' });
      expect.fail('expected a ConfigError');
    } catch (err) {
      expect((err as Error).message).to.match(/^invalid configuration in lab\.json \(1 problem\):\n {2}- unknown field "foo"/);
    }
  });
});

describe('config: redactConfig', () => {
  it('replaces secrets with ***, without touching the original', () => {
    const cfg = resolveConfig({ basicAuthPassword: 's3cret', sutControl: { type: 'http', url: 'http://u:pw@127.0.0.1:1/ctl' } }, {});
    const red = redactConfig(cfg);
    expect(red.basicAuthPassword).to.equal('***');
    expect(red.sutControl).to.deep.equal({ type: 'http', url: 'http://u:***@127.0.0.1:1/ctl' });
    expect(JSON.stringify(red)).to.not.include('s3cret').and.not.include(':pw@');
    expect(cfg.basicAuthPassword).to.equal('s3cret');
  });
  it('leaves a config without secrets as it is', () => {
    expect(redactConfig(defaultConfig())).to.deep.equal(defaultConfig());
  });
});

describe('config: loadConfigFile', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ocpp-harness-config-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function loadError(path: string): Promise<ConfigError> {
    try {
      await loadConfigFile(path);
    } catch (err) {
      expect(err).to.be.instanceOf(ConfigError);
      return err as ConfigError;
    }
    throw new Error('expected a ConfigError');
  }

  it('reads a valid file', async () => {
    const p = join(dir, 'ok.json');
    await writeFile(p, '\ufeff{ "identity": "X" }\n');
    expect(await loadConfigFile(p)).to.deep.equal({ identity: 'X' });
  });
  it('missing file', async () => {
    const e = await loadError(join(dir, 'nope.json'));
    expect(e.message).to.equal(`configuration file not found: ${join(dir, 'nope.json')}`);
  });
  const badJson: [string, string, RegExp][] = [
    ['trailing comma', '{\n  "identity": "X",\n}\n', /:2:18: invalid JSON: trailing comma before "}"/],
    ['missing comma', '{\n  "a": 1\n  "b": 2\n}', /:3:3: invalid JSON: missing "," between properties/],
    ['comment', '{\n  // lab\n  "a": 1\n}', /:2:3: invalid JSON: comments are not allowed in JSON/],
    ['single quotes', "{ 'a': 1 }", /:1:3: invalid JSON: property names must use double quotes/],
    ['truncated', '{ "a": [1, 2', /invalid JSON: expected "," or "]", found end of file/],
    ['empty', '  \n', /the file is empty/],
  ];
  for (const [name, text, re] of badJson) {
    it(`invalid JSON with its line and column: ${name}`, async () => {
      const p = join(dir, `bad-${name.replace(/\W/g, '_')}.json`);
      await writeFile(p, text);
      const e = await loadError(p);
      expect(e.message).to.match(re);
      expect(e.problems).to.have.length(1);
    });
  }
});
