import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTH_ENABLED, authorized, txPoint, withTxSession } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_10_CS',
  title: 'Start transaction options - Authorized - Local',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E01(S3) Start Transaction options - Authorized, C01', requirements: ['E01.FR.03', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16', 'C01.FR.02', 'C02.FR.01', 'C06.FR.02'] },
  purpose: 'With TxStartPoint Authorized, presenting a valid idToken makes the station authorize it with the CSMS and start the transaction (Started, Authorized, with the idToken).',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.03', 'OCPP 2.0.1 Part 2 E01.FR.10', 'OCPP 2.0.1 Part 2 C01.FR.02'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_10_CS; ours: TxStartPoint set to Authorized alone, and the session ended and the configuration restored after the table.',
  pics: { all: ['C-09.2'], any: ['C-30', 'C-31', 'C-32', 'C-33', 'C-34', 'C-35'], text: 'C-09.2 and (C-30 - C-35 or ISO 15118 support)' },
  actions: ['presentIdToken', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 5, settings: [txPoint('TxStartPoint', 'Authorized'), ...AUTH_ENABLED] }, async (s) => {
    await t.step(1, 'Present the idToken: Authorize for it (steps 1–2), then TransactionEvent Started, Authorized, with the idToken (steps 3–4)', () =>
      authorized(s, 'local', { table: 'OCPP 2.0.1 Part 6 TC_E_10_CS', steps: { authorize: 1, tx: 3 } }));
  });
});
