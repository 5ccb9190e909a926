import { defineCase } from '../../../harness/dsl/define-case.js';
import { expectBootedAgain } from '../provisioning/charging-station-steps.js';
import { resetAndReconnect } from './security-steps.js';

const TABLE = 'Part 6 TC_A_01_CS (Table 1)';

export default defineCase({
  id: 'TC_A_01_CS',
  title: 'Basic Authentication - Valid username/password combination',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  securityProfiles: [1, 2],
  part6: { useCase: 'A00 Security profiles, B01 Cold Boot Charging Station', requirements: ['A00.FR.202', 'A00.FR.203', 'A00.FR.204', 'A00.FR.205', 'A00.FR.301', 'A00.FR.302', 'A00.FR.304', 'B01.FR.01', 'B01.FR.05', 'B01.FR.09'] },
  purpose: 'At security profile 1 or 2 the station opens its connection with HTTP Basic authentication (its identity as username, the configured BasicAuthPassword), then boots and reports every connector Available.',
  refs: ['OCPP 2.0.1 Part 2 A00.FR.202–205, A00.FR.301–304', 'OCPP 2.0.1 Part 2 B01.FR.01, FR.05'],
  provenance: 'OCPP 2.0.1 Part 6 TC_A_01_CS; ours: the reusable state Booted is made observable on a fresh connection by a Reset Immediate first; the Authorization header is judged by the harness\'s admission (it accepts only <identity>:<configured password>, and refuses with the reason otherwise). The password\'s form (16–40 passwordString characters) is the configured one\'s: the harness does not judge it.',
}, async (t) => {
  const link = await t.step(1, 'After a reset, the station\'s upgrade request carries Basic <identity>:<configured BasicAuthPassword>; the harness upgrades it (step 1, tool validation)', () =>
    resetAndReconnect(t, TABLE, `${TABLE} step 1 tool validation; Part 2 A00.FR.202–204, A00.FR.301–303: the upgrade carries Basic auth with the station identity and its BasicAuthPassword`));
  await t.step(2, 'Reusable state Booted: BootNotification accepted, every connector reported Available (step 1)', () => expectBootedAgain(t, link, TABLE, 1));
});
