import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { plugIn, unplug } from './cs-steps.js';

export default defineCase({
  id: 'TC_015_CS',
  title: 'Hard Reset With Transaction',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'During a transaction, Reset Hard is accepted; the charge point stops the transaction with a StopTransaction whose reason is HardReset before the reset, then reboots (BootNotification first) and reports its connectors, the cable still plugged in.',
  refs: [
    'OCPP 1.6 §5.14 Reset (errata 3.36: StopTransaction for any ongoing transaction before the reset)',
    'OCPP 1.6 §4.10 StopTransaction, §6.49 StopTransaction.req, §7.36 Reason (HardReset)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, F1)',
  ],
  provenance: 'OCTT steps 1–10 as publicly summarised (Heartbeat/booted → Preparing → RemoteStartTransaction Accepted → StartTransaction with the same idTag → Charging → Reset Hard Accepted → StopTransaction reason HardReset and Finishing, in either order → Preparing → BootNotification). Our step numbers follow the summary up to 7; ours: step 1 uses the reusable state Booted; the cable is plugged in through SUT control in step 2; the StopTransaction must come before the reboot (errata 3.36) and carries the idTag of the start only if it carries one (§6.49: optional, the charge point itself stops the transaction); Finishing before the reboot is not required, as the charge point may reset before reporting it; nothing but BootNotification may come first on the new connection (§4.2); the connector\'s status after the boot, cable still plugged in, may be Preparing or Finishing; step 10 (unplug → Available) leaves the charge point as found.',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  await step(2, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const requested = await step(3, 'Send RemoteStartTransaction for the connector and the valid idTag; the charge point accepts it', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: a free, plugged-in connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    return res.call.seq;
  });

  const transactionId = await step(4, 'The charge point sends StartTransaction with the idTag and connector of the request', async () => {
    const start = await cp.expectCall('StartTransaction', {
      after: requested,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(5, 'The charge point reports Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  const next = csms.nextConnection();
  next.catch(() => undefined); // awaited in step 8
  const reset = await step(6, 'Send Reset Hard: Accepted', async () => {
    const res = await cp.call('Reset', { type: 'Hard' }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.14: the charge point SHALL answer Reset.req with whether it will attempt to reset itself',
    });
    if (res.payload.status !== 'Accepted') throw new ExpectationUnmet('the charge point did not accept the Reset: no reboot to observe');
    return res.call.seq;
  });

  await step(7, 'Before the reset, the charge point sends StopTransaction for the transaction with reason HardReset', () =>
    cp.expectCall('StopTransaction', {
      after: reset,
      match: { transactionId, reason: 'HardReset', idTag: { oneOf: [idTag], optional: true } },
      requirement: 'OCPP 1.6 §5.14 (errata 3.36): after receipt of a Reset.req the charge point SHALL send a StopTransaction.req for any ongoing transaction before performing the reset; §7.36: reason HardReset',
    }));

  const { link, booted } = await step(8, 'The charge point reboots: a new connection whose first message is BootNotification (the harness accepts it) (summary step 10)', async () => {
    const link = await next;
    const boot = await link.expectCall('BootNotification', {
      requirement: 'OCPP 1.6 §4.2: the charge point SHALL send BootNotification each time it boots',
      forbid: { actions: '*', why: 'until BootNotification is accepted the charge point SHALL NOT send other requests (§4.2)' },
    });
    return { link, booted: await boot.replied };
  });

  await step(9, 'The charge point reports connector 0 and the connector, whose cable is still plugged in: Preparing (or Finishing) (summary steps 8–9)', async () => {
    await link.expectCall('StatusNotification', {
      where: { connectorId: 0 }, after: booted.seq,
      requirement: 'OCPP 1.6 §4.9: after an accepted boot the charge point reports the status of connector 0',
    });
    await link.expectCall('StatusNotification', {
      where: { connectorId }, after: booted.seq,
      match: { status: { oneOf: ['Preparing', 'Finishing'] } },
      requirement: 'OCPP 1.6 §4.9: after an accepted boot the charge point reports every connector; the transaction is over and the cable still plugged in: Preparing, or Finishing until the user acts',
    });
  });

  await step(10, 'Unplug the cable; the charge point reports Available', () => unplug(link, sut, connectorId));
});
