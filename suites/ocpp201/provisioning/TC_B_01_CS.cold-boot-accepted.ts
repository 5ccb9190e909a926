import { defineCase } from '../../../harness/dsl/define-case.js';
import { expectBoot, expectConnectorStatuses } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_01_CS (Table 18)';

export default defineCase({
  id: 'TC_B_01_CS',
  title: 'Cold Boot Charging Station - Accepted',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B01 Cold Boot Charging Station', requirements: ['B01.FR.01', 'B01.FR.05', 'B01.FR.09'] },
  purpose: 'After a power cycle the charging station sends BootNotification, and once it is accepted reports the state of every connector and the security event of its start-up (reusable state Booted).',
  refs: ['OCPP 2.0.1 Part 2 B01.FR.01', 'OCPP 2.0.1 Part 2 B01.FR.05', 'OCPP 2.0.1 Part 2 B01.FR.09', 'OCPP 2.0.1 Part 6 Table 423 (reusable state Booted)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_01_CS, reusable state Booted (Table 423, its manual power cycle); ours: the power cycle is the SUT-control action powerFailure.',
  actions: ['powerFailure'],
}, async (t) => {
  const { csms, sut, step, cfg } = t;
  await csms.booted();
  const { link, reply } = await step(3, 'Power-cycle the station; it sends BootNotification, the harness accepts it (step 4 of Booted)', async () => {
    const next = csms.nextConnection({ requirement: `${TABLE} step 1 (Booted step 3); Part 2 B01.FR.01: after start-up the station sends BootNotification` });
    await sut.do('powerFailure');
    const link = await next;
    const { reply } = await expectBoot(link, {
      within: cfg.timeouts.connectMs,
      requirement: `${TABLE} step 1 (Booted step 3); Part 2 B01.FR.01 and B01.FR.09: after start-up the station sends BootNotification with the reason of the boot`,
    });
    return { link, reply };
  });
  await step(5, 'The station reports the state of every connector, Available (step 6 of Booted: the harness answers)', () =>
    expectConnectorStatuses(t, link, {
      after: reply.seq, statusOf: () => 'Available',
      requirement: (evseId) => `${TABLE} post-scenario validation, Booted step 5; Part 2 B01.FR.05: once accepted the station sends a StatusNotification for each connector: EVSE ${evseId} Available`,
    }));
  await step(7, 'The station reports its start-up as a security event (step 8 of Booted: the harness answers)', () =>
    link.expectCall('SecurityEventNotification', {
      after: reply.seq, match: { type: { oneOf: ['StartupOfTheDevice', 'ResetOrReboot'] } },
      requirement: `${TABLE} step 1, Booted (Table 423) step 7: SecurityEventNotification with type StartupOfTheDevice or ResetOrReboot (Part 2 A04, security events)`,
    }));
});
