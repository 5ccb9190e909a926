import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTH_ENABLED, authorized, connectEv, evseMatch, expectTxEvent, idTokenMatch, txPoint, withTxSession } from './charging-station-states.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_11_CS';
const signed = 'meterValue.0.sampledValue.0';

export default defineCase({
  id: 'TC_E_11_CS',
  title: 'Start transaction options - DataSigned',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E01(S4) Start Transaction options - DataSigned', requirements: ['E01.FR.04', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16'] },
  purpose: 'With TxStartPoint DataSigned and signed readings on, the transaction starts with a signed Transaction.Begin meter value (SignedDataReceived), then reports Charging.',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.04', 'OCPP 2.0.1 Part 2 E02.FR.14', 'OCPP 2.0.1 Part 2 E01.FR.16'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_11_CS; ours: TxStartPoint set to DataSigned alone, authorization at the station (the OCTT default), the signed value looked for in the first sampledValue of the first meterValue, and the session ended and the configuration restored after the table.',
  pics: { all: ['C-09.3'], text: 'C-09.3 and (C-51 or NOT (C-09.1 or C-09.2 or C-09.6))' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 7,
    settings: [
      txPoint('TxStartPoint', 'DataSigned', ['ParkingBayOccupancy', 'EVConnected', 'Authorized']),
      { component: 'SampledDataCtrlr', variable: 'SignReadings', value: 'true' },
      ...AUTH_ENABLED,
    ],
  }, async (s) => {
    await t.step(0, 'Before: reusable state Authorized (local)', () => authorized(s, 'local'));
    const m = await t.step(1, 'Connect the EV; the station reports the connector Occupied (steps 1–2)', () =>
      connectEv(s, `${TC} step 1; E02.FR.05 (Occupied when a cable is plugged in)`));
    await t.step(3, 'TransactionEvent Started, SignedDataReceived, idToken, EVSE, a signed Transaction.Begin value (steps 3–4)', () => expectTxEvent(s, {
      after: m.after,
      match: {
        eventType: 'Started', triggerReason: 'SignedDataReceived', ...idTokenMatch(s), ...evseMatch(s),
        [`${signed}.context`]: 'Transaction.Begin',
        [`${signed}.signedMeterValue.encodingMethod`]: { present: true },
        [`${signed}.signedMeterValue.publicKey`]: { present: true },
        [`${signed}.signedMeterValue.signedMeterData`]: { present: true },
        [`${signed}.signedMeterValue.signingMethod`]: { present: true },
      },
      requirement: `${TC} step 3; E01.FR.04 (start at DataSigned), E02.FR.14 (signed meter values), E01.FR.16`,
    }));
    await t.step(5, 'TransactionEvent Updated, ChargingStateChanged, Charging (steps 5–6)', () => expectTxEvent(s, {
      after: m.after, where: { triggerReason: 'ChargingStateChanged' }, match: { eventType: 'Updated', 'transactionInfo.chargingState': 'Charging' },
      requirement: `${TC} step 5; E01.FR.18 (a changed charging state is reported)`,
    }));
  });
});
