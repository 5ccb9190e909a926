import { defineCase } from '../../../harness/dsl/define-case.js';
import { pkiPem, WHITEPAPER } from './security-cs-steps.js';
import { renewCertificate } from './sign-certificate-steps.js';

export default defineCase({
  id: 'TC_083_CS',
  title: 'Upgrade security profile',
  ocpp: '1.6', profile: 'Security', sut: 'ChargePoint',
  octt: { table: 98, follows: '2024-04' },
  securityProfiles: [2],
  changesSecurityProfile: true,
  purpose: 'Connected at profile 2 with a renewed charge point certificate, the charge point accepts SecurityProfile 3 and comes back at profile 3 (by itself, or after a Reset), boots and reports its connectors Available.',
  refs: [`${WHITEPAPER} A05 Upgrade Charge Point Security Profile`, `${WHITEPAPER} A02`],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 98; ours: from profile 2 only (the harness cannot yet serve ws:// and wss:// on one endpoint, which 1 → 2 needs); the Memory State RenewChargePointCertificate is TC_074\'s steps 1–6; the harness asks for client certificates once SecurityProfile 3 is sent. The charger stays at profile 3 afterwards (A05.FR.01 forbids going back): built-in runs give the case a peer of its own.',
  deviations: [{ what: 'Memory State RenewChargePointCertificate: the CSR is checked before the harness answers Accepted', why: 'the tool must be able to sign it', source: `${WHITEPAPER} A02.FR.03` }],
}, async (t) => {
  const { csms, cfg, step, note } = t;
  const cp = await csms.booted();
  await renewCertificate(t, cp, 98, 'csms-root-ca', 'Accepted');
  const sent = await step(1, 'ChangeConfiguration SecurityProfile = 3 (one higher): Accepted or RebootRequired (steps 1–2)', async () => {
    csms.security.upgradeToProfile3((await pkiPem(cfg, 'csms-root-ca'))!);
    return cp.call('ChangeConfiguration', { key: 'SecurityProfile', value: '3' }, {
      expect: { status: { oneOf: ['Accepted', 'RebootRequired'] } },
      requirement: `OCTT Table 98 step 2; ${WHITEPAPER} A05.FR.05: with every prerequisite met the charge point accepts the higher profile`,
    });
  });
  let next = await csms.nextConnection().catch(() => undefined);
  if (!next || sent.payload.status === 'RebootRequired') {
    next = await step(3, 'The charge point did not reconnect by itself: Reset Hard, Accepted (steps 3–4)', async () => {
      const live = await csms.connection();
      await live.call('Reset', { type: 'Hard' }, { expect: { status: 'Accepted' }, requirement: 'OCTT Table 98 step 4: Reset is Accepted' });
      return csms.nextConnection({ requirement: 'OCTT Table 98 step 5: the charge point boots again' });
    });
  } else note('the charge point reconnected by itself (steps 3–4 not needed)');
  const link = next;
  csms.security.expect({ check: 'tls', conn: link.conn, identity: cfg.identity, clientCertificate: true, requirement: `${WHITEPAPER} A05.FR.07: it reconnects with the new security profile (a client certificate)`, level: 'MUST', octt: 'not-checked' });
  await step(5, 'BootNotification, answered Accepted (steps 5–6)', async () => {
    const boot = await link.expectCall('BootNotification', { requirement: 'OCTT Table 98 step 5: the charge point sends BootNotification' });
    await boot.replied;
  });
  await step(7, 'StatusNotification Available for connector 0 and every connector (steps 7–8)', async () => {
    for (const connectorId of [0, ...cfg.connectorIds]) {
      await link.expectCall('StatusNotification', { where: { connectorId }, match: { status: 'Available' }, requirement: 'OCTT Table 98 step 7: the status is Available' });
    }
  });
});
