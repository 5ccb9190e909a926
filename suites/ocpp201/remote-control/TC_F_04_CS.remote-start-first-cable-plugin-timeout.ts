import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTH_ENABLED, EV_CONNECTION_TIMEOUT_S, authorized, expectTxEvent, txPoint, withTxSession } from '../transactions/charging-station-states.js';
import { part6 } from './remote-control-steps.js';

const TC = part6('TC_F_04_CS');

export default defineCase({
  id: 'TC_F_04_CS',
  title: 'Remote start transaction - Remote start first - Cable plugin timeout',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F02, E03', requirements: ['F02.FR.01', 'E03.FR.01', 'E03.FR.05'] },
  purpose: 'A remote start without an EV connected lapses after EVConnectionTimeOut: the started transaction reports EVConnectTimeout (Ended), and the EVSE then takes a new RequestStartTransaction.',
  refs: ['OCPP 2.0.1 Part 2 F02.FR.07', 'OCPP 2.0.1 Part 2 F02.FR.08', 'OCPP 2.0.1 Part 2 E03.FR.05'],
  provenance: `OCPP 2.0.1 Part 6 TC_F_04_CS; ours: EVConnectionTimeOut ${EV_CONNECTION_TIMEOUT_S} s (the table's configured timeout), TxStartPoint Authorized (the prerequisite's second option; a station offering neither it nor ParkingBayOccupancy is NOT_APPLICABLE), and the session ended and the configuration restored after the table.`,
  deviations: [{
    what: 'Step 1: with ParkingBayOccupancy in TxStopPoint an Updated event (the transaction deauthorized, not ended) is accepted besides the table\'s Ended',
    why: 'Part 2 lets such a transaction run on until the EV leaves the bay; the table\'s Ended assumes the other stop points',
    source: 'OCPP 2.0.1 Part 2 F02.FR.08 (F02.FR.07 for the Ended case)',
  }],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 5,
    settings: [
      { component: 'TxCtrlr', variable: 'EVConnectionTimeOut', value: String(EV_CONNECTION_TIMEOUT_S) },
      ...AUTH_ENABLED,
      txPoint('TxStartPoint', 'Authorized'),
    ],
  }, async (s) => {
    await t.step(0, 'Before: reusable state Authorized (remote)', () => authorized(s, 'remote'));
    await t.step(1, `No EV within ${EV_CONNECTION_TIMEOUT_S} s: TransactionEvent EVConnectTimeout, Ended (steps 1–2)`, async () => {
      if (s.started) {
        const bay = s.stopPoints.has('ParkingBayOccupancy');
        await expectTxEvent(s, {
          after: s.lastMark, within: EV_CONNECTION_TIMEOUT_S * 1000 + t.cfg.timeouts.messageMs,
          match: { triggerReason: 'EVConnectTimeout', eventType: bay ? { oneOf: ['Ended', 'Updated'] } : 'Ended' },
          requirement: `${TC} step 1 (tool validation); ${bay ? 'F02.FR.08' : 'F02.FR.07'} (the remote start lapses on EVConnectionTimeOut)`,
        });
        if (s.ended) Object.assign(s, { started: false, ended: false, transactionId: undefined });
      } else {
        await t.sleep(EV_CONNECTION_TIMEOUT_S * 1000 + t.cfg.toleranceMs);
      }
      s.authorized = false;
    });
    await t.step(3, 'Reusable state Authorized (remote) again: the EVSE takes a new session', () => authorized(s, 'remote'));
  });
});
