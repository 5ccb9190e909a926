// A check that no fault can trip proves nothing: every check id needs a fault that trips it,
// and every fault the peers offer is in the catalogue.
import { expect } from 'chai';
import { CHECK_IDS } from '../../harness/checks/catalogue.js';
import { CP_QUIRKS, CSMS_QUIRKS } from '../../harness/versions/ocpp16/reference/quirks.js';
import { COPING_FAULTS, FAULTS } from '../peers/faults.js';

describe('kill matrix', () => {
  it('every check id exported by harness/checks is tripped by at least one named fault', () => {
    const killed = new Set(FAULTS.flatMap((f) => f.kills));
    const untested = CHECK_IDS.filter((id) => !killed.has(id));
    expect(untested, `check ids no fault trips: ${untested.join(', ')}`).to.deep.equal([]);
  });

  it('every fault names only known check ids', () => {
    for (const f of FAULTS) for (const k of f.kills) expect(CHECK_IDS).to.include(k);
  });

  it('every fault of the built-in peers is in the catalogue (or a coping test)', () => {
    const listed = new Set([...FAULTS.map((f) => `${f.peer}:${f.fault}`), ...COPING_FAULTS.map((f) => `chargePoint:${f}`)]);
    const missing = [
      ...CP_QUIRKS.map((q) => `chargePoint:${q}`),
      ...CSMS_QUIRKS.map((q) => `csms:${q}`),
    ].filter((q) => !listed.has(q));
    expect(missing).to.deep.equal([]);
  });
});
