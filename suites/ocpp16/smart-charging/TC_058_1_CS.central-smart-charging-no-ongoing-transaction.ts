import { defineCase } from '../../../harness/dsl/define-case.js';
import { fixtureProfile, placed, recentStart, setChargingProfileReq } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_058_1_CS',
  title: 'Central Smart Charging - No ongoing transaction',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 79, follows: '2024-04' },
  purpose: 'A TxProfile for a connector without a transaction is not taken: the charge point answers SetChargingProfile Rejected.',
  refs: [
    'OCPP 1.6 §3.13.1 Charging profile purposes (TxProfile without an active transaction)',
    'OCPP 1.6 §5.16.4 Setting a charging profile outside of a transaction',
    'OCPP 1.6 §7.11 ChargingProfileStatus',
  ],
  provenance: 'Steps as in the public EVerest compliance test for this id (test_central_charging_no_transaction: no transaction, SetChargingProfile TxProfile with a transactionId → Rejected). No public OCTT step list exists. Ours: the TxProfile is the fixture row TxProfile_NoTransaction_Ignored\'s (Relative, 6 A, transactionId 42); step 3 removes the profile again only if the charge point took it, to leave it as found.',
}, async ({ csms, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported; no transaction runs', () => csms.booted());
  const txProfile = placed([fixtureProfile('TxProfile_NoTransaction_Ignored', 82)], { startS: recentStart(), connectorId })[0]!;

  const answer = await step(2, `SetChargingProfile: a TxProfile for connector ${connectorId}, where no transaction runs; Rejected`, async () => {
    const res = await cp.call('SetChargingProfile', setChargingProfileReq(txProfile), {
      expect: { status: 'Rejected' },
      requirement: 'OCPP 1.6 §3.13.1: with no transaction active on the connector of a TxProfile the charge point SHALL discard it and return an error status (Rejected, §7.11); §5.16.4: a TxProfile cannot be set without an active transaction',
    });
    return res.payload.status;
  });

  await step(3, 'Clean-up: only if the profile was taken, ClearChargingProfile of it by id', async () => {
    if (answer === 'Rejected') {
      note('the profile was rejected: nothing to clear');
      return;
    }
    await cp.call('ClearChargingProfile', { id: txProfile.profile.chargingProfileId });
  });
});
