import { defineCase } from '../../../harness/dsl/define-case.js';
import { cleanUpUnplug, reusableCharging } from './cs-table-states.js';

export default defineCase({
  id: 'TC_032_2_CS',
  title: 'Power failure boot charging point-configured to stop transaction(s)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 37, follows: '2024-04' },
  purpose: 'A charge point whose transaction was cut by a power failure boots with BootNotification once the power is back and reports its connectors; the transaction ends either with a StopTransaction of the charge point (reason PowerLoss) or, when the charge point resumed it (Charging), when the driver stops it (reason Local or none).',
  refs: [
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 §4.9 StatusNotification (after the boot, errata 3.22)',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §3.7 Transaction-related messages',
    'OCPP 1.6 §6.49 StopTransaction.req (reason)',
    'OCPP 1.6 §7.36 Reason (PowerLoss)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 37; ours: the power failure is the SUT-control action powerFailure with stopTransactions = afterBoot, and the table\'s prerequisite (no back-up power, configured to stop after going down) is the declaration powerLossStop afterBoot; nothing but BootNotification may come first on the new connection (§4.2); a resumed transaction is stopped by presenting its idTag (SUT control presentIdTag); step 9 (unplug → Available) leaves the charge point as found.',
  actions: ['plugIn', 'powerFailure', 'unplug'],
  declarations: { powerLossStop: ['afterBoot'] },
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await csms.booted();

  const { transactionId } = await step(0, 'Before: reusable state Charging', () => reusableCharging(cp, sut, connectorId, idTag));

  const { link, accepted } = await step(1, 'The power fails and comes back: the charge point connects and sends BootNotification first; the harness accepts it (steps 1–2)', async () => {
    await sut.do('powerFailure', { stopTransactions: 'afterBoot' });
    const link = await csms.nextConnection();
    const boot = await link.expectCall('BootNotification', {
      octt: 'not-checked',
      forbid: { actions: '*', why: 'before its BootNotification is accepted the charge point SHALL NOT send other requests (§4.2)' },
      requirement: 'OCPP 1.6 §4.2: the charge point SHALL send BootNotification each time it boots, as after a loss of power',
    });
    return { link, accepted: await boot.replied };
  });

  // Steps 3–7 may come in any order (the table); statuses Unavailable / Available on the way are allowed.
  const resumed = await step(3, 'StatusNotification for the connector (Preparing, Finishing or Charging), Available for connector 0 and the others (steps 3–4)', async () => {
    for (const other of [0, ...cfg.connectorIds.filter((id) => id !== connectorId)]) {
      await link.expectCall('StatusNotification', {
        where: { connectorId: other }, after: accepted.seq,
        match: { status: 'Available' },
        requirement: 'OCTT Table 37 step 3; OCPP 1.6 errata 3.22: after an accepted boot the charge point SHALL report connector 0 and every connector with its current status',
      });
    }
    const status = await link.expectCall('StatusNotification', {
      where: { connectorId, status: { oneOf: ['Preparing', 'Finishing', 'Charging'] } }, after: accepted.seq,
      requirement: 'OCTT Table 37 step 3: the connector of the interrupted transaction is reported Preparing, Finishing or Charging (Unavailable or Available on the way allowed); OCPP 1.6 errata 3.22',
    });
    return status.frame.payload.status === 'Charging';
  });

  const stopping = await step(5, resumed
    ? 'The charge point resumed the transaction: the driver presents its idTag; StopTransaction, reason Local or none (steps 5–6)'
    : 'The charge point sends StopTransaction for the interrupted transaction, reason PowerLoss (steps 5–6)', async () => {
    const from = link.mark(resumed ? 'presenting the idTag to stop the resumed transaction' : 'waiting for the StopTransaction of the interrupted transaction');
    if (resumed) await sut.do('presentIdTag', { connectorId, idTag });
    await link.expectCall('StopTransaction', {
      after: accepted.seq,
      match: { transactionId, reason: resumed ? { oneOf: ['Local'], optional: true } : 'PowerLoss' },
      requirement: 'OCTT Table 37 step 5: reason Local or omitted when the driver stopped it, PowerLoss when the charge point stopped it for the power loss; OCPP 1.6 §4.10, §3.7: the transaction SHALL be reported with StopTransaction.req (§6.49, §7.36)',
    });
    return from;
  });

  if (resumed) {
    await step(7, 'The charge point reports Preparing or Finishing (steps 7–8)', () =>
      link.expectCall('StatusNotification', {
        where: { connectorId }, after: stopping,
        match: { status: { oneOf: ['Preparing', 'Finishing'] } },
        requirement: 'OCTT Table 37 step 7; OCPP 1.6 §4.9 (C6), errata 3.19: the transaction stopped with the cable still plugged in',
      }));
  }

  await step(9, 'Unplug the cable; the charge point reports Available', () => cleanUpUnplug(link, sut, connectorId));
});
