import { defineCase } from '../../../harness/dsl/define-case.js';
import { unplug } from './cs-steps.js';
import { unlockDuringSession } from './cs-variants.js';

export default defineCase({
  id: 'TC_018_1_CS',
  title: 'Unlock Connector - With Charging Session (Not fixed cable)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 23, follows: '2024-04' },
  purpose: 'An UnlockConnector during a transaction is answered Unlocked by a charge point with a detachable cable, which first stops the transaction with a StopTransaction whose reason is UnlockCommand and reports Finishing.',
  refs: [
    'OCPP 1.6 §5.18 UnlockConnector (a transaction in progress is finished first)',
    'OCPP 1.6 §6.53 UnlockConnector.req, §6.54 UnlockConnector.conf, §7.46 UnlockStatus',
    'OCPP 1.6 §4.10 StopTransaction, §6.49 StopTransaction.req, §7.36 Reason (UnlockCommand)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT steps 1–9 as publicly summarised (Heartbeat/booted → Preparing, cable connected before the remote start → RemoteStartTransaction Accepted → StartTransaction with the same idTag → Charging → UnlockConnector Unlocked → StopTransaction reason UnlockCommand → Finishing → Available). Ours: step 1 uses the reusable state Booted; the cable is plugged in through SUT control in step 2 and taken out through SUT control in step 9 (the summary has it happen by itself); the StopTransaction may come before or after the UnlockConnector.conf and carries the idTag of the start only if it carries one (§6.49: optional, the charge point itself stops the transaction). Needs a detachable cable (declaration fixedCable false).',
  actions: ['plugIn', 'unplug'],
  declarations: { fixedCable: false },
}, async (t) => {
  const { sut, step } = t;
  const { cp, connectorId, idTag, transactionId, unlocking } = await unlockDuringSession(t, false);

  await step(7, 'The charge point stops the transaction: StopTransaction with reason UnlockCommand', () =>
    cp.expectCall('StopTransaction', {
      after: unlocking,
      match: { transactionId, reason: 'UnlockCommand', idTag: { oneOf: [idTag], optional: true } },
      requirement: 'OCPP 1.6 §5.18: with a transaction in progress on the connector the charge point SHALL finish the transaction first, as in Stop Transaction (§4.10); §7.36: reason UnlockCommand',
    }));

  await step(8, 'The charge point reports Finishing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: unlocking,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped, the cable still to be taken out: Finishing',
    }));

  await step(9, 'Take the unlocked cable out; the charge point reports Available', () => unplug(cp, sut, connectorId));
});
