// OCTT Tables 96/97 (TC_080_CS, TC_081_CS) need a charge point that supports Firmware Management too: one
// that does not declare it is NOT_APPLICABLE, never FAIL for a SignedUpdateFirmware it need not take.
import { expect } from 'chai';
import { runBuiltin, testConfig } from '../support/run-builtin.js';

describe('signed firmware cases and the Firmware Management prerequisite', function () {
  this.timeout(60_000);

  it('without FirmwareManagement in features, TC_080_CS and TC_081_CS are NOT_APPLICABLE and say why', async () => {
    const cfg = testConfig();
    cfg.featuresBySut = { ChargePoint: ['Core', 'Security'], Csms: cfg.featuresBySut?.Csms ?? cfg.features };
    const { run } = await runBuiltin({ sides: ['ChargePoint'], cases: ['TC_080_CS', 'TC_081_CS'], cfg });
    for (const c of run.cases) {
      expect(c.verdict, c.id).to.equal('NOT_APPLICABLE');
      expect(c.reason, c.id).to.match(/FirmwareManagement feature profile/);
    }
  });
});
