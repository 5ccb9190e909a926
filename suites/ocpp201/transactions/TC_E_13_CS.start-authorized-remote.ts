import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTH_ENABLED, authorized, txPoint, withTxSession } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_13_CS',
  title: 'Start transaction options - Authorized - Remote',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E01(S3) Start Transaction options - Authorized, F01', requirements: ['E01.FR.03', 'F01.FR.03', 'F01.FR.04', 'F01.FR.06', 'F01.FR.19', 'F02.FR.01'] },
  purpose: 'With TxStartPoint Authorized, a RequestStartTransaction is accepted and the station starts the transaction (Started, RemoteStart, with the idToken and the remoteStartId).',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.03', 'OCPP 2.0.1 Part 2 F01.FR.04', 'OCPP 2.0.1 Part 2 F01.FR.19', 'OCPP 2.0.1 Part 2 F01.FR.25'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_13_CS; ours: TxStartPoint set to Authorized alone, step 3 (Authorize, only for a read-only disabled AuthCtrlr) not expected, the remoteStartId checked to be the one sent (F01.FR.25), and the session ended and the configuration restored after the table.',
  deviations: [{
    what: 'Step 5: transactionInfo.remoteStartId must equal the one the harness sent, not only be present',
    why: 'The station has no other remoteStartId to report; a different one is no answer to this request',
    source: 'OCPP 2.0.1 Part 2 F01.FR.25: the Charging Station SHALL put the remoteStartId in the next TransactionEventRequest',
  }],
  pics: { all: ['C-09.2'], text: 'C-09.2' },
}, async (t) => {
  await withTxSession(t, { teardownStep: 7, settings: [txPoint('TxStartPoint', 'Authorized'), ...AUTH_ENABLED] }, async (s) => {
    await t.step(1, 'RequestStartTransaction for the EVSE: Accepted (steps 1–2); TransactionEvent Started, RemoteStart, idToken and remoteStartId (steps 5–6)', () =>
      authorized(s, 'remote', { table: 'OCPP 2.0.1 Part 6 TC_E_13_CS', steps: { request: 2, tx: 5 } }));
  });
});
