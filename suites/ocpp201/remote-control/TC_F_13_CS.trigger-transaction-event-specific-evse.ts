import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, expectTxEvent, withTxSession } from '../transactions/charging-station-states.js';
import { part6, triggerMessage } from './remote-control-steps.js';

const TC = part6('TC_F_13_CS');

export default defineCase({
  id: 'TC_F_13_CS',
  title: 'Trigger message - TransactionEvent - Specific EVSE',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F06', requirements: ['F06.FR.02', 'F06.FR.04', 'F06.FR.05', 'F06.FR.07', 'F06.FR.10'] },
  purpose: 'During a charging transaction, TriggerMessage TransactionEvent for its EVSE is accepted, then a TransactionEvent with triggerReason Trigger, chargingState Charging and readings in context Trigger follows.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.07', 'OCPP 2.0.1 Part 2 F06.FR.10'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_13_CS; ours: authorization at the station (the OCTT default), periodic meter-value events are not taken for the triggered one, and the session ended after the table.',
  pics: { all: ['C-29.2'], text: 'C-29.2' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 5 }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    const answer = await t.step(1, `TriggerMessage TransactionEvent for EVSE ${s.evseId}: Accepted (steps 1–2)`, () =>
      triggerMessage(s.cp, 'TransactionEvent', 'Accepted', `${TC} step 2 (tool validation); F06.FR.05`, { id: s.evseId }));
    await t.step(3, 'TransactionEvent Trigger, Charging, meterValue in context Trigger; the harness answers (steps 3–4)', () =>
      expectTxEvent(s, {
        after: answer.call.seq,
        match: {
          'evse.id': { oneOf: [s.evseId], optional: true }, triggerReason: 'Trigger', 'transactionInfo.chargingState': 'Charging',
          meterValue: { present: true }, 'meterValue.0.sampledValue.0.context': 'Trigger',
        },
        requirement: `${TC} step 3 (tool validation); F06.FR.07, F06.FR.10`,
      }));
  });
});
