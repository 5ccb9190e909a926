import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootAndStatuses, resetAndReconnect, WHITEPAPER } from './security-cs-steps.js';

export default defineCase({
  id: 'TC_085_CS',
  title: 'Basic Authentication - Valid username/password combination',
  ocpp: '1.6', profile: 'Security', sut: 'ChargePoint',
  octt: { table: 100, follows: '2024-04' },
  securityProfiles: [1, 2],
  purpose: 'After a reset the charge point connects with HTTP Basic authentication: its identity as username and the configured AuthorizationKey as password; then it boots and reports its connectors.',
  refs: [`${WHITEPAPER} §2.3 Security profile 1 (A00.FR.202–205)`, `${WHITEPAPER} §2.4 Security profile 2 (A00.FR.301–304)`],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 100; ours: the reset is a Reset Hard, and the header is judged by the harness\'s admission (401 with the reason when it is wrong).',
}, async (t) => {
  const { step, cfg } = t;
  const cp = await step(1, 'After a reset, the charge point\'s upgrade request carries Basic <identity>:<AuthorizationKey> and the harness upgrades it (steps 1–2)', () => resetAndReconnect(t, 100));
  await bootAndStatuses(cp, cfg, 100, 3, 5, step);
});
