import { defineCase } from '../../../harness/dsl/define-case.js';
import { clearAllProfiles, expectComposite, fixtureProfile, placed, recentStart, setChargingProfileReq, startCharging, stopCharging } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_056_CS',
  title: 'Central Smart Charging - TxDefaultProfile',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 77, follows: '2024-04' },
  purpose: 'A TxDefaultProfile set on a connector outside a transaction is Accepted and limits the next transaction on that connector: the composite schedule the charge point reports for it is the one the profile prescribes from the transaction start.',
  refs: [
    'OCPP 1.6 §3.13.1 Charging profile purposes (TxDefaultProfile)',
    'OCPP 1.6 §5.16.4 Setting a charging profile outside of a transaction',
    'OCPP 1.6 §5.7 Get Composite Schedule',
    'OCPP 1.6 §7.9 ChargingProfileKindType (Relative)',
    'OCPP 1.6 §7.10 ChargingProfilePurposeType (TxDefaultProfile: used for a new transaction)',
  ],
  provenance: 'Steps as in the public EVerest compliance test for this id (test_central_charging_tx_default_profile: SetChargingProfile TxDefaultProfile on the connector, Accepted → plug in, RemoteStartTransaction, StartTransaction, Charging → GetCompositeSchedule, compared with the profile). No public OCTT step list exists. Ours: step 2 clears earlier profiles so that only the case\'s take part; the profile is the fixture row Relative_FromTransactionStart (a Relative TxDefaultProfile, 6 A, 16 A after 30 min) instead of an Absolute one starting now; the composite is predicted by harness/smart-charging from the profile and the request time (±1 s for the charge point\'s Time X), not hard-coded; steps 6–7 leave the charge point as found.',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());
  const txDefault = placed([fixtureProfile('Relative_FromTransactionStart', 70)], { startS: recentStart(), connectorId })[0]!;

  await step(2, 'Preparation: ClearChargingProfile without fields; no earlier profile remains', () => clearAllProfiles(cp));

  await step(3, `SetChargingProfile: a TxDefaultProfile for connector ${connectorId}, no transaction running; Accepted`, () =>
    cp.call('SetChargingProfile', setChargingProfileReq(txDefault), {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.16.4: default profiles MAY be sent at any time; §3.13.1: a TxDefaultProfile for connector > 0 applies to that connector',
    }));

  const tx = await step(4, 'Plug in and start a transaction remotely: Preparing, RemoteStartTransaction Accepted, StartTransaction, Charging', () =>
    startCharging({ sut }, cp, { connectorId, idTag: cfg.idTags.accepted }));

  await step(5, 'GetCompositeSchedule for the connector, 3600 s in A: the TxDefaultProfile\'s periods, counted from the transaction start', () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: 3600, installed: [txDefault], transaction: tx,
      requirement: 'OCPP 1.6 §5.7: the charge point SHALL report the composite schedule from the moment of receipt for the duration; §7.10: a TxDefaultProfile SHALL be used for a new transaction; §7.9: a Relative schedule runs from the transaction start',
    }));

  await step(6, 'Clean-up: stop the transaction remotely and unplug; Finishing, then Available', () => stopCharging({ sut }, cp, tx));

  await step(7, 'Clean-up: ClearChargingProfile of the TxDefaultProfile by id; Accepted', () =>
    cp.call('ClearChargingProfile', { id: txDefault.profile.chargingProfileId }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.5, §6.13: a ClearChargingProfile.req for the id of an installed profile clears it: Accepted (§7.21)',
    }));
});
