import { defineCase } from '../../../harness/dsl/define-case.js';
import { part6 } from './diagnostics-steps.js';

const TC = part6('TC_N_34_CSMS');

export default defineCase({
  id: 'TC_N_34_CSMS',
  title: 'Retrieve Log Information - Rejected',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'N01', requirements: [] },
  purpose: 'Asked for a log, the CSMS sends GetLogRequest; the station (the harness) answers Rejected, as one without log information does (N01.FR.05).',
  refs: ['OCPP 2.0.1 Part 2 N01.FR.05', 'OCPP 2.0.1 Part 6 Table 666'],
  provenance: 'OCPP 2.0.1 Part 6 TC_N_34_CSMS; ours: the operator\'s request is made through SUT control GetLog (DiagnosticsLog, a location on the harness\'s address that is never used); the table validates nothing in the request.',
  actions: ['GetLog'],
}, async (t) => {
  const link = await t.cp.booted();
  link.handle('GetLog', () => ({ status: 'Rejected' }));
  const call = await t.step(1, 'The CSMS is asked for a log and sends GetLogRequest (step 1)', async () => {
    const mark = link.mark('GetLog asked for');
    await t.sut.do('GetLog', { logType: 'DiagnosticsLog', log: { remoteLocation: 'http://127.0.0.1/logs/' } });
    return link.expectCall('GetLog', { after: mark, match: {}, requirement: `${TC} step 1: the CSMS sends a GetLogRequest (the table validates nothing in it)` });
  });
  await t.step(2, 'The station answers GetLog Rejected (step 2)', () => call.replied);
});
