import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTH_ENABLED, authorized, energyTransferStarted, idTokenMatch, parkingBayOccupied, table, withTxSession } from '../transactions/charging-station-states.js';
import { AUTHORIZE_REMOTE_START, part6 } from './remote-control-steps.js';

const TC = part6('TC_F_02_CS');

export default defineCase({
  id: 'TC_F_02_CS',
  title: 'Remote start transaction - Remote start first -authorizeRemoteStart is true',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F02', requirements: ['F02.FR.01', 'F01.FR.01'] },
  purpose: 'With AuthorizeRemoteStart true, a RequestStartTransaction before the EV is connected is accepted, the station authorizes the idToken with the CSMS like a local action, and the session starts and charges once the EV is connected.',
  refs: ['OCPP 2.0.1 Part 2 F01.FR.01', 'OCPP 2.0.1 Part 2 F02.FR.01', 'OCPP 2.0.1 Part 2 F02.FR.09', 'OCPP 2.0.1 Part 2 F01.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_02_CS (reusable states ParkingBayOccupied (optional), Authorized Main B with its step 3 Authorize, EnergyTransferStarted); ours: the authorization cache and LocalPreAuthorize off while it runs and the cache cleared (Table 428 step 3 spares the Authorize for a cached idToken), and the session ended and the configuration restored after the table.',
  deviations: [{
    what: 'Before: AuthCacheCtrlr.Enabled and AuthCtrlr.LocalPreAuthorize set to false (where writable, restored afterwards), and ClearCache sent (its answer not judged)',
    why: 'Table 428 step 3 (the Authorize this table is about) is skipped for a cached idToken; with the cache off the Authorize is due',
    source: 'OCPP 2.0.1 Part 6 Table 428 step 3 note; Part 2 F01.FR.01',
  }],
  pics: { all: ['C-48.1'], any: ['C-36', 'C-37', 'C-38', 'C-39'], text: 'C-48.1 and (C-36-(or) C-39)' },
  actions: ['plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 3, settings: [...AUTH_ENABLED, ...AUTHORIZE_REMOTE_START] }, async (s) => {
    if (s.authDisabled) t.notApplicable('the table\'s prerequisite: AuthCtrlr.Enabled is false and cannot be set to true');
    await t.step(0, 'Before: reusable state ParkingBayOccupied (optional)', () => parkingBayOccupied(s));
    await t.step(1, 'Reusable state Authorized (remote): RequestStartTransaction Accepted, then Authorize with the idToken (Table 428 Main B steps 2–3)', async () => {
      // Ours, not judged: an empty cache (C11), where the cache could not be switched off.
      await s.cp.link.session.call('ClearCache', {}, { waitMs: t.cfg.timeouts.responseMs }).catch(() => undefined);
      const mark = s.cp.mark('before RequestStartTransaction');
      await authorized(s, 'remote');
      await s.cp.expectCall('Authorize', {
        after: mark, match: idTokenMatch(s),
        requirement: `${table(428, 'Authorized')} Main B step 3 (tool validation); ${TC}; F01.FR.01 / F02.FR.09: with AuthorizeRemoteStart true the station authorizes the idToken as for a local action`,
      });
    });
    await t.step(2, 'Reusable state EnergyTransferStarted: connect the EV; the energy flows', () => energyTransferStarted(s));
  });
});
