import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';
import { RETRY_BACK_OFF_WAIT_MINIMUM_S, TX_UPDATED_SETTINGS, backOnline, expectQueuedTxEvents, offlineSettings, takeOffline } from './transaction-steps.js';

export default defineCase({
  id: 'TC_E_40_CS',
  title: 'Offline Behaviour - Connection loss during transaction',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E11 Connection Loss During Transaction', requirements: ['E11.FR.01', 'E11.FR.02', 'E11.FR.06'] },
  purpose: 'The meter values of a running transaction taken while the CSMS is unreachable are queued and sent after the reconnection as TransactionEvent Updated with meterValue and offline true.',
  refs: ['OCPP 2.0.1 Part 2 E11.FR.01', 'OCPP 2.0.1 Part 2 E11.FR.02'],
  provenance: `OCPP 2.0.1 Part 6 TC_E_40_CS; ours: RetryBackOffWaitMinimum ${RETRY_BACK_OFF_WAIT_MINIMUM_S} s and TxUpdatedInterval 1 s (the table's configured values), the queued events collected until none came for a second, authorization at the station, and the session ended and the configuration restored after the table.`,
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 5,
    settings: [...TX_UPDATED_SETTINGS, { component: 'SampledDataCtrlr', variable: 'Enabled', value: 'true' }, ...offlineSettings()],
  }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    const offlineAt = await t.step(1, 'The harness CSMS closes the connection and refuses reconnects', () => takeOffline(s));
    const onlineAt = await t.step(2, `After ${RETRY_BACK_OFF_WAIT_MINIMUM_S} s the harness accepts the reconnection`, async () => {
      await t.sleep(RETRY_BACK_OFF_WAIT_MINIMUM_S * 1000);
      return backOnline(s);
    });
    await t.step(3, 'The queued TransactionEvents: Updated, with meter values, offline true (steps 3–4)', () => {
      const each = { eventType: 'Updated', 'meterValue.0': { present: true }, offline: true };
      return expectQueuedTxEvents(s, { after: offlineAt, onlineAt, each, requirement: 'OCPP 2.0.1 Part 6 TC_E_40_CS step 3; E11.FR.01 (queued while offline), E11.FR.02 (sent with offline true)' });
    });
  });
});
