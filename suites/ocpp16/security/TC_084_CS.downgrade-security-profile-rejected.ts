import { defineCase } from '../../../harness/dsl/define-case.js';
import { WHITEPAPER } from './security-cs-steps.js';

export default defineCase({
  id: 'TC_084_CS',
  title: 'Downgrade security profile - Rejected',
  ocpp: '1.6', profile: 'Security', sut: 'ChargePoint',
  octt: { table: 99, follows: '2024-04' },
  securityProfiles: [2, 3],
  purpose: 'The charge point refuses a SecurityProfile one level lower than the one it is connected at.',
  refs: [`${WHITEPAPER} A05 Upgrade Charge Point Security Profile (A05.FR.01)`, `${WHITEPAPER} §7 SecurityProfile`],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 99; ours: the configured profile is the one the harness runs the connection at.',
}, async ({ csms, step }) => {
  const cp = await csms.booted();
  const lower = String(csms.security.profile - 1);
  await step(1, `ChangeConfiguration SecurityProfile = ${lower} (one lower): Rejected (steps 1–2)`, () =>
    cp.call('ChangeConfiguration', { key: 'SecurityProfile', value: lower }, {
      expect: { status: 'Rejected' },
      requirement: `OCTT Table 99 step 2; ${WHITEPAPER} A05.FR.01: a SecurityProfile lower than the current one SHALL be Rejected`,
    }));
});
