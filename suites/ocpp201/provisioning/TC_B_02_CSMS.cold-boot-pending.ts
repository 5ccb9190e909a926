import { defineCase } from '../../../harness/dsl/define-case.js';
import { boot, reportConnectors } from './provisioning-steps.js';

export default defineCase({
  id: 'TC_B_02_CSMS',
  title: 'Cold Boot Charging Station - Pending',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B02 Cold Boot Charging Station - Pending', requirements: ['B02.FR.01', 'B02.FR.06'] },
  purpose: 'A CSMS configured to answer a first BootNotification with Pending does so, and accepts the station when it boots again after the interval.',
  refs: ['OCPP 2.0.1 Part 2 B02.FR.01', 'OCPP 2.0.1 Part 2 B02.FR.06', 'OCPP 2.0.1 Part 2 B01 (BootNotificationResponse interval)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_02_CSMS; ours: the prerequisite (first answer Pending) is set through SUT control (setBootStatus); the harness station waits the interval the CSMS gave (the configured heartbeat interval for 0), answering whatever the CSMS asks meanwhile with its defaults.',
  pics: { all: ['C-44'], text: 'CSMS: if the Pending mechanism is implemented' },
  actions: ['setBootStatus'],
}, async ({ cp, sut, cfg, step, sleep }) => {
  await sut.do('setBootStatus', { status: 'Pending' });
  let link = await cp.reconnect();

  const first = await step(1, 'The station boots (reason PowerUp); the CSMS answers Pending (steps 1–2)', () =>
    boot(link, 'PowerUp', {
      expect: { status: 'Pending' },
      requirement: 'Part 6 TC_B_02_CSMS tool validation step 2: BootNotificationResponse status Pending (the CSMS is configured to answer Pending first)',
    }));

  await step(3, 'After the interval the station boots again; the CSMS answers Accepted (steps 3–4)', async () => {
    const interval = typeof first.payload.interval === 'number' && first.payload.interval > 0 ? first.payload.interval : cfg.intervals.heartbeatS;
    await sleep(interval * 1000);
    link = await cp.connection();
    await boot(link, 'PowerUp', {
      expect: { status: 'Accepted' },
      requirement: 'Part 6 TC_B_02_CSMS tool validation step 4 (written "Step 3"): BootNotificationResponse status Accepted',
    });
  });

  await step(5, 'The station reports every connector Available; the CSMS answers (steps 5–6)', () =>
    reportConnectors(link, cfg, () => 'Available', 'Part 6 TC_B_02_CSMS step 6: the CSMS answers StatusNotification and NotifyEvent'));
});
