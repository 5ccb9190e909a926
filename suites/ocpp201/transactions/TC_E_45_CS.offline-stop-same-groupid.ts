import { defineCase } from '../../../harness/dsl/define-case.js';
import type { IdToken } from './charging-station-states.js';
import { beforeEnergyTransferStarted, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';
import { backOnline, expectQueuedTxEvents, offlineSettings, offlineStop, takeOffline } from './transaction-steps.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_45_CS';
/** The table's <Configured GroupIdToken>. */
const GROUP_ID_TOKEN = { idToken: 'HARNESS-GROUP-E45', type: 'Central' };

export default defineCase({
  id: 'TC_E_45_CS',
  title: 'Offline Behaviour - Stop transaction during offline period - Same GroupId',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E08 Transaction stopped while Charging Station is offline', requirements: ['E08.FR.02', 'E08.FR.04', 'E08.FR.05', 'E08.FR.06', 'E08.FR.07', 'E08.FR.08'] },
  purpose: 'While the CSMS is unreachable, another idToken of the same group (known from the Authorization Cache) stops the transaction; after the reconnection every queued TransactionEvent is offline true, one of them Ended.',
  refs: ['OCPP 2.0.1 Part 2 E08.FR.02', 'OCPP 2.0.1 Part 2 C09', 'OCPP 2.0.1 Part 2 E12.FR.02'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_45_CS; ours: the second idToken is the configured valid one with "2" appended, both answered Accepted with the same groupIdToken by the harness; memory state IdTokenCached reached by presenting the second idToken once online and withdrawing it (a station without an Authorization Cache is NOT_APPLICABLE: the Local Authorization List route is not implemented); the manual actions through SUT control, and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { any: ['C-30', 'C-31', 'C-32'], text: '(C-30 or C-31 or C-32) AND (Local Authorization List Management or C-49)' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  if (!t.cfg.declarations.pics?.includes('C-49')) t.notApplicable('the second idToken is brought into the station through its Authorization Cache (C-49), which it does not declare');
  await withTxSession(t, { teardownStep: 5, settings: [...offlineSettings(), { component: 'AuthCacheCtrlr', variable: 'Enabled', value: 'true', need: 'ifImplemented' }] }, async (s) => {
    const second: IdToken = { idToken: `${s.idToken.idToken}2`.slice(0, 36), type: s.idToken.type };
    const group = new Set([s.idToken.idToken, second.idToken]);
    const info = (token: unknown) => group.has((token as IdToken | undefined)?.idToken ?? '') ? { idTokenInfo: { status: 'Accepted', groupIdToken: GROUP_ID_TOKEN } } : undefined;
    const install = () => {
      const normal = s.cp.link.defaultHandler('TransactionEvent')!;
      s.cp.handle('Authorize', (p) => info(p.idToken) ?? { idTokenInfo: { status: 'Invalid' } });
      s.cp.handle('TransactionEvent', (p, call, link) => (p.idToken !== undefined && info(p.idToken)) || normal(p, call, link));
    };
    install();
    await t.step(0, 'Before: memory state IdTokenCached for the second idToken of the group (presented once, Accepted with the groupIdToken, withdrawn)', async () => {
      const from = s.cp.mark(`idToken ${second.idToken} presented`);
      await t.sut.do('presentIdToken', { evseId: s.evseId, idToken: second });
      await s.cp.expectCall('Authorize', { after: from, match: { 'idToken.idToken': second.idToken }, requirement: 'OCPP 2.0.1 Part 6 Table 443 (IdTokenCached) via Table 428 step 1; C01.FR.02' });
      await t.sleep(300);
      await t.sut.do('presentIdToken', { evseId: s.evseId, idToken: second });
      await t.sleep(300);
    });
    await beforeEnergyTransferStarted(s, 'local');
    const offlineAt = await t.step(1, 'The harness CSMS goes offline; the second idToken of the group is presented, the EV disconnected (and leaves the bay)', async () => {
      const at = await takeOffline(s);
      await offlineStop(s, second);
      return at;
    });
    const onlineAt = await t.step(2, 'The harness accepts the reconnection', async () => {
      const back = await backOnline(s);
      install();
      return back;
    });
    await t.step(3, 'The queued TransactionEvents: all offline true, one of them Ended (steps 3–4)', () => expectQueuedTxEvents(s, {
      after: offlineAt, onlineAt, each: { offline: true }, requirement: `${TC} step 3; E12.FR.02 (queued events sent with offline true)`,
      oneHas: [{ match: { eventType: 'Ended' }, requirement: `${TC} step 3; E08.FR.02 (an idToken of the same group stops the transaction offline)` }],
    }));
  });
});
