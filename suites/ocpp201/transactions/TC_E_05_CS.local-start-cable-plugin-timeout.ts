import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTH_ENABLED, EV_CONNECTION_TIMEOUT_S, authorized, energyTransferStarted, expectTxEvent, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_05_CS';

export default defineCase({
  id: 'TC_E_05_CS',
  title: 'Local start transaction - Authorization first - Cable plugin timeout',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E03 Start Transaction - IdToken First', requirements: ['E03.FR.01', 'E03.FR.05', 'E03.FR.06', 'E03.FR.12', 'C01.FR.02', 'C02.FR.01', 'C06.FR.02'] },
  purpose: 'An authorization without an EV connected lapses after EVConnectionTimeOut (a started transaction reports EVConnectTimeout); the EVSE then takes a new authorization and charges.',
  refs: ['OCPP 2.0.1 Part 2 E03.FR.05', 'OCPP 2.0.1 Part 2 E03.FR.15', 'OCPP 2.0.1 Part 2 C01.FR.02'],
  provenance: `OCPP 2.0.1 Part 6 TC_E_05_CS; ours: EVConnectionTimeOut ${EV_CONNECTION_TIMEOUT_S} s (the table's configured timeout), and the session ended and the configuration restored after the table.`,
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { any: ['C-30', 'C-31', 'C-32', 'C-33', 'C-34', 'C-35'], text: 'C-30 - C-35 or ISO 15118 support' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 5,
    settings: [
      { component: 'TxCtrlr', variable: 'EVConnectionTimeOut', value: String(EV_CONNECTION_TIMEOUT_S) },
      ...AUTH_ENABLED,
      { component: 'AuthCacheCtrlr', variable: 'Enabled', value: 'false', need: 'ifImplemented' },
      { component: 'AuthCtrlr', variable: 'LocalPreAuthorize', value: 'false', need: 'ifImplemented' },
    ],
  }, async (s) => {
    await t.step(0, 'Before: reusable state Authorized (local)', () => authorized(s, 'local'));
    await t.step(1, `No EV within ${EV_CONNECTION_TIMEOUT_S} s: a started transaction reports EVConnectTimeout (steps 1–2)`, async () => {
      if (s.started) {
        const endsIt = s.stopPoints.has('Authorized');
        await expectTxEvent(s, {
          after: s.lastMark, within: EV_CONNECTION_TIMEOUT_S * 1000 + t.cfg.timeouts.messageMs,
          match: endsIt ? { triggerReason: 'EVConnectTimeout', eventType: 'Ended', 'transactionInfo.stoppedReason': 'Timeout' } : { triggerReason: 'EVConnectTimeout', eventType: 'Updated' },
          requirement: `${TC} step 1; E03.FR.05 / E03.FR.15 (the authorization lapses on EVConnectionTimeOut)`,
        });
        if (endsIt) {
          // The next authorization starts a new transaction.
          Object.assign(s, { started: false, ended: false, transactionId: undefined });
        }
      } else {
        await t.sleep(EV_CONNECTION_TIMEOUT_S * 1000 + t.cfg.toleranceMs);
      }
      s.authorized = false;
    });
    await t.step(3, 'Reusable state Authorized (local) again: the EVSE is ready for a new session', () => authorized(s, 'local'));
    await t.step(4, 'Reusable state EnergyTransferStarted', () => energyTransferStarted(s));
  });
});
