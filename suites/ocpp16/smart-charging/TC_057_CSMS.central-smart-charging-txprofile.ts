import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { startedTransaction, stoppedTransaction } from '../../../harness/versions/ocpp16/roles/charge-point-defaults.js';

export default defineCase({
  id: 'TC_057_CSMS',
  title: 'Central Smart Charging - TxProfile',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'Csms',
  octt: { table: 174, follows: '2024-04' },
  purpose: 'The CSMS sets a schedule for a running transaction: SetChargingProfile on its connector with a TxProfile carrying the transactionId the CSMS assigned, and no recurrency.',
  refs: [
    'OCPP 1.6 §3.13.1 Charging profile purposes (TxProfile)',
    'OCPP 1.6 §5.16.3 Setting a charging profile during a transaction',
    'OCPP 1.6 §6.43 SetChargingProfile.req',
    'OCPP 1.6 §7.8 ChargingProfile (transactionId)',
    'OCPP 1.6 §7.13 ChargingSchedule',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 errata sheet §3.45 (first startPeriod 0), §3.56 (recurrencyKind only for Recurring)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 174; ours: step 0 (the reusable state Charging as the harness\'s charge point plays it), the request triggered through SUT control (profile id 57, Absolute, 10 A), steps 3–7 (a local stop, Finishing and Available). The kind, validity, startSchedule, duration and recurrencyKind the old case pinned are not in the table and no longer checked.',
  actions: ['SetChargingProfile'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

  const meterStart = 5700;
  const transactionId = await step(0, 'Reusable state Charging: Authorize, Preparing, StartTransaction, Charging', async () => {
    await link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §7.2: the CSMS answers Authorize with idTagInfo; a known, valid idTag is Accepted',
    });
    await link.call('StatusNotification', status('Preparing'), { requirement: answered });
    const start = await link.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: new Date().toISOString() }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: 'OCPP 1.6 §4.8: StartTransaction.conf MUST include a transaction id and an authorization status; a valid idTag is Accepted',
    });
    const id = start.payload.transactionId;
    if (typeof id !== 'number') throw new ExpectationUnmet('StartTransaction.conf carries no transactionId; the session cannot go on');
    startedTransaction(link.link, connectorId, id);
    await link.call('StatusNotification', status('Charging'), { requirement: answered });
    return id;
  });

  const request = await step(1, 'The CSMS sends SetChargingProfile with a TxProfile for the running transaction (step 1)', async () => {
    const now = Date.now();
    const iso = (offsetS: number) => new Date(now + offsetS * 1000).toISOString();
    await sut.do('SetChargingProfile', {
      connectorId,
      csChargingProfiles: {
        chargingProfileId: 57, transactionId, stackLevel: 0, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Absolute',
        validFrom: iso(0), validTo: iso(3600),
        chargingSchedule: { startSchedule: iso(0), duration: 3600, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 10.0 }] },
      },
    });
    return link.expectCall('SetChargingProfile', {
      match: {
        connectorId,
        'csChargingProfiles.chargingProfilePurpose': 'TxProfile',
        'csChargingProfiles.transactionId': transactionId,
      },
      requirement: 'Table 174 step 1; OCPP 1.6 §3.13.1, §5.16.3, §7.8: a schedule for the running transaction is a TxProfile on its connector carrying the transactionId the CSMS assigned',
    });
  });

  await step(2, 'The charge point answers Accepted (step 2)', () => request.replied);

  await step(3, 'EV driver stops locally: StopTransaction reason Local; the CSMS answers (ours)', async () => {
    await link.call('StopTransaction', { transactionId, idTag, meterStop: meterStart + 500, timestamp: new Date().toISOString(), reason: 'Local' }, {
      requirement: 'OCPP 1.6 §4.10: the CSMS SHALL respond to StopTransaction',
    });
    stoppedTransaction(link.link, connectorId);
  });

  await step(5, 'StatusNotification Finishing; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Finishing'), { requirement: answered }));

  await step(7, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
