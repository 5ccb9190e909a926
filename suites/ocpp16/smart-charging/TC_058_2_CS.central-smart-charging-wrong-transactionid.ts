import { defineCase } from '../../../harness/dsl/define-case.js';
import { fixtureProfile, placed, recentStart, setChargingProfileReq, startCharging, stopCharging } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_058_2_CS',
  title: 'Central Smart Charging - Wrong transactionId',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 80, follows: '2024-04' },
  purpose: 'During a transaction, a TxProfile that names another transactionId is not taken: the charge point answers SetChargingProfile Rejected.',
  refs: [
    'OCPP 1.6 §3.13.1 Charging profile purposes (TxProfile for a transaction that is not active)',
    'OCPP 1.6 §5.16.3 Setting a charging profile during a transaction',
    'OCPP 1.6 §7.8 ChargingProfile (transactionId)',
    'OCPP 1.6 §7.11 ChargingProfileStatus',
  ],
  provenance: 'Steps as in the public EVerest compliance test for this id (test_central_charging_wrong_tx_id: plug in, RemoteStartTransaction, StartTransaction, Charging → SetChargingProfile TxProfile with a transactionId that is not the running one → Rejected). No public OCTT step list exists. Ours: the TxProfile is the fixture row TxProfile_OtherTransaction_Ignored\'s (Relative, 6 A), its transactionId set to the running one + 1; steps 4–5 leave the charge point as found.',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());
  const ofRow = placed([fixtureProfile('TxProfile_OtherTransaction_Ignored', 81)], { startS: recentStart(), connectorId })[0]!;

  const tx = await step(2, 'Plug in and start a transaction remotely: Preparing, RemoteStartTransaction Accepted, StartTransaction, Charging', () =>
    startCharging({ sut }, cp, { connectorId, idTag: cfg.idTags.accepted }));

  const wrong = tx.transactionId + 1;
  const txProfile = { ...ofRow, profile: { ...ofRow.profile, transactionId: wrong } };
  const answer = await step(3, `SetChargingProfile: a TxProfile for transaction ${wrong} on connector ${connectorId}, where transaction ${tx.transactionId} runs; Rejected`, async () => {
    const res = await cp.call('SetChargingProfile', setChargingProfileReq(txProfile), {
      expect: { status: 'Rejected' },
      requirement: 'OCPP 1.6 §3.13.1: a TxProfile applies to the current transaction only; with no active transaction of its transactionId (§7.8) on the connector the charge point SHALL discard it and return an error status (Rejected, §7.11)',
    });
    return res.payload.status;
  });

  await step(4, 'Clean-up: stop the transaction remotely and unplug; Finishing, then Available', () => stopCharging({ sut }, cp, tx));

  await step(5, 'Clean-up: only if the profile was taken, ClearChargingProfile of it by id', async () => {
    if (answer === 'Rejected') {
      note('the profile was rejected: nothing to clear');
      return;
    }
    await cp.call('ClearChargingProfile', { id: txProfile.profile.chargingProfileId });
  });
});
