import { defineCase } from '../../../harness/dsl/define-case.js';
import { clearAllProfiles, expectComposite, fixtureProfiles, placed, recentStart, setChargingProfileReq, startCharging, stopCharging } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_057_CS',
  title: 'Central Smart Charging - TxProfile',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 78, follows: '2024-04' },
  purpose: 'During a transaction, a TxProfile for that transaction (its transactionId) is Accepted and overrules the TxDefaultProfile: the composite schedule the charge point reports for the connector is the TxProfile\'s.',
  refs: [
    'OCPP 1.6 §3.13.1 Charging profile purposes (TxProfile overrules TxDefaultProfile)',
    'OCPP 1.6 §5.16.3 Setting a charging profile during a transaction',
    'OCPP 1.6 §5.7 Get Composite Schedule',
    'OCPP 1.6 §7.9 ChargingProfileKindType (Relative)',
  ],
  provenance: 'Steps as in the public EVerest compliance test for this id (test_central_charging_tx_profile: plug in, RemoteStartTransaction, StartTransaction, Charging → SetChargingProfile TxProfile with the transactionId, Accepted → GetCompositeSchedule, compared with the profile). No public OCTT step list exists. Ours: step 2 clears earlier profiles; the profiles are the fixture row TxProfile_WithoutTransactionId_AppliesToRunningTransaction (a TxDefaultProfile on connector 0, 16 A, set first in step 3 so that the overruling shows; a Relative TxProfile, 6 A then 12 A after 15 min) with the running transactionId added; the composite is predicted by harness/smart-charging from the profiles and the request time (±1 s for the charge point\'s Time X); steps 7–8 leave the charge point as found (the TxProfile ends with its transaction, §3.13.1).',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());
  const [txDefault, txProfileOfRow] = placed(fixtureProfiles('TxProfile_WithoutTransactionId_AppliesToRunningTransaction'), { startS: recentStart(), connectorId });

  await step(2, 'Preparation: ClearChargingProfile without fields; no earlier profile remains', () => clearAllProfiles(cp));

  await step(3, 'SetChargingProfile: a TxDefaultProfile for connector 0 (every connector); Accepted', () =>
    cp.call('SetChargingProfile', setChargingProfileReq(txDefault!), {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.16.4: default profiles MAY be sent at any time; §3.13.1: a TxDefaultProfile on connector 0 applies to all connectors',
    }));

  const tx = await step(4, 'Plug in and start a transaction remotely: Preparing, RemoteStartTransaction Accepted, StartTransaction, Charging', () =>
    startCharging({ sut }, cp, { connectorId, idTag: cfg.idTags.accepted }));

  const txProfile = { ...txProfileOfRow!, profile: { ...txProfileOfRow!.profile, transactionId: tx.transactionId } };
  await step(5, `SetChargingProfile: a TxProfile for transaction ${tx.transactionId} on connector ${connectorId}; Accepted`, () =>
    cp.call('SetChargingProfile', setChargingProfileReq(txProfile), {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.16.3: during a transaction the Central System MAY send a TxProfile for it; the charge point SHALL add it and re-evaluate which profile is active',
    }));

  await step(6, 'GetCompositeSchedule for the connector, 3600 s in A: the TxProfile\'s periods (not the TxDefaultProfile\'s), counted from the transaction start', () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: 3600, installed: [txDefault!, txProfile], transaction: tx,
      requirement: 'OCPP 1.6 §3.13.1: a TxProfile SHALL overrule the TxDefaultProfile for the current transaction; §5.7: the composite schedule from the moment of receipt for the duration; §7.9: a Relative schedule runs from the transaction start',
    }));

  await step(7, 'Clean-up: stop the transaction remotely and unplug; Finishing, then Available', () => stopCharging({ sut }, cp, tx));

  await step(8, 'Clean-up: ClearChargingProfile of the TxDefaultProfile by id; Accepted', () =>
    cp.call('ClearChargingProfile', { id: txDefault!.profile.chargingProfileId }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.5, §6.13: a ClearChargingProfile.req for the id of an installed profile clears it: Accepted (§7.21)',
    }));
});
