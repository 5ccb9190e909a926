import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';

export default defineCase({
  id: 'TC_014_CS',
  title: 'Soft Reset Without Transaction',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'A connector made Unavailable stays Unavailable across a soft reset: Reset Soft is accepted, the charge point reboots (BootNotification first), reports connector 0 Available and the connector Unavailable, and becomes Available again on ChangeAvailability Operative.',
  refs: [
    'OCPP 1.6 §5.14 Reset (errata 3.36), §6.39 Reset.req',
    'OCPP 1.6 §5.2 ChangeAvailability (persistent across a reboot)',
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 §4.9 StatusNotification (A8, H1)',
  ],
  provenance: 'OCTT steps 1–8 as publicly summarised (Heartbeat/booted → ChangeAvailability connector 1 Inoperative Accepted → StatusNotification Unavailable → Reset Soft Accepted → BootNotification → StatusNotification connector 0 Available and connector 1 Unavailable → ChangeAvailability Operative Accepted → StatusNotification Available). Ours: step 1 uses the reusable state Booted; the connector is the first of config connectorIds instead of 1; nothing but BootNotification may come first on the new connection (§4.2).',
  actions: [],
}, async ({ csms, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const inoperative = await step(2, `ChangeAvailability connector ${connectorId} Inoperative: Accepted`, async () => {
    const res = await cp.call('ChangeAvailability', { connectorId, type: 'Inoperative' }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.2: with no transaction on the connector, the change to Inoperative is Accepted',
    });
    return res.call.seq;
  });

  await step(3, 'The charge point reports the connector Unavailable', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: inoperative,
      match: { status: 'Unavailable' },
      requirement: 'OCPP 1.6 §5.2: once the availability changed the charge point SHALL report it with StatusNotification; §4.9 (A8): Unavailable',
    }));

  const next = csms.nextConnection();
  next.catch(() => undefined); // awaited in step 5
  await step(4, 'Send Reset Soft: Accepted', async () => {
    const res = await cp.call('Reset', { type: 'Soft' }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.14: the charge point SHALL answer Reset.req with whether it will attempt to reset itself',
    });
    if (res.payload.status !== 'Accepted') throw new ExpectationUnmet('the charge point did not accept the Reset: no reboot to observe');
  });

  const { link, booted } = await step(5, 'The charge point reboots: a new connection whose first message is BootNotification (the harness accepts it)', async () => {
    const link = await next;
    const boot = await link.expectCall('BootNotification', {
      requirement: 'OCPP 1.6 §4.2: the charge point SHALL send BootNotification each time it boots',
      forbid: { actions: '*', why: 'until BootNotification is accepted the charge point SHALL NOT send other requests (§4.2)' },
    });
    return { link, booted: await boot.replied };
  });

  await step(6, 'StatusNotification connector 0 Available and the connector Unavailable: the availability persisted', async () => {
    await link.expectCall('StatusNotification', {
      where: { connectorId: 0 }, after: booted.seq,
      match: { status: 'Available' },
      requirement: 'OCPP 1.6 §4.9: after an accepted boot the charge point reports the status of connector 0',
    });
    await link.expectCall('StatusNotification', {
      where: { connectorId }, after: booted.seq,
      match: { status: 'Unavailable' },
      requirement: 'OCPP 1.6 §5.2, §5.14: a connector set to Unavailable SHALL stay Unavailable across a reboot (persistent state)',
    });
  });

  const operative = await step(7, `ChangeAvailability connector ${connectorId} Operative: Accepted`, async () => {
    const res = await link.call('ChangeAvailability', { connectorId, type: 'Operative' }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.2: the change back to Operative is Accepted',
    });
    return res.call.seq;
  });

  await step(8, 'The charge point reports the connector Available', () =>
    link.expectCall('StatusNotification', {
      where: { connectorId }, after: operative,
      match: { status: 'Available' },
      requirement: 'OCPP 1.6 §5.2: once the availability changed the charge point SHALL report it with StatusNotification; §4.9 (H1): Available',
    }));
});
