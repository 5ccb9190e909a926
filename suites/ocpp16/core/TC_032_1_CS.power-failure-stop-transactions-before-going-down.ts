import { defineCase } from '../../../harness/dsl/define-case.js';
import { plugIn, unplug } from './cs-steps.js';
import { remoteStartCharging } from './cs-offline-steps.js';

export default defineCase({
  id: 'TC_032_1_CS',
  title: 'Power failure boot charging point - configured to stop transaction(s) before going down',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 36, follows: '2024-04' },
  purpose: 'A charge point that stops its transactions when the power fails (before going down) sends StopTransaction with reason PowerLoss and reports Finishing before it goes down, then boots with BootNotification once the power is back and reports its connectors.',
  refs: [
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §6.49 StopTransaction.req (reason)',
    'OCPP 1.6 §7.36 Reason (PowerLoss)',
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 §4.9 StatusNotification (C6; after the boot, errata 3.22)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
  ],
  provenance: 'OCTT steps 1–9 as publicly summarised (booted → Preparing → RemoteStartTransaction Accepted → StartTransaction with the same idTag → Charging → [power failure] StopTransaction reason PowerLoss → Finishing → BootNotification after the power is back → StatusNotification Preparing). Ours: step 1 uses the reusable state Booted; the cable is plugged in first, which gives the Preparing of step 2; the power failure is the SUT-control action powerFailure with stopTransactions = beforeDown (a charge point that stops its transactions before it goes down — the variant this case is about); the StopTransaction and Finishing are expected on the connection that was live before the failure, in either order; the summary also wants the idTag of the start in StopTransaction, which §6.49 does not require of a stop the charge point itself makes (§4.10), so it is not checked; after the boot the connector may be Preparing (the summary) or Finishing (§7.7: the cable of a stopped transaction is still plugged in), and connector 0 Available; step 10 (unplug → Available) leaves the charge point as found.',
  actions: ['plugIn', 'powerFailure', 'unplug'],
  declarations: { powerLossStop: ['beforeDown'] },
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  await step(2, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const { transactionId } = await step(3, 'RemoteStartTransaction: Accepted; StartTransaction with its idTag; Charging (steps 3–5)', () =>
    remoteStartCharging(cp, connectorId, idTag));

  const { failed, next } = await step(6, 'The power fails; before going down the charge point sends StopTransaction with reason PowerLoss', async () => {
    const from = cp.mark('power failure');
    await sut.do('powerFailure', { stopTransactions: 'beforeDown' });
    const connection = csms.nextConnection();
    connection.catch(() => undefined); // awaited in step 8
    await cp.expectCall('StopTransaction', {
      after: from,
      match: { transactionId, reason: 'PowerLoss' },
      requirement: 'OCPP 1.6 §4.10: a stopped transaction SHALL be reported with StopTransaction.req; §6.49, §7.36: not ended normally, so the reason is set: PowerLoss (complete loss of power)',
    });
    return { failed: from, next: connection };
  });

  await step(7, 'The charge point reports Finishing before going down', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: failed,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6), errata 3.19: the status change SHALL be reported: the transaction stopped with the cable still plugged in: Finishing',
    }));

  const { link, accepted } = await step(8, 'The power is back: the charge point connects and sends BootNotification first; the harness accepts it', async () => {
    const link = await next;
    const boot = await link.expectCall('BootNotification', {
      forbid: { actions: '*', why: 'before its BootNotification is accepted the charge point SHALL NOT send other requests (§4.2)' },
      requirement: 'OCPP 1.6 §4.2: the charge point SHALL send BootNotification each time it boots, as after a loss of power',
    });
    return { link, accepted: await boot.replied };
  });

  await step(9, 'StatusNotification for connector 0 (Available) and the connector (Preparing or Finishing: the cable is still plugged in)', async () => {
    await link.expectCall('StatusNotification', {
      where: { connectorId: 0 }, after: accepted.seq,
      match: { status: 'Available' },
      requirement: 'OCPP 1.6 errata 3.22: after an accepted boot the charge point SHALL report connector 0 and every connector with its current status',
    });
    await link.expectCall('StatusNotification', {
      where: { connectorId }, after: accepted.seq,
      match: { status: { oneOf: ['Preparing', 'Finishing'] } },
      requirement: 'OCPP 1.6 errata 3.22, §7.7: the connector with the cable of the stopped transaction still plugged in is reported Preparing or Finishing',
    });
  });

  await step(10, 'Unplug the cable; the charge point reports Available', () => unplug(link, sut, connectorId));
});
