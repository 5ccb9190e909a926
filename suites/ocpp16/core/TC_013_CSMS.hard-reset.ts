import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_013_CSMS',
  title: 'Hard Reset',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'The CSMS triggers a hard reset: it sends Reset with type Hard, then accepts the BootNotification of the restarted charge point and answers its StatusNotifications.',
  refs: [
    'OCPP 1.6 §5.14 Reset',
    'OCPP 1.6 §7.42 ResetType',
    'OCPP 1.6 §7.41 ResetStatus',
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'Steps 1–6 as publicly summarised for TC_013_CSMS (tzi-OCTT test_tc_013_csms.py, SteVe Ocpp16JsonCsmsCertificationIT): Reset.req type Hard (answered Accepted) → BootNotification (Accepted) → StatusNotification Available for connector 0 and every connector. The Reset is triggered through SUT control with type Hard. The restart between steps 2 and 3 is the harness charge point closing its connection and dialling anew; no transaction runs, so none is stopped (§5.14).',
  actions: ['Reset'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();

  const reset = await step(1, 'The CSMS sends Reset with type Hard (step 1)', async () => {
    await sut.do('Reset', { type: 'Hard' });
    return link.expectCall('Reset', {
      match: { type: 'Hard' },
      requirement: 'OCPP 1.6 §5.14, §7.42: the CSMS requests a hard reset with Reset.req type Hard',
    });
  });

  const rebooted = await step(2, 'The charge point answers Reset Accepted and restarts (step 2)', async () => {
    await reset.replied;
    await link.close(1001, 'hard reset');
    return cp.reconnect();
  });

  await step(3, 'After the restart: BootNotification; the CSMS accepts it (steps 3–4)', async () => {
    const boot = await rebooted.call('BootNotification', { chargePointVendor: 'ocpp-harness', chargePointModel: 'virtual-cp' }, {
      expect: { status: 'Accepted', interval: { minimum: 0 } },
      requirement: 'OCPP 1.6 §4.2: the CSMS answers the BootNotification a charge point sends after a reboot with its status, current time and heartbeat interval; a known charge point is Accepted',
    });
    if (boot.payload.status === 'Accepted') rebooted.link.state.bootStatus = 'Accepted';
  });

  await step(5, 'StatusNotification Available for connector 0 and every connector; the CSMS answers (steps 5–6)', async () => {
    for (const connectorId of [0, ...cfg.connectorIds]) {
      await rebooted.call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available', timestamp: new Date().toISOString() }, {
        requirement: 'OCPP 1.6 §4.9: the CSMS answers StatusNotification',
      });
    }
  });
});
