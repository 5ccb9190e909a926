import { defineCase } from '../../../harness/dsl/define-case.js';
import { clearAllProfiles, expectComposite, fixtureProfile, placed, recentStart, setChargingProfileReq, startCharging, stopCharging } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_082_CS',
  title: 'Central Smart Charging - TxDefaultProfile - with ongoing transaction',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 81, follows: '2024-04' },
  purpose: 'A TxDefaultProfile set on a connector while a transaction without TxProfile runs there is Accepted and limits that transaction: the composite schedule the charge point reports for the connector is the new profile\'s.',
  refs: [
    'OCPP 1.6 §5.16.4 Setting a charging profile outside of a transaction (re-evaluate which profile is active)',
    'OCPP 1.6 §3.13.1 Charging profile purposes (TxDefaultProfile)',
    'OCPP 1.6 §3.13.3 Combining charging profile purposes',
    'OCPP 1.6 §5.7 Get Composite Schedule',
  ],
  provenance: 'Steps as in the public EVerest compliance test for this id (test_central_charging_tx_default_profile_ongoing_transaction: plug in, RemoteStartTransaction, StartTransaction, Charging → SetChargingProfile TxDefaultProfile on the connector, Accepted → GetCompositeSchedule, compared with the profile). No public OCTT step list exists. Ours: step 2 clears earlier profiles; the profile is the stack level 0 TxDefaultProfile of the fixture row Stacking_FallbackAfterDuration (Absolute, 6/8/10 A over 400 s), starting 2 s before it is sent; the request covers 300 s and the expected composite is predicted by harness/smart-charging (±1 s for the charge point\'s Time X); steps 6–7 leave the charge point as found.',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  await step(2, 'Preparation: ClearChargingProfile without fields; no earlier profile remains', () => clearAllProfiles(cp));

  const tx = await step(3, 'Plug in and start a transaction remotely: Preparing, RemoteStartTransaction Accepted, StartTransaction, Charging', () =>
    startCharging({ sut }, cp, { connectorId, idTag: cfg.idTags.accepted }));

  const txDefault = placed([fixtureProfile('Stacking_FallbackAfterDuration', 40)], { startS: recentStart(), connectorId })[0]!;
  await step(4, `SetChargingProfile: a TxDefaultProfile on connector ${connectorId}, where transaction ${tx.transactionId} runs; Accepted`, () =>
    cp.call('SetChargingProfile', setChargingProfileReq(txDefault), {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.16.4: default profiles MAY be sent at any time; the charge point SHALL add it and re-evaluate which profile is active',
    }));

  await step(5, 'GetCompositeSchedule for the connector, 300 s in A: the TxDefaultProfile limits the ongoing transaction', () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: 300, installed: [txDefault], transaction: tx,
      requirement: 'OCPP 1.6 §5.16.4: after re-evaluation the new TxDefaultProfile is the active one; §3.13.1: without a TxProfile the TxDefaultProfile governs the transaction; §5.7: the composite schedule from the moment of receipt for the duration',
    }));

  await step(6, 'Clean-up: stop the transaction remotely and unplug; Finishing, then Available', () => stopCharging({ sut }, cp, tx));

  await step(7, 'Clean-up: ClearChargingProfile of the TxDefaultProfile by id; Accepted', () =>
    cp.call('ClearChargingProfile', { id: txDefault.profile.chargingProfileId }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.5, §6.13: a ClearChargingProfile.req for the id of an installed profile clears it: Accepted (§7.21)',
    }));
});
