// The general pre-conditions of a case that cannot reach the charger name what came before: the previous
// case (the one that may have left it offline), not the case about to start.
import { expect } from 'chai';
import type { CsmsRole } from '../../harness/roles/csms-role.js';
import { ChargePointTracker } from '../../harness/versions/ocpp16/conditions/charge-point-tracker.js';
import { ChargingStationTracker } from '../../harness/versions/ocpp201/conditions/charging-station-tracker.js';

const role = { onConnection: () => undefined } as unknown as CsmsRole;

describe('general conditions: the case before this one', () => {
  for (const [name, make] of [['1.6', () => new ChargePointTracker(role, 'CP')], ['2.0.1', () => new ChargingStationTracker(role, 'CS')]] as const) {
    it(`${name}: names the previous case, or the start of the run before the first`, () => {
      const tracker = make();
      tracker.currentCase = 'TC_A';
      expect(tracker.lastCaseText()).to.equal('the start of the run');
      tracker.currentCase = 'TC_B';
      expect(tracker.currentCase).to.equal('TC_B');
      expect(tracker.lastCaseText()).to.equal('TC_A');
      tracker.currentCase = 'TC_B'; // set again for the same case: still TC_A before it
      expect(tracker.lastCaseText()).to.equal('TC_A');
    });
  }
});
