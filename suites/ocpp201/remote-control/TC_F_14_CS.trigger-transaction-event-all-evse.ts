import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { authorized, endSession, energyTransferStarted, expectTxEvent, openSession, parkingBayOccupied, withTxSession, type TxSession } from '../transactions/charging-station-states.js';
import { part6, triggerMessage } from './remote-control-steps.js';

const TC = part6('TC_F_14_CS');

export default defineCase({
  id: 'TC_F_14_CS',
  title: 'Trigger message - TransactionEvent - All EVSE',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F06', requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.07', 'F06.FR.10', 'F06.FR.11'] },
  purpose: 'With a charging transaction on every EVSE, TriggerMessage TransactionEvent without an EVSE is accepted, then every transaction sends a TransactionEvent with triggerReason Trigger, its evse, chargingState Charging and readings in context Trigger.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.07', 'OCPP 2.0.1 Part 2 F06.FR.10', 'OCPP 2.0.1 Part 2 F06.FR.11'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_14_CS; ours: the EVSEs are the configured ones, authorization at the station (the OCTT default), periodic meter-value events are not taken for triggered ones, and every session ended after the table.',
  pics: { all: ['C-29.2'], text: 'C-29.2' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 5 }, async (first) => {
    const sessions: TxSession[] = [first];
    try {
      for (const evseId of evseIdsOf(t.cfg).slice(1)) sessions.push({ ...(await openSession(t, first.cp)), evseId });
      await t.step(0, 'Before: reusable state EnergyTransferStarted on every EVSE (Authorized (local), EnergyTransferStarted)', async () => {
        for (const s of sessions) {
          await parkingBayOccupied(s);
          await authorized(s, 'local');
          await energyTransferStarted(s);
        }
      });
      const answer = await t.step(1, 'TriggerMessage TransactionEvent without evse: Accepted (steps 1–2)', () =>
        triggerMessage(first.cp, 'TransactionEvent', 'Accepted', `${TC} step 2 (tool validation); F06.FR.05`));
      await t.step(3, 'A TransactionEvent Trigger, Charging, with its evse and meterValue in context Trigger for every transaction; the harness answers each (steps 3–4)', async () => {
        for (const s of sessions) {
          await expectTxEvent(s, {
            after: answer.call.seq,
            match: {
              'evse.id': s.evseId, triggerReason: 'Trigger', 'transactionInfo.chargingState': 'Charging',
              meterValue: { present: true }, 'meterValue.0.sampledValue.0.context': 'Trigger',
            },
            requirement: `${TC} step 3 (tool validation), EVSE ${s.evseId}; F06.FR.11 (no evse: every EVSE), F06.FR.07`,
          });
        }
      });
    } finally {
      for (const s of sessions.slice(1)) await endSession(s).catch(() => undefined);
    }
  });
});
