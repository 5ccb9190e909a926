import { defineCase } from '../../../harness/dsl/define-case.js';
import { WHITEPAPER } from './security-cs-steps.js';

/** Table 88 step 1: "OCA_OCTT_admin_test" as hexadecimal text. */
const NEW_KEY = '4F43415F4F4354545F61646D696E5F74657374';

export default defineCase({
  id: 'TC_073_CS',
  title: 'Update Charge Point Password for HTTP Basic Authentication',
  ocpp: '1.6', profile: 'Security', sut: 'ChargePoint',
  octt: { table: 88, follows: '2024-04' },
  securityProfiles: [2, 1],
  purpose: 'The charge point accepts a new AuthorizationKey, disconnects and reconnects with it (the harness accepts only the new one from then on); the configured key is restored afterwards.',
  refs: [`${WHITEPAPER} A01 Update Charge Point Password for HTTP Basic Authentication`, `${WHITEPAPER} §7.2 AuthorizationKey`],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 88; ours: the harness accepts only the new key once it is sent (A01.FR.03), and the configured AuthorizationKey is set back at the end.',
  deviations: [{ what: 'After the case, ChangeConfiguration AuthorizationKey = the configured key, and the charger reconnects with it (SHOULD)', why: 'restores the Before state (CASE-RULES rule 4)', source: `${WHITEPAPER} A01` }],
}, async ({ csms, cfg, step, note }) => {
  const cp = await csms.booted();
  const configured = cfg.security?.basicAuthPassword ?? cfg.basicAuthPassword;
  const sent = await step(1, 'ChangeConfiguration AuthorizationKey = the table\'s new key: Accepted (steps 1–2)', async () => {
    csms.security.setBasicAuthPassword(NEW_KEY); // A01.FR.03: once Accepted, the old credentials are no longer accepted
    const res = await cp.call('ChangeConfiguration', { key: 'AuthorizationKey', value: NEW_KEY }, {
      expect: { status: 'Accepted' },
      requirement: `OCTT Table 88 step 2; ${WHITEPAPER} A01.FR.01: the charge point stores the new password`,
    });
    if (res.payload.status !== 'Accepted') csms.security.setBasicAuthPassword(); // A01.FR.04: keep the old one
    return res;
  });
  try {
    await step(3, 'The charge point disconnects and reconnects with the new password (step 3)', async () => {
      try {
        await csms.nextConnection({ requirement: `OCTT Table 88 step 3: the charge point reconnects with the new password` });
      } finally {
        csms.security.expect({
          check: 'reconnect', afterSeq: sent.answer.seq, untilSeq: Number.MAX_SAFE_INTEGER, identity: cfg.identity, profile: csms.security.profile,
          what: 'with the new AuthorizationKey', requirement: `OCTT Table 88 step 3; ${WHITEPAPER} A01: reconnects with the new password, which the harness alone accepts now`,
        });
      }
    });
  } finally {
    csms.security.setBasicAuthPassword();
  }
  await step(4, 'Restore: ChangeConfiguration AuthorizationKey = the configured key, and the charger reconnects with it', async () => {
    if (!configured) {
      note('no AuthorizationKey configured to restore');
      return;
    }
    const live = await csms.connection();
    await live.call('ChangeConfiguration', { key: 'AuthorizationKey', value: configured }, {
      octt: 'not-checked', level: 'SHOULD', expect: { status: 'Accepted' },
      requirement: `${WHITEPAPER} A01: the configured AuthorizationKey is set back`,
    });
    await csms.nextConnection();
  });
});
