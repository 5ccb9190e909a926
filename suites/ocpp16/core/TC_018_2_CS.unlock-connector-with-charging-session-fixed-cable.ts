import { defineCase } from '../../../harness/dsl/define-case.js';
import { reusableCharging } from './cs-table-states.js';
import { unlockConnector } from './cs-variants.js';

export default defineCase({
  id: 'TC_018_2_CS',
  title: 'Unlock Connector - With Charging Session (Fixed cable)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 24, follows: '2024-04' },
  purpose: 'An UnlockConnector during a transaction is answered NotSupported by a charge point with a fixed cable, which has no connector lock.',
  refs: [
    'OCPP 1.6 §5.18 UnlockConnector',
    'OCPP 1.6 §6.53 UnlockConnector.req, §6.54 UnlockConnector.conf, §7.46 UnlockStatus (errata 3.87)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 24; ours: the reusable state Charging (Table 105) with the cable connected to the EV through SUT control (plugIn); the transaction is ended by the §1.3 post-conditions, not by the case.',
  actions: ['plugIn', 'unplug'],
  declarations: { fixedCable: true },
}, async (t) => {
  const { csms, sut, cfg, step } = t;
  const connectorId = cfg.connectorIds[0]!;
  const cp = await csms.booted();

  await step(0, `Before: reusable state Charging on connector ${connectorId}`, () => reusableCharging(cp, sut, connectorId, cfg.idTags.accepted));

  await unlockConnector(t, cp, connectorId, true, 24);
});
