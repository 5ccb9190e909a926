import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { cleanUpTransaction, energyTransferStarted } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_29_CS (Table 51)';

export default defineCase({
  id: 'TC_B_29_CS',
  title: 'Reset EVSE - With ongoing transaction - Not Supported',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B11 Reset - Without Ongoing Transaction', requirements: ['B12.FR.01', 'B12.FR.09'] },
  purpose: 'A station that cannot reset an individual EVSE rejects Reset OnIdle with the evseId of an EVSE with a transaction.',
  refs: ['OCPP 2.0.1 Part 2 B12.FR.09'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_29_CS, Before by reusable state EnergyTransferStarted; ours: the EVSE is the first configured one; the transaction is ended and the EV unplugged after the case.',
  deviations: [
    { what: 'After the case the EV is disconnected and the connector reported Available (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 G01 (StatusNotification)' },
  ],
  pics: { none: ['C-13'], text: 'the station does not support resetting an individual EVSE' },
  actions: ['plugIn', 'presentIdToken', 'unplug'],
}, async (t) => {
  const { csms, step, cfg } = t;
  const evseId = evseIdsOf(cfg)[0]!;
  const cp = await csms.booted();
  const transactionId = await energyTransferStarted(t, cp, evseId, TABLE);
  await step(1, `Reset OnIdle for EVSE ${evseId} during its transaction (step 2: Rejected)`, () =>
    cp.call('Reset', { type: 'OnIdle', evseId }, {
      expect: { status: 'Rejected' },
      requirement: `${TABLE} step 2; Part 2 B12.FR.09: a station that does not support resetting an individual EVSE answers Rejected`,
    }));
  await step(3, 'Ours: the transaction is ended and the EV disconnected after the case', () => cleanUpTransaction(t, cp, evseId, transactionId, TABLE));
});
