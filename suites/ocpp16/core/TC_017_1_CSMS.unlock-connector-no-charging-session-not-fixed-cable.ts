import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_017_1_CSMS',
  title: 'Unlock connector - no charging session running (Not fixed cable)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 130, follows: '2024-04' },
  purpose: 'The CSMS unlocks a connector on which no transaction runs: it sends UnlockConnector for the configured connector, which the charge point (detachable cable) unlocks.',
  refs: ['OCPP 1.6 §5.18 UnlockConnector', 'OCPP 1.6 §6.53 UnlockConnector.req', 'OCPP 1.6 §7.46 UnlockStatus'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 130; ours: the request is asked for through SUT control with the first configured connector; the harness answers Unlocked (charge-point defaults).',
  deviations: [{
    what: 'Step 1: the UnlockConnector.req names the connector it was asked to unlock (SHOULD)',
    why: 'The table checks nothing of the request; a CSMS that unlocks another connector than its operator asked for is worth a warning, not a FAIL',
    source: 'OCPP 1.6 §5.18, §6.53',
  }],
  actions: ['UnlockConnector'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];

  const request = await step(1, `The CSMS sends UnlockConnector for connector ${connectorId} (step 1)`, async () => {
    await sut.do('UnlockConnector', { connectorId });
    return link.expectCall('UnlockConnector', {
      match: { connectorId }, matchLevel: 'SHOULD',
      requirement: 'OCPP 1.6 §5.18, §6.53: the CSMS requests the unlocking of a connector with UnlockConnector.req naming the connector asked for',
    });
  });

  await step(2, 'The charge point answers UnlockConnector Unlocked (step 2)', () => request.replied);
});
