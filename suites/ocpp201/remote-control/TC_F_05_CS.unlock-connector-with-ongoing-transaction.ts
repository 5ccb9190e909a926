import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, withTxSession } from '../transactions/charging-station-states.js';
import { part6, unlockConnector } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_05_CS',
  title: 'Remote unlock Connector - With ongoing transaction',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F05', requirements: ['F05.FR.01', 'F05.FR.02'] },
  purpose: 'While an authorized transaction runs on the connector, UnlockConnector is answered OngoingAuthorizedTransaction (the connector stays locked, the transaction goes on).',
  refs: ['OCPP 2.0.1 Part 2 F05.FR.01', 'OCPP 2.0.1 Part 2 F05.FR.02'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_05_CS; ours: the prerequisite "has a connector lock" read as the condition of Part 5, a detachable cable (HFS-1), authorization at the station (the OCTT default), and the session ended after the table.',
  pics: { all: ['HFS-1'], text: 'HFS-1 and NOT Product Subtype "Mode 1/2-only Charging Station"' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 3 }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    await t.step(1, 'UnlockConnector for the connector of the transaction: OngoingAuthorizedTransaction (steps 1–2)', () =>
      unlockConnector(s.cp, s.evseId, s.connectorId, 'OngoingAuthorizedTransaction', `${part6('TC_F_05_CS')} step 2 (tool validation); F05.FR.02`));
  });
});
