import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, expectTxEvent, peekTxEvent, stimulusMark, txPoint, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_22_CS',
  title: 'Stop transaction options - EnergyTransfer stopped - SuspendedEV',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E06(S6) Stop Transaction options - EnergyTransfer', requirements: ['E06.FR.07', 'E06.FR.15'] },
  purpose: 'With TxStopPoint EnergyTransfer, the EV suspending the energy transfer is reported with ChargingStateChanged: the transaction ends (EVConnected) or is suspended (SuspendedEV).',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.07', 'OCPP 2.0.1 Part 2 E01.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_22_CS; ours: the table\'s stoppedReason StoppedByEV beside SuspendedEV is not checked (an Updated event carries no stoppedReason in Part 2), TxStopPoint set to EnergyTransfer alone, and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { all: ['C-10.4'], text: 'C-10.4' },
  actions: ['presentIdToken', 'plugIn', 'unplug', 'evSuspend'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 3, settings: [txPoint('TxStopPoint', 'EnergyTransfer')] }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    await t.step(1, 'The EV suspends the energy transfer: TransactionEvent ChargingStateChanged, Ended with EVConnected or Updated with SuspendedEV (steps 1–2)', async () => {
      const m = stimulusMark(s, 'the EV suspends the energy transfer');
      await t.sut.do('evSuspend', { evseId: s.evseId });
      s.evHeld = true;
      // The table pairs them: EVConnected with Ended; SuspendedEV with Updated (and stoppedReason StoppedByEV).
      const first = await peekTxEvent(s, m.from);
      const suspended = (first?.transactionInfo as { chargingState?: string } | undefined)?.chargingState === 'SuspendedEV';
      const call = await expectTxEvent(s, {
        after: m.after,
        match: { triggerReason: 'ChargingStateChanged', 'transactionInfo.chargingState': { oneOf: ['EVConnected', 'SuspendedEV'] }, eventType: suspended ? 'Updated' : 'Ended' },
        requirement: 'OCPP 2.0.1 Part 6 TC_E_22_CS step 1; E06.FR.07 (stop at EnergyTransfer), E01.FR.15',
      });
      return call;
    });
  });
});
