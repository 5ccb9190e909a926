import { defineCase } from '../../../harness/dsl/define-case.js';
import { clearAllProfiles, expectComposite, fixtureProfiles, placed, recentStart, setChargingProfileReq, startCharging, stopCharging } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_059_CS',
  title: 'Remote Start Transaction with Charging Profile',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 85, follows: '2024-04' },
  purpose: 'A RemoteStartTransaction carrying a TxProfile (without transactionId) is accepted, starts a transaction, and the charge point applies that profile to it instead of the TxDefaultProfile: the composite schedule it reports for the connector is the TxProfile\'s.',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §5.16.2 Setting a charge profile in a RemoteStartTransaction request',
    'OCPP 1.6 §6.33 RemoteStartTransaction.req (chargingProfile)',
    'OCPP 1.6 §7.10 ChargingProfilePurposeType',
    'OCPP 1.6 §5.7 Get Composite Schedule',
    'OCPP 1.6 errata 3.41 (no transactionId in the profile of a RemoteStartTransaction)',
  ],
  provenance: 'Steps 4–7 as in the public EVerest compliance test for this id (test_remote_start_tx_with_profile: plug in → RemoteStartTransaction with a TxProfile without transactionId, Accepted → StartTransaction → Charging). No public OCTT step list exists. Ours: step 2 clears earlier profiles; step 3 installs a TxDefaultProfile and step 8 checks with GetCompositeSchedule that the transaction runs on the TxProfile of the request (§5.16.2 "SHALL apply", §7.10) rather than on the default — the profiles are the fixture row TxProfile_WithoutTransactionId_AppliesToRunningTransaction (TxDefaultProfile 16 A on connector 0; Relative TxProfile 6 A then 12 A after 15 min), the composite predicted by harness/smart-charging (±1 s for the charge point\'s Time X); steps 9–10 leave the charge point as found.',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());
  const [txDefault, txProfile] = placed(fixtureProfiles('TxProfile_WithoutTransactionId_AppliesToRunningTransaction'), { startS: recentStart(), connectorId });

  await step(2, 'Preparation: ClearChargingProfile without fields; no earlier profile remains', () => clearAllProfiles(cp));

  await step(3, 'SetChargingProfile: a TxDefaultProfile for connector 0 (every connector); Accepted', () =>
    cp.call('SetChargingProfile', setChargingProfileReq(txDefault!), {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.16.4: default profiles MAY be sent at any time; §3.13.1: a TxDefaultProfile on connector 0 applies to all connectors',
    }));

  await step(4, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, async () => {
    const from = cp.mark('plugging in');
    await sut.do('plugIn', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from, match: { status: 'Preparing' },
      requirement: 'OCPP 1.6 §4.9 (A2): usage initiated by inserting the plug makes the connector Preparing',
    });
  });

  const requested = await step(5, 'Send RemoteStartTransaction for the connector and the valid idTag with a TxProfile (no transactionId); Accepted', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag, chargingProfile: txProfile!.profile }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.16.2: the Central System MAY include a TxProfile without transactionId (errata 3.41) in RemoteStartTransaction.req; §5.11: a free, plugged-in connector and a valid idTag: Accepted',
    });
    return res.call.seq;
  });

  const tx = await step(6, 'The charge point sends StartTransaction with the idTag and connector of the request', async () => {
    const start = await cp.expectCall('StartTransaction', {
      after: requested, match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
    });
    const transactionId = (await cp.answerOf(start)).transactionId as number;
    return { connectorId, transactionId, startedAt: String(start.frame.payload.timestamp), requestedSeq: requested };
  });

  await step(7, 'The charge point reports Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested, match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await step(8, 'GetCompositeSchedule for the connector, 3600 s in A: the TxProfile\'s periods from the transaction start, not the TxDefaultProfile\'s', () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: 3600, installed: [txDefault!, txProfile!], transaction: tx,
      requirement: 'OCPP 1.6 §5.16.2: the charge point SHALL apply the profile of the RemoteStartTransaction.req to the newly started transaction; §7.10: the TxDefaultProfile is then not used; §5.7: the composite schedule from the moment of receipt for the duration',
    }));

  await step(9, 'Clean-up: stop the transaction remotely and unplug; Finishing, then Available', () => stopCharging({ sut }, cp, tx));

  await step(10, 'Clean-up: ClearChargingProfile of the TxDefaultProfile by id; Accepted', () =>
    cp.call('ClearChargingProfile', { id: txDefault!.profile.chargingProfileId }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.5, §6.13: a ClearChargingProfile.req for the id of an installed profile clears it: Accepted (§7.21)',
    }));
});
