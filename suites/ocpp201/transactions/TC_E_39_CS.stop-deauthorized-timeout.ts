import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTH_ENABLED, authorized, expectTxEvent, peekTxEvent, stimulusMark, txPoint, withTxSession, EV_CONNECTION_TIMEOUT_S } from './charging-station-states.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_39_CS';

export default defineCase({
  id: 'TC_E_39_CS',
  title: 'Stop transaction options - Deauthorized - timeout',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E06(S4) Stop Transaction options - Deauthorized', requirements: ['E06.FR.04', 'E06.FR.15'] },
  purpose: 'An authorization without a connected EV lapses after EVConnectionTimeOut (a started transaction ends with EVConnectTimeout, Timeout); connecting the EV afterwards does not start charging.',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.04', 'OCPP 2.0.1 Part 2 E03.FR.05', 'OCPP 2.0.1 Part 2 TxCtrlr.EVConnectionTimeOut'],
  provenance: `OCPP 2.0.1 Part 6 TC_E_39_CS; ours: EVConnectionTimeOut ${EV_CONNECTION_TIMEOUT_S} s (the table's configured timeout), authorization at the station, TxStopPoint set to Authorized alone; when no transaction started, a TransactionEvent reporting Charging after the plug-in is looked for at SHOULD level (see deviations); the session ended and the configuration restored after the table.`,
  deviations: [{
    what: 'When the authorization lapsed before any transaction started, a TransactionEvent with chargingState Charging after the EV is connected is a SHOULD finding',
    why: 'The table\'s steps 3–4 apply only to a started transaction, but its note says the station should not start charging; Part 2 says SHOULD for ending the authorization on the timeout',
    source: 'OCPP 2.0.1 Part 6 TC_E_39_CS step 3 note; Part 2 E03.FR.05 (SHOULD)',
  }],
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 5,
    settings: [
      txPoint('TxStopPoint', 'Authorized'),
      { component: 'TxCtrlr', variable: 'EVConnectionTimeOut', value: String(EV_CONNECTION_TIMEOUT_S) },
      ...AUTH_ENABLED,
    ],
  }, async (s) => {
    await t.step(0, 'Before: reusable state Authorized (local)', () => authorized(s, 'local'));
    const timeoutMs = EV_CONNECTION_TIMEOUT_S * 1000;
    const bayStart = s.startPoints.has('ParkingBayOccupancy');
    await t.step(1, `No EV within ${EV_CONNECTION_TIMEOUT_S} s: a started transaction reports EVConnectTimeout, stoppedReason Timeout (steps 1–2)`, async () => {
      if (!s.started) {
        await t.sleep(timeoutMs + t.cfg.toleranceMs);
      } else {
        await expectTxEvent(s, {
          after: s.lastMark, within: timeoutMs + t.cfg.timeouts.messageMs,
          match: { triggerReason: 'EVConnectTimeout', eventType: bayStart ? 'Updated' : 'Ended', 'transactionInfo.stoppedReason': 'Timeout' },
          requirement: `${TC} step 1; E06.FR.04 (deauthorized on the timeout), E03.FR.05`,
        });
      }
      s.authorized = false;
    });
    await t.step(3, 'Connect the EV: charging does not start (steps 3–4)', async () => {
      const startedBefore = s.started;
      const m = stimulusMark(s, 'the EV is connected after the timeout');
      await t.sut.do('plugIn', { evseId: s.evseId, connectorId: s.connectorId });
      s.plugged = true;
      if (startedBefore && bayStart) {
        await expectTxEvent(s, {
          after: m.after, match: { triggerReason: 'CablePluggedIn', 'transactionInfo.chargingState': { not: 'Charging' }, eventType: 'Updated' },
          requirement: `${TC} step 3; E03.FR.05 (no charging after the authorization lapsed)`,
        });
        return;
      }
      // No transaction (or it ended): any TransactionEvent now must not report Charging.
      // (within a second: the power path of an authorized EVSE closes at once)
      const first = await peekTxEvent(s, m.from, { withinMs: 1000, anyTransaction: true });
      if (first) {
        await expectTxEvent(s, {
          after: m.after, where: { 'transactionInfo.transactionId': String((first.transactionInfo as { transactionId?: string }).transactionId) },
          match: { 'transactionInfo.chargingState': { not: 'Charging' } }, level: 'SHOULD',
          requirement: `${TC} step 3 note; E03.FR.05 (SHOULD: an authorization lapsed on EVConnectionTimeOut does not charge)`,
        });
      }
    });
  });
});
