import { defineCase } from '../../../harness/dsl/define-case.js';
import { plugIn, unplug } from './cs-steps.js';
import { remoteStartCharging } from './cs-offline-steps.js';

export default defineCase({
  id: 'TC_032_2_CS',
  title: 'Power failure boot charging point-configured to stop transaction(s)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 37, follows: '2024-04' },
  purpose: 'A charge point whose transaction was cut by a power failure boots with BootNotification once the power is back, reports its connectors, and then sends the StopTransaction for the interrupted transaction with reason PowerLoss.',
  refs: [
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 §4.9 StatusNotification (after the boot, errata 3.22)',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §3.7 Transaction-related messages',
    'OCPP 1.6 §6.49 StopTransaction.req (reason)',
    'OCPP 1.6 §7.36 Reason (PowerLoss)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
  ],
  provenance: 'OCTT steps 1–8 as publicly summarised (booted → Preparing → RemoteStartTransaction Accepted → StartTransaction with the same idTag → Charging → [power failure] BootNotification after the power is back, the only one of the case → StatusNotification connector 0 Available and connector 1 Finishing, and StopTransaction reason PowerLoss or Local, steps 7 and 8 in either order). Ours: step 1 uses the reusable state Booted; the cable is plugged in first, which gives the Preparing of step 2; the power failure is the SUT-control action powerFailure with stopTransactions = afterBoot (the variant this case is about: nothing is sent before going down); nothing but BootNotification may come first on the new connection (§4.2); the connector may also be reported Preparing (what the OCTT expects after the same boot in TC_032_1_CS); the StopTransaction is the one of the interrupted transaction (its transactionId) with reason PowerLoss — "Local" is not taken, since §4.10 asks for the correct reason when a transaction does not end normally; the summary also wants the idTag of the start, which §6.49 does not require of a stop the charge point itself makes, so it is not checked; step 9 (unplug → Available) leaves the charge point as found.',
  actions: ['plugIn', 'powerFailure', 'unplug'],
  declarations: { powerLossStop: ['afterBoot'] },
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  await step(2, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const { transactionId } = await step(3, 'RemoteStartTransaction: Accepted; StartTransaction with its idTag; Charging (steps 3–5)', () =>
    remoteStartCharging(cp, connectorId, idTag));

  const { link, accepted } = await step(6, 'The power fails and comes back: the charge point connects and sends BootNotification first; the harness accepts it', async () => {
    await sut.do('powerFailure', { stopTransactions: 'afterBoot' });
    const link = await csms.nextConnection();
    const boot = await link.expectCall('BootNotification', {
      forbid: { actions: '*', why: 'before its BootNotification is accepted the charge point SHALL NOT send other requests (§4.2)' },
      requirement: 'OCPP 1.6 §4.2: the charge point SHALL send BootNotification each time it boots, as after a loss of power',
    });
    return { link, accepted: await boot.replied };
  });

  await step(7, 'StatusNotification for connector 0 (Available) and the connector (Finishing or Preparing: the cable is still plugged in)', async () => {
    await link.expectCall('StatusNotification', {
      where: { connectorId: 0 }, after: accepted.seq,
      match: { status: 'Available' },
      requirement: 'OCPP 1.6 errata 3.22: after an accepted boot the charge point SHALL report connector 0 and every connector with its current status',
    });
    await link.expectCall('StatusNotification', {
      where: { connectorId }, after: accepted.seq,
      match: { status: { oneOf: ['Finishing', 'Preparing'] } },
      requirement: 'OCPP 1.6 errata 3.22, §7.7: the connector whose transaction the power failure ended, with the cable still plugged in, is reported Finishing (or Preparing)',
    });
  });

  await step(8, 'The charge point sends StopTransaction for the interrupted transaction with reason PowerLoss', () =>
    link.expectCall('StopTransaction', {
      after: accepted.seq,
      match: { transactionId, reason: 'PowerLoss' },
      requirement: 'OCPP 1.6 §4.10, §3.7: the transaction that ended with the power SHALL be reported with StopTransaction.req once the charge point can (transaction-related messages survive); §6.49, §7.36: not ended normally: reason PowerLoss',
    }));

  await step(9, 'Unplug the cable; the charge point reports Available', () => unplug(link, sut, connectorId));
});
