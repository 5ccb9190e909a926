import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_031_CSMS',
  title: 'Unlock Connector - Unknown Connector',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 143, follows: '2024-04' },
  purpose: 'The CSMS asks a charge point to unlock a connector it does not have: it sends UnlockConnector for an unknown connectorId and copes with the answer NotSupported.',
  refs: ['OCPP 1.6 §5.18 UnlockConnector', 'OCPP 1.6 §6.53 UnlockConnector.req', 'OCPP 1.6 §7.46 UnlockStatus', 'OCPP 1.6 §3.8 Connector numbering'],
  provenance: 'Steps 1–2 as publicly summarised for TC_031_CSMS (tzi-OCTT test_tc_031_csms.py, EVtivity octt TC_031_CSMS): UnlockConnector.req with an unknown connectorId → UnlockConnector.conf status NotSupported (§7.46: NotSupported = no connector lock, or ConnectorId unknown). The unknown connectorId is one past the highest configured connector; the request is triggered through SUT control with it (a CSMS that refuses to address a connector it does not know of cannot run this case). The harness answers NotSupported.',
  actions: ['UnlockConnector'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = Math.max(...cfg.connectorIds) + 1;
  link.handle('UnlockConnector', () => ({ status: 'NotSupported' }));

  const request = await step(1, `The CSMS sends UnlockConnector for the unknown connector ${connectorId} (step 1)`, async () => {
    await sut.do('UnlockConnector', { connectorId });
    return link.expectCall('UnlockConnector', {
      match: { connectorId },
      requirement: 'OCPP 1.6 §5.18, §6.53: the CSMS requests the unlocking of a connector with UnlockConnector.req carrying its connectorId',
    });
  });

  await step(2, 'The charge point does not know the connector: it answers UnlockConnector NotSupported (step 2)', () => request.replied);
});
