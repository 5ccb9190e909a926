import { defineCase } from '../../../harness/dsl/define-case.js';
import { unlockConnector } from './cs-variants.js';

export default defineCase({
  id: 'TC_017_1_CS',
  title: 'Unlock connector - no charging session running (Not fixed cable)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 21, follows: '2024-04' },
  purpose: 'With no transaction, a charge point with a detachable cable answers UnlockConnector with Unlocked.',
  refs: [
    'OCPP 1.6 §5.18 UnlockConnector',
    'OCPP 1.6 §6.53 UnlockConnector.req, §6.54 UnlockConnector.conf, §7.46 UnlockStatus (errata 3.87)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 21; ours: the connector is the first of config connectorIds, with no cable plugged in (the table has no Before state).',
  actions: [],
  declarations: { fixedCable: false },
}, async (t) => {
  const connectorId = t.cfg.connectorIds[0]!;
  const cp = await t.csms.booted();
  await unlockConnector(t, cp, connectorId, false, 21);
});
