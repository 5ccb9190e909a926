import { defineCase } from '../../../harness/dsl/define-case.js';
import { parkingBayOccupied, withTxSession } from './charging-station-states.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_52_CS';

export default defineCase({
  id: 'TC_E_52_CS',
  title: 'Local start transaction - Authorization first - DisableRemoteAuthorization',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'C01 EV Driver Authorization using RFID', requirements: ['C01.FR.02', 'C01.FR.05'] },
  purpose: 'With DisableRemoteAuthorization true, an idToken in neither the Authorization Cache nor the Local Authorization List is refused at the station without asking the CSMS (no Authorize, no transaction).',
  refs: ['OCPP 2.0.1 Part 2 C01.FR.05', 'OCPP 2.0.1 Part 2 AuthCtrlr.DisableRemoteAuthorization'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_52_CS; ours: the Authorization Cache emptied with ClearCache for a station that declares one (C-49) (the Local Authorization List is left to the station\'s configuration), the idToken is the configured valid one, the station watched for the message timeout after it is presented, and the configuration restored after the table.',
  pics: { all: ['C-58'], any: ['C-30', 'C-31', 'C-32'], text: 'C-58 and (C-30 or C-31 or C-32) and (C-49 or Local Authorization List Management)' },
  actions: ['presentIdToken'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 3,
    settings: [
      { component: 'AuthCtrlr', variable: 'Enabled', value: 'true', need: 'ifImplemented' },
      { component: 'AuthCtrlr', variable: 'DisableRemoteAuthorization', value: 'true' },
    ],
  }, async (s) => {
    if (t.cfg.declarations.pics?.includes('C-49')) {
      await t.step(0, 'Before: memory state: the Authorization Cache emptied (ClearCache)', () => s.cp.call('ClearCache', {}));
    }
    await t.step(0, 'Before: reusable state ParkingBayOccupied (optional)', () => parkingBayOccupied(s));
    await t.step(1, 'Present an idToken the station does not know: no Authorize, no transaction (step 1)', async () => {
      const from = s.cp.mark(`idToken ${s.idToken.idToken} presented`);
      await t.sut.do('presentIdToken', { evseId: s.evseId, idToken: s.idToken });
      await t.sleep(t.cfg.timeouts.messageMs);
      s.cp.expectQuiet({
        afterSeq: from, beforeSeq: s.cp.mark('watched for the message timeout'),
        forbid: { actions: ['Authorize', 'TransactionEvent'], why: 'DisableRemoteAuthorization: an unknown idToken is refused without asking the CSMS' },
        requirement: `${TC} step 1; C01.FR.05 / AuthCtrlr.DisableRemoteAuthorization (no AuthorizeRequest; the authorization refused)`,
      });
    });
  });
});
