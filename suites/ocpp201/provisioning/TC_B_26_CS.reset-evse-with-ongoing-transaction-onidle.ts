import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { energyTransferStarted, evDisconnected, readTxPoints, stopAuthorized } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_26_CS (Table 48)';

export default defineCase({
  id: 'TC_B_26_CS',
  title: 'Reset EVSE - With Ongoing Transaction - OnIdle',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B12 Reset - With Ongoing Transaction', requirements: ['B12.FR.01', 'B12.FR.07'] },
  purpose: 'Reset OnIdle of an EVSE with a transaction is Scheduled; the transaction then ends normally (StopAuthorized … EVDisconnected).',
  refs: ['OCPP 2.0.1 Part 2 B12.FR.01, FR.07', 'OCPP 2.0.1 Part 6 Tables 430–435 (reusable states)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_26_CS, Before by reusable state EnergyTransferStarted; ours: the EVSE is the first configured one; steps 3–6 run as far as TxStopPoint needs and always end with the EV unplugged.',
  pics: { all: ['C-13'], text: 'Reset per EVSE' },
  actions: ['plugIn', 'presentIdToken', 'unplug'],
}, async (t) => {
  const { csms, step, cfg } = t;
  const evseId = evseIdsOf(cfg)[0]!;
  const cp = await csms.booted();
  const points = await readTxPoints(cp, TABLE);
  const transactionId = await energyTransferStarted(t, cp, evseId, TABLE);
  await step(1, `Reset OnIdle for EVSE ${evseId} during its transaction (step 2: Scheduled)`, () =>
    cp.call('Reset', { type: 'OnIdle', evseId }, {
      expect: { status: 'Scheduled' },
      requirement: `${TABLE} step 2; Part 2 B12.FR.01: Reset OnIdle of an EVSE with a transaction is answered Scheduled`,
    }));
  const stop = await step(3, 'Reusable state StopAuthorized: the idToken is presented again', () =>
    stopAuthorized(t, cp, { evseId, transactionId, table: TABLE, stopPoints: points.stop }));
  await step(5, 'Reusable states EVConnectedPostSession and EVDisconnected: the EV is disconnected', () =>
    evDisconnected(t, cp, { evseId, transactionId: stop.ended ? undefined : transactionId, table: TABLE }));
  // The EVSE resets once idle (B12.FR.07); give it time before the next case.
  await t.sleep(Math.min(cfg.timeouts.messageMs, 1000));
});
