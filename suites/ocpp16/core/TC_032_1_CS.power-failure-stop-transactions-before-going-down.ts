import { defineCase } from '../../../harness/dsl/define-case.js';
import { cleanUpUnplug, reusableCharging } from './cs-table-states.js';

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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 36; ours: the power failure is the SUT-control action powerFailure with stopTransactions = beforeDown, and the table\'s prerequisite (back-up power, configured to stop before going down) is the declaration powerLossStop beforeDown; nothing but BootNotification may come first on the new connection (§4.2); step 9 (unplug → Available) leaves the charge point as found.',
  actions: ['plugIn', 'powerFailure', 'unplug'],
  declarations: { powerLossStop: ['beforeDown'] },
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await csms.booted();

  const { transactionId } = await step(0, 'Before: reusable state Charging', () => reusableCharging(cp, sut, connectorId, idTag));

  const { failed, next } = await step(1, 'The power fails; before going down the charge point sends StopTransaction with reason PowerLoss (steps 1–2)', async () => {
    const from = cp.mark('power failure');
    await sut.do('powerFailure', { stopTransactions: 'beforeDown' });
    const connection = csms.nextConnection();
    connection.catch(() => undefined); // awaited in step 5
    await cp.expectCall('StopTransaction', {
      after: from,
      match: { transactionId, reason: 'PowerLoss' },
      requirement: 'OCTT Table 36 step 1; OCPP 1.6 §4.10: a stopped transaction SHALL be reported with StopTransaction.req; §6.49, §7.36: not ended normally, so the reason is set: PowerLoss (complete loss of power)',
    });
    return { failed: from, next: connection };
  });

  await step(3, 'The charge point reports Finishing before going down (steps 3–4; may come before step 1)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: failed,
      match: { status: 'Finishing' },
      requirement: 'OCTT Table 36 step 3; OCPP 1.6 §4.9 (C6), errata 3.19: the status change SHALL be reported: the transaction stopped with the cable still plugged in: Finishing',
    }));

  const { link, accepted } = await step(5, 'The power is back: the charge point connects and sends BootNotification first; the harness accepts it (steps 5–6)', async () => {
    const link = await next;
    const boot = await link.expectCall('BootNotification', {
      octt: 'not-checked',
      forbid: { actions: '*', why: 'before its BootNotification is accepted the charge point SHALL NOT send other requests (§4.2)' },
      requirement: 'OCPP 1.6 §4.2: the charge point SHALL send BootNotification each time it boots, as after a loss of power',
    });
    return { link, accepted: await boot.replied };
  });

  await step(7, 'StatusNotification for the connector (Finishing or Preparing: the cable is still plugged in), Available for connector 0 and the others (steps 7–8)', async () => {
    for (const other of [0, ...cfg.connectorIds.filter((id) => id !== connectorId)]) {
      await link.expectCall('StatusNotification', {
        where: { connectorId: other }, after: accepted.seq,
        match: { status: 'Available' },
        requirement: 'OCTT Table 36 step 7; OCPP 1.6 errata 3.22: after an accepted boot the charge point SHALL report connector 0 and every connector with its current status',
      });
    }
    await link.expectCall('StatusNotification', {
      where: { connectorId }, after: accepted.seq,
      match: { status: { oneOf: ['Preparing', 'Finishing'] } },
      requirement: 'OCTT Table 36 step 7; OCPP 1.6 errata 3.22, §7.7: the connector with the cable of the stopped transaction still plugged in is reported Preparing or Finishing',
    });
  });

  await step(9, 'Unplug the cable; the charge point reports Available', () => cleanUpUnplug(link, sut, connectorId));
});
