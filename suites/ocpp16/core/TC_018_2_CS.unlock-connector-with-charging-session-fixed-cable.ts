import { defineCase } from '../../../harness/dsl/define-case.js';
import { unplug } from './cs-steps.js';
import { unlockDuringSession } from './cs-variants.js';

export default defineCase({
  id: 'TC_018_2_CS',
  title: 'Unlock Connector - With Charging Session (Fixed cable)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 24, follows: '2024-04' },
  purpose: 'An UnlockConnector during a transaction is answered NotSupported by a charge point with a fixed cable, which has no connector lock.',
  refs: [
    'OCPP 1.6 §5.18 UnlockConnector',
    'OCPP 1.6 §6.53 UnlockConnector.req, §6.54 UnlockConnector.conf, §7.46 UnlockStatus (errata 3.87)',
    'OCPP 1.6 §5.11 RemoteStartTransaction, §5.12 RemoteStopTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT steps 1–6 as publicly summarised (Heartbeat/booted → Preparing, cable connected before the remote start → RemoteStartTransaction Accepted → StartTransaction with the same idTag → Charging → UnlockConnector NotSupported). Ours: step 1 uses the reusable state Booted; the cable is connected to the EV through SUT control (plugIn) in step 2; steps 7–9 only leave the charge point as found: §5.18 has a transaction on the connector finished first, which the summary does not check, so a RemoteStopTransaction is answered Accepted (the transaction still runs) or Rejected (the unlock ended it) and a StopTransaction for the transaction is expected either way, then Finishing, and the cable is hung back (unplug → Available). Needs a fixed cable (declaration fixedCable true).',
  actions: ['plugIn', 'unplug'],
  declarations: { fixedCable: true },
}, async (t) => {
  const { sut, step } = t;
  const { cp, connectorId, transactionId, unlocking } = await unlockDuringSession(t, true);

  await step(7, 'Clean-up: RemoteStopTransaction for the transaction (Accepted, or Rejected when the unlock ended it) and its StopTransaction', async () => {
    await cp.call('RemoteStopTransaction', { transactionId }, {
      expect: { status: { oneOf: ['Accepted', 'Rejected'] } },
      requirement: 'OCPP 1.6 §5.12: the charge point answers RemoteStopTransaction: Accepted while the transaction runs, Rejected once it is over',
    });
    await cp.expectCall('StopTransaction', {
      after: unlocking,
      match: { transactionId },
      requirement: 'OCPP 1.6 §4.10: a stopped transaction is reported with StopTransaction.req',
    });
  });

  await step(8, 'The charge point reports Finishing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: unlocking,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped, the cable still connected to the EV: Finishing',
    }));

  await step(9, 'Hang the cable back; the charge point reports Available', () => unplug(cp, sut, connectorId));
});
