import { defineCase } from '../../../harness/dsl/define-case.js';

/** A connector id no charge point has (the number the public OCTT summary uses). */
const UNKNOWN_CONNECTOR = 9765;

export default defineCase({
  id: 'TC_031_CS',
  title: 'Unlock Connector - Unknown Connector',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 35, follows: '2024-04' },
  purpose: 'UnlockConnector for a connector id the charge point does not have is answered NotSupported.',
  refs: [
    'OCPP 1.6 §5.18 UnlockConnector',
    'OCPP 1.6 §7.46 UnlockStatus (errata 3.87: NotSupported for an unknown ConnectorId)',
    'OCPP 1.6 §3.8 Connector numbering',
  ],
  provenance: 'OCTT steps as publicly summarised (booted → UnlockConnector.req with connectorId 9765 → UnlockConnector.conf NotSupported). Ours: step 1 uses the reusable state Booted; 9765 unless the configuration lists it, then one past the highest configured connector id.',
  actions: [],
}, async ({ csms, cfg, step }) => {
  const connectorId = cfg.connectorIds.includes(UNKNOWN_CONNECTOR) ? Math.max(...cfg.connectorIds) + 1 : UNKNOWN_CONNECTOR;
  const cp = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  await step(2, `UnlockConnector for connector ${connectorId}, which the charge point does not have: NotSupported`, () =>
    cp.call('UnlockConnector', { connectorId }, {
      expect: { status: 'NotSupported' },
      requirement: 'OCPP 1.6 errata 3.87 (§7.46 UnlockStatus): NotSupported when the ConnectorId is unknown; UnlockFailed is only for a failed unlock attempt',
    }));
});
