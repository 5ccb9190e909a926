import { defineCase } from '../../../harness/dsl/define-case.js';
import { unplug } from './cs-steps.js';
import { reusableCharging } from './cs-table-states.js';
import { unlockConnector } from './cs-variants.js';

export default defineCase({
  id: 'TC_018_1_CS',
  title: 'Unlock Connector - With Charging Session (Not fixed cable)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 23, follows: '2024-04' },
  purpose: 'An UnlockConnector during a transaction is answered Unlocked by a charge point with a detachable cable, which stops the transaction with a StopTransaction whose reason is UnlockCommand, reports Finishing, and Available once the cable is out.',
  refs: [
    'OCPP 1.6 §5.18 UnlockConnector (a transaction in progress is finished first)',
    'OCPP 1.6 §6.53 UnlockConnector.req, §6.54 UnlockConnector.conf, §7.46 UnlockStatus',
    'OCPP 1.6 §4.10 StopTransaction, §6.49 StopTransaction.req, §7.36 Reason (UnlockCommand)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 23; ours: the reusable state Charging (Table 105) with the plug-in through SUT control, and the unplug of step 7 through SUT control.',
  actions: ['plugIn', 'unplug'],
  declarations: { fixedCable: false },
}, async (t) => {
  const { csms, sut, cfg, step } = t;
  const connectorId = cfg.connectorIds[0]!;
  const cp = await csms.booted();

  const { transactionId } = await step(0, `Before: reusable state Charging on connector ${connectorId}`, () => reusableCharging(cp, sut, connectorId, cfg.idTags.accepted));

  const unlocking = await unlockConnector(t, cp, connectorId, false, 23);

  // The StopTransaction may come before the UnlockConnector.conf, and Finishing before or after it (§1.2).
  await step(3, 'The charge point stops the transaction: StopTransaction with reason UnlockCommand (steps 3–4)', () =>
    cp.expectCall('StopTransaction', {
      after: unlocking,
      match: { transactionId, reason: 'UnlockCommand' },
      requirement: 'OCTT Table 23 step 3; OCPP 1.6 §5.18: with a transaction in progress on the connector the charge point SHALL finish the transaction first, as in Stop Transaction (§4.10); §7.36: reason UnlockCommand',
    }));

  await step(5, 'The charge point reports Finishing (steps 5–6)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: unlocking,
      match: { status: 'Finishing' },
      requirement: 'OCTT Table 23 step 5; OCPP 1.6 §4.9 (C6): the transaction stopped, the cable still to be taken out: Finishing',
    }));

  await step(7, 'The EV driver takes the unlocked cable out; the charge point reports Available (steps 7–8)', () => unplug(cp, sut, connectorId));
});
