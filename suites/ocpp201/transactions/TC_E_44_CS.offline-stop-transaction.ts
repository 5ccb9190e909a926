import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';
import { backOnline, expectQueuedTxEvents, offlineSettings, offlineStop, takeOffline } from './transaction-steps.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_44_CS';

export default defineCase({
  id: 'TC_E_44_CS',
  title: 'Offline Behaviour - Stop transaction during offline period',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E08 Transaction stopped while Charging Station is offline', requirements: ['E08.FR.01', 'E08.FR.04', 'E08.FR.05', 'E08.FR.06', 'E08.FR.07', 'E08.FR.08'] },
  purpose: 'A transaction stopped with its idToken while the CSMS is unreachable is reported after the reconnection: every queued TransactionEvent offline true, one of them Ended.',
  refs: ['OCPP 2.0.1 Part 2 E08.FR.01', 'OCPP 2.0.1 Part 2 E08.FR.04', 'OCPP 2.0.1 Part 2 E12.FR.02'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_44_CS; ours: the manual actions through SUT control, the queued events collected until none came for a second, and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { any: ['C-30', 'C-31', 'C-32', 'C-33', 'C-34', 'C-35'], text: 'C-30 - C-35 or ISO 15118 support' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 5, settings: offlineSettings() }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    const offlineAt = await t.step(1, 'The harness CSMS goes offline; the same idToken is presented, the EV disconnected (and leaves the bay)', async () => {
      const at = await takeOffline(s);
      await offlineStop(s, s.idToken);
      return at;
    });
    const onlineAt = await t.step(2, 'The harness accepts the reconnection', () => backOnline(s));
    await t.step(3, 'The queued TransactionEvents: all offline true, one of them Ended (steps 3–4)', () => expectQueuedTxEvents(s, {
      after: offlineAt, onlineAt, each: { offline: true }, requirement: `${TC} step 3; E12.FR.02 (queued events sent with offline true)`,
      oneHas: [{ match: { eventType: 'Ended' }, requirement: `${TC} step 3; E08.FR.01 (the transaction stopped offline is reported Ended)` }],
    }));
  });
});
