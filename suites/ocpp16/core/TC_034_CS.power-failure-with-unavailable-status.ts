import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_034_CS',
  title: 'Power Failure with Unavailable Status',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 38, follows: '2024-04' },
  purpose: 'A charge point made Unavailable with ChangeAvailability stays Unavailable across a power failure: after the boot it reports connector 0 and its connectors Unavailable, and only ChangeAvailability Operative makes them Available again.',
  refs: [
    'OCPP 1.6 §5.2 ChangeAvailability (persistent states)',
    'OCPP 1.6 §4.9 StatusNotification (A8, H1; Unavailable persistent across reboot)',
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 errata 3.22 (statuses after an accepted boot)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 38; ours: the power failure is the SUT-control action powerFailure; nothing but BootNotification may come first on the new connection (§4.2); steps 9–11 (ChangeAvailability Operative for connector 0 and the connector, Available) leave the charge point as found.',
  actions: ['powerFailure'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await csms.booted();

  const inoperative = await step(1, 'ChangeAvailability connector 0 Inoperative: Accepted (steps 1–2)', async () => {
    const res = await cp.call('ChangeAvailability', { connectorId: 0, type: 'Inoperative' }, {
      expect: { status: 'Accepted' },
      requirement: 'OCTT Table 38 step 2; OCPP 1.6 §5.2: no transaction is in progress, so the charge point changes its availability: Accepted',
    });
    return res.call.seq;
  });

  await step(3, 'StatusNotification Unavailable for connector 0 and every connector (steps 3–4)', async () => {
    for (const id of [0, ...cfg.connectorIds]) {
      await cp.expectCall('StatusNotification', {
        where: { connectorId: id }, after: inoperative,
        match: { status: 'Unavailable' },
        requirement: 'OCTT Table 38 step 3; OCPP 1.6 §5.2: connectorId 0 applies to the charge point and all connectors; the new availability SHALL be reported with StatusNotification (A8)',
      });
    }
  });

  const { link, accepted } = await step(5, 'The power fails and comes back: the charge point connects and sends BootNotification first; the harness accepts it (steps 5–6)', async () => {
    await sut.do('powerFailure');
    const link = await csms.nextConnection();
    const boot = await link.expectCall('BootNotification', {
      octt: 'not-checked',
      forbid: { actions: '*', why: 'before its BootNotification is accepted the charge point SHALL NOT send other requests (§4.2)' },
      requirement: 'OCPP 1.6 §4.2: the charge point SHALL send BootNotification each time it boots, as after a loss of power',
    });
    return { link, accepted: await boot.replied };
  });

  await step(7, 'StatusNotification Unavailable for connector 0 and every connector: the availability survived the power failure (steps 7–8)', async () => {
    for (const id of [0, ...cfg.connectorIds]) {
      await link.expectCall('StatusNotification', {
        where: { connectorId: id }, after: accepted.seq,
        match: { status: 'Unavailable' },
        requirement: 'OCTT Table 38 step 7; OCPP 1.6 §4.9, §5.2: Unavailable set by ChangeAvailability MUST persist across a reboot; errata 3.22: after an accepted boot every connector is reported with its current status',
      });
    }
  });

  const operative = await step(9, 'Clean-up: ChangeAvailability connector 0 Operative: Accepted', async () => {
    const res = await link.call('ChangeAvailability', { connectorId: 0, type: 'Operative' }, {
      expect: { status: 'Accepted' }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.2: the charge point changes its availability: Accepted',
    });
    return res.call.seq;
  });

  await step(10, `Clean-up: ChangeAvailability connector ${connectorId} Operative: Accepted`, () =>
    link.call('ChangeAvailability', { connectorId, type: 'Operative' }, {
      expect: { status: 'Accepted' }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.2: Operative is the state the connector is (or is about to be) in: Accepted',
    }));

  await step(11, 'StatusNotification Available for connector 0 and every connector', async () => {
    for (const id of [0, ...cfg.connectorIds]) {
      await link.expectCall('StatusNotification', {
        where: { connectorId: id }, after: operative,
        match: { status: 'Available' }, octt: 'not-checked',
        requirement: 'OCPP 1.6 §5.2: the availability change SHALL be reported with StatusNotification; §4.9 (H1): Operative again with no cable plugged in: Available',
      });
    }
  });
});
