import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_017_2_CSMS',
  title: 'Unlock connector - no charging session running (Fixed cable)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 131, follows: '2024-04' },
  purpose: 'The CSMS asks a charge point with a fixed cable to unlock a connector: it sends UnlockConnector for the configured connector and copes with the answer NotSupported.',
  refs: ['OCPP 1.6 §5.18 UnlockConnector', 'OCPP 1.6 §6.53 UnlockConnector.req', 'OCPP 1.6 §7.46 UnlockStatus'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 131; ours: the request is asked for through SUT control with the first configured connector; the harness plays a charge point with a fixed cable and answers NotSupported.',
  deviations: [{
    what: 'Step 1: the UnlockConnector.req names the connector it was asked to unlock (SHOULD)',
    why: 'The table checks nothing of the request; a CSMS that unlocks another connector than its operator asked for is worth a warning, not a FAIL',
    source: 'OCPP 1.6 §5.18, §6.53',
  }],
  actions: ['UnlockConnector'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  link.handle('UnlockConnector', () => ({ status: 'NotSupported' }));

  const request = await step(1, `The CSMS sends UnlockConnector for connector ${connectorId} (step 1)`, async () => {
    await sut.do('UnlockConnector', { connectorId });
    return link.expectCall('UnlockConnector', {
      match: { connectorId }, matchLevel: 'SHOULD',
      requirement: 'OCPP 1.6 §5.18, §6.53: the CSMS requests the unlocking of a connector with UnlockConnector.req naming the connector asked for',
    });
  });

  await step(2, 'The charge point (fixed cable, no lock) answers UnlockConnector NotSupported (step 2)', () => request.replied);
});
