import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_B_01_CSMS',
  title: 'Cold Boot Charging Station - Accepted',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B01 Cold Boot Charging Station', requirements: ['B01.FR.02'] },
  purpose: 'The CSMS accepts the BootNotification of a registered charging station and answers the status notifications that follow.',
  refs: ['OCPP 2.0.1 Part 2 B01.FR.02', 'OCPP 2.0.1 Part 2 G01 (StatusNotification)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_01_CSMS (reusable state Booted); ours: the harness station opens a fresh connection first, so the boot is a cold boot.',
}, async ({ cp, step }) => {
  await step(1, 'Execute reusable state Booted: BootNotification accepted, StatusNotification Available per connector', async () => {
    const link = await cp.reconnect();
    link.link.state.bootStatus = undefined;
    await cp.booted();
  });
});
