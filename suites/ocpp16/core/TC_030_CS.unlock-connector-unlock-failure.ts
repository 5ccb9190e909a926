import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_030_CS',
  title: 'Unlock Connector - Unlock Failure',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 34, follows: '2024-04' },
  purpose: 'When the connector lock does not open, the charge point answers UnlockConnector with UnlockFailed.',
  refs: [
    'OCPP 1.6 §5.18 UnlockConnector',
    'OCPP 1.6 §7.46 UnlockStatus (errata 3.87: UnlockFailed)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 34; ours: the failure is caused by the SUT-control action unlockFailure (the next unlock attempt fails) on the first configured connector, the table\'s prerequisite; needs the declaration reportsUnlockFailure.',
  actions: ['unlockFailure'],
  declarations: { reportsUnlockFailure: true },
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await csms.booted();

  await step(1, `The lock of connector ${connectorId} will not open; UnlockConnector: UnlockFailed (steps 1–2)`, async () => {
    await sut.do('unlockFailure', { connectorId });
    await cp.call('UnlockConnector', { connectorId }, {
      expect: { status: 'UnlockFailed' },
      requirement: 'OCTT Table 34 step 2; OCPP 1.6 §5.18: the answer SHALL say whether the charge point was able to unlock; errata 3.87: UnlockFailed when it tried and the connector is still locked',
    });
  });
});
