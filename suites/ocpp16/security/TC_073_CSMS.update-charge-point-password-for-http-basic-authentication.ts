import { randomBytes } from 'node:crypto';
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';

const RECONNECT_WITH = 'Security Whitepaper ed. 3 §2.3, A00.FR.203/205: the AuthorizationKey the Central System set is the password of the charge point\'s next connection request; the Central System admits it';

export default defineCase({
  id: 'TC_073_CSMS',
  title: 'Update Charge Point Password for HTTP Basic Authentication',
  ocpp: '1.6',
  profile: 'Security',
  securityProfiles: [1, 2],
  sut: 'Csms',
  octt: { table: 179, follows: '2024-04' },
  purpose: 'The CSMS sets a new Basic-auth password on the charge point with ChangeConfiguration AuthorizationKey, and admits the charge point when it reconnects with it.',
  refs: ['Security Whitepaper ed. 3 §2.3 (A00.FR.202–205)', 'Security Whitepaper ed. 3 §7.2 AuthorizationKey', 'OCPP 1.6 §5.3 Change Configuration'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 179; ours: the new key asked of the CSMS through SUT control is a suggestion (the CSMS may choose its own: the harness reconnects with the one it sent), the reconnection with it is judged as security.refusal (must be accepted), and the CSMS is asked to set the old key back afterwards.',
  deviations: [{
    what: 'Step 4 (ours): the CSMS is asked to set the previous AuthorizationKey again, and the charge point reconnects with it',
    why: 'the document\'s §1.3: a case restores what it changed, so later cases dial with the configured password',
    source: 'OCTT 1.6 TCD 2024-04 §1.3; Security Whitepaper ed. 3 §7.2',
  }],
  actions: ['ChangeConfiguration'],
}, async (t) => {
  const { cp, sut, step } = t;
  const before = cp.security.password();
  const link = await cp.booted();

  const changeKey = async (link: CaseLink, suggested: string, stepNo: number) => {
    await sut.do('ChangeConfiguration', { key: 'AuthorizationKey', value: suggested });
    const call = await link.expectCall('ChangeConfiguration', {
      match: { key: 'AuthorizationKey' },
      ...(stepNo === 1 ? {} : { level: 'SHOULD' as const }),
      requirement: stepNo === 1 ? 'OCTT Table 179 step 1: ChangeConfiguration.req key is AuthorizationKey' : 'ours: the CSMS sets the previous AuthorizationKey again (§1.3)',
    });
    const answer = await link.answerOf(call);
    if (answer.status !== 'Accepted') throw new ExpectationUnmet(`the AuthorizationKey ${JSON.stringify(call.frame.payload.value)} was not accepted (${String(answer.status)})`);
    const key = cp.security.memory.newAuthorizationKey!;
    cp.security.memory.newAuthorizationKey = undefined;
    return key;
  };

  const newKey = await step(1, 'The CSMS sends ChangeConfiguration AuthorizationKey; the charge point accepts it (steps 1–2)', () => changeKey(link, randomBytes(16).toString('hex'), 1));

  await step(3, 'The charge point disconnects and reconnects with the new password; the CSMS admits it', async () => {
    await link.close(1000, 'reconnecting with the new AuthorizationKey');
    const dialled = await cp.security.dialOnce({ password: newKey, verdict: { expect: 'accepted', why: 'the password is the AuthorizationKey the CSMS just set', requirement: `OCTT Table 179 step 3; ${RECONNECT_WITH}`, level: 'MUST' } });
    if (!dialled.accepted) throw new ExpectationUnmet(`the CSMS refused the new password: ${dialled.detail}`);
    cp.security.setPassword(newKey);
    await cp.reconnect();
  });

  if (before !== undefined) {
    await step(4, 'Ours: the CSMS sets the previous AuthorizationKey again; the charge point reconnects with it', async () => {
      const restored = await changeKey(await cp.booted(), before, 4);
      cp.security.setPassword(restored);
      await cp.reconnect();
    });
  }
});
