import { defineCase } from '../../../harness/dsl/define-case.js';
import { authorized, evConnectedPreSession, expectTxEvent, withTxSession } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_38_CS',
  title: 'Local start transaction - EV not ready',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E01 / E02 Start Transaction (EV not ready)', requirements: [] },
  purpose: 'An authorized session with an EV that is not ready to take energy reports chargingState SuspendedEV (ChargingStateChanged) once the EV is connected.',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.19', 'OCPP 2.0.1 Part 2 E02.FR.13'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_38_CS; ours: the EV is made not ready through SUT control (evNotReady) before it is connected and made ready again afterwards; a TransactionEvent of EVConnectedPreSession that already reports SuspendedEV with ChargingStateChanged also serves as step 2; the session ended and the configuration restored after the table.',
  pics: { none: ['C-09.5'], text: 'NOT C-09.5 and NOT Product Subtype "Mode 1/2-only Charging Station"' },
  actions: ['presentIdToken', 'plugIn', 'unplug', 'evNotReady', 'evResume'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 4 }, async (s) => {
    await t.step(0, 'Before: reusable state Authorized (local)', () => authorized(s, 'local'));
    const m = s.cp.mark('the EV is set not ready for energy transfer');
    await t.sut.do('evNotReady', { evseId: s.evseId });
    s.evHeld = true;
    const pre = await t.step(1, 'Reusable state EVConnectedPreSession (the EV not ready)', () => evConnectedPreSession(s, { evNotReady: true }));
    const p = pre?.frame.payload;
    if (p?.triggerReason === 'ChargingStateChanged' && (p.transactionInfo as { chargingState?: string }).chargingState === 'SuspendedEV') return;
    await t.step(2, 'TransactionEvent ChargingStateChanged, SuspendedEV (steps 2–3)', () => expectTxEvent(s, {
      after: m, where: { triggerReason: 'ChargingStateChanged' }, match: { 'transactionInfo.chargingState': 'SuspendedEV' },
      requirement: 'OCPP 2.0.1 Part 6 TC_E_38_CS step 2; E01.FR.19 (SuspendedEV when the EV does not take energy)',
    }));
  });
});
