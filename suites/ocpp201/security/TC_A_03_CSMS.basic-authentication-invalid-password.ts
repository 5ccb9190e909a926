import { randomBytes } from 'node:crypto';
import { defineCase } from '../../../harness/dsl/define-case.js';

const REQUIREMENT = 'OCPP 2.0.1 Part 6 TC_A_03_CSMS step 2; Part 2 A00.FR.207: the CSMS validates the password of the Authorization header and rejects the upgrade';

export default defineCase({
  id: 'TC_A_03_CSMS',
  title: 'Basic Authentication - Invalid password',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  securityProfiles: [1, 2],
  part6: { useCase: 'A00 Security profiles', requirements: ['A00.FR.204'] },
  purpose: 'At security profile 1 or 2 the CSMS refuses an upgrade whose Basic-auth username is the station identity but whose password is a random one of the right form.',
  refs: ['OCPP 2.0.1 Part 2 A00.FR.204, A00.FR.205, A00.FR.207'],
  provenance: 'OCPP 2.0.1 Part 6 TC_A_03_CSMS; ours: one extra dial with the identity and a random 32-character alphanumeric password (the live connection is left alone), judged refused from the trace (HTTP 401/403 or a closed handshake); at profile 2 over TLS with the configured certificates.',
}, async (t) => {
  await t.step(1, 'The station dials with Basic auth <identity>:<random password>; the CSMS rejects the upgrade (steps 1–2)', async () => {
    await t.cp.security.dialOnce({ password: randomBytes(16).toString('hex'), verdict: { expect: 'refused', why: 'the password is not the configured one', requirement: REQUIREMENT, level: 'MUST' } });
  });
});
