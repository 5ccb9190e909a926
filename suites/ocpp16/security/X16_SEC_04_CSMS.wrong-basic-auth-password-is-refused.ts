import { randomBytes } from 'node:crypto';
import { defineCase } from '../../../harness/dsl/define-case.js';

const REQUIREMENT = 'Security Whitepaper ed. 3 §2.3 remark (the server validates the Authorization header before upgrading), A00.FR.202–205 / A00.FR.301–304: the password is the AuthorizationKey';

export default defineCase({
  id: 'X16_SEC_04_CSMS',
  title: 'Basic Authentication - wrong password is refused',
  ocpp: '1.6',
  profile: 'Security',
  securityProfiles: [1, 2],
  sut: 'Csms',
  purpose: 'At security profile 1 or 2 the CSMS refuses an upgrade whose Basic-auth password is not the charge point\'s AuthorizationKey (HTTP 401 or 403).',
  refs: ['Security Whitepaper ed. 3 §2.3 (A00.FR.202–205), §2.4 (A00.FR.301–304)'],
  provenance: 'ours (not an OCTT case): a negative case our users asked for; the harness dials with its identity and a random password of the right form. SHOULD: the whitepaper says the server validates the header, with no SHALL on refusing.',
  deviations: [{ what: 'The whole case: a dial with a wrong password should be refused (security.refusal, SHOULD)', why: 'no OCTT table tests a wrong password with the CSMS under test', source: REQUIREMENT }],
}, async (t) => {
  await t.step(1, 'The charge point dials with a wrong Basic-auth password; the CSMS refuses it', async () => {
    // Judged from the trace (security.refusal); the case has nothing more to do either way.
    await t.cp.security.dialOnce({ password: randomBytes(16).toString('hex'), verdict: { expect: 'refused', why: 'the password is not the AuthorizationKey', requirement: REQUIREMENT, level: 'SHOULD' } });
  });
});
