import { defineCase } from '../../../harness/dsl/define-case.js';
import { boot, pendingOrRejected } from './provisioning-steps.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';

export default defineCase({
  id: 'TC_B_30_CSMS',
  title: 'Cold Boot Charging Station - Pending/Rejected - SecurityError',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B02/B03 Cold Boot Charging Station - Pending / Rejected', requirements: ['B02.FR.09', 'B03.FR.07'] },
  purpose: 'While the boot of a station is Pending (or Rejected), the CSMS answers a CALL the station was not asked for with CALLERROR SecurityError.',
  refs: ['OCPP 2.0.1 Part 2 B02.FR.09', 'OCPP 2.0.1 Part 2 B03.FR.07', 'OCPP-J 2.0.1 §4.3 Table 8 (SecurityError)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_30_CSMS; ours: the prerequisite (first answer Pending, or Rejected for a CSMS without the Pending mechanism) is set through SUT control (setBootStatus); step 4 (SecurityError) is checked at MUST from B02.FR.09 / B03.FR.07, which the table lists but does not validate.',
  pics: { either: [{ all: ['C-44'] }, { none: ['AQ-6'] }], text: 'CSMS: if it can be configured to first answer a BootNotification with Pending or Rejected' },
  deviations: [{
    what: 'Step 4: the StatusNotification sent while the boot is not accepted must be answered with CALLERROR SecurityError',
    why: 'The table names the answer in its scenario but validates only step 2; B02.FR.09 and B03.FR.07 make it a SHALL',
    source: 'OCPP 2.0.1 Part 2 B02.FR.09, B03.FR.07',
  }],
  actions: ['setBootStatus'],
}, async ({ cp, sut, cfg, step }) => {
  const status = pendingOrRejected(cfg);
  await sut.do('setBootStatus', { status });
  const link = await cp.reconnect();
  link.link.state.bootStatus = undefined;

  await step(1, `The station boots (reason PowerUp); the CSMS answers ${status} (steps 1–2)`, () =>
    boot(link, 'PowerUp', {
      expect: { status: { oneOf: ['Pending', 'Rejected'] } },
      requirement: 'Part 6 TC_B_30_CSMS tool validation step 2: BootNotificationResponse status Pending or Rejected',
    }));

  await step(3, 'The station reports a connector Available without being asked; the CSMS answers CALLERROR SecurityError (steps 3–4)', async () => {
    const evseId = evseIdsOf(cfg)[0] ?? 1;
    await link.callExpectingError('StatusNotification', {
      payload: { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId, connectorId: 1 },
      exact: ['SecurityError'],
      requirement: 'OCPP 2.0.1 Part 2 B02.FR.09 (Pending) / B03.FR.07 (Rejected); Part 6 TC_B_30_CSMS step 4: a CALL that is not a BootNotification and was not triggered is answered with CALLERROR SecurityError',
      octt: 'not-checked',
    });
  });
});
