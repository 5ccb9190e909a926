import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { bootedScope } from '../transactions/csms-transaction-states.js';
import { clockAlignedRound, untilNextAligned } from './csms-meter-value-steps.js';

export default defineCase({
  id: 'TC_J_01_CSMS',
  title: 'Clock-aligned Meter Values - No transaction ongoing',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'J01 Sending Meter Values not related to a transaction', requirements: ['J01.FR.18'] },
  purpose: 'The CSMS answers the clock-aligned meter values a station sends while no transaction is ongoing: MeterValuesRequest (Sample.Clock) for evseId 0 and every EVSE, and NotifyEventRequest for FiscalMetering, three rounds.',
  refs: ['OCPP 2.0.1 Part 2 J01.FR.18', 'OCPP 2.0.1 Part 2 N07'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_01_CSMS; ours: the clock-aligned interval is cfg.intervals.meterSampleS, the NotifyEvent names variable EnergyImportRegister (the table names only the component).',
  deviations: [],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  for (let round = 1; round <= 3; round++) {
    const at = await untilNextAligned(t);
    await t.step(1, `Clock-aligned readings, round ${round} of 3: MeterValues for evseId 0 and every EVSE, NotifyEvent FiscalMetering; the CSMS answers (steps 1-2)`, () =>
      clockAlignedRound(t, at, evseIdsOf(ctx.cfg), 'TC_J_01_CSMS', 2));
  }
});
