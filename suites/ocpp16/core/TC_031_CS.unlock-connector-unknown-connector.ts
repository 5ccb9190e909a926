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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 35; ours: the unknown connector is 9765, or one past the highest configured connector id when the configuration lists 9765.',
  actions: [],
}, async ({ csms, cfg, step }) => {
  const connectorId = cfg.connectorIds.includes(UNKNOWN_CONNECTOR) ? Math.max(...cfg.connectorIds) + 1 : UNKNOWN_CONNECTOR;
  const cp = await csms.booted();

  await step(1, `UnlockConnector for connector ${connectorId}, which the charge point does not have: NotSupported (steps 1–2)`, () =>
    cp.call('UnlockConnector', { connectorId }, {
      expect: { status: 'NotSupported' },
      requirement: 'OCTT Table 35 step 2; OCPP 1.6 errata 3.87 (§7.46 UnlockStatus): NotSupported when the ConnectorId is unknown; UnlockFailed is only for a failed unlock attempt',
    }));
});
