import { defineCase } from '../../../harness/dsl/define-case.js';
import { requireFirmwareManagement } from './security-prerequisites.js';
import { signedStatus, signedUpdateAndDownload } from './signed-firmware-steps.js';

export default defineCase({
  id: 'TC_081_CSMS',
  title: 'Secure Firmware Update - Invalid Signature',
  ocpp: '1.6',
  profile: 'Security',
  securityProfiles: [2, 1, 3],
  sut: 'Csms',
  octt: { table: 188, follows: '2024-04' },
  purpose: 'The CSMS sends SignedUpdateFirmware with an invalid signature; it answers the notifications of the download and of the charge point finding the signature invalid.',
  refs: ['Security Whitepaper ed. 3 §4.4 Secure Firmware Update (L01.FR.03–05)', '§5.15 SignedUpdateFirmware', '§5.13 SignedFirmwareStatusNotification'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 188; ours: the invalid signature is one the run PKI\'s firmware signing key made over other bytes (asked of the CSMS through SUT control), and the harness verifies it for real against the downloaded image.',
  deviations: [{
    what: 'Step 3: the harness downloads the firmware from the location for real (transfer.failed)',
    why: 'the table only has the notifications sent; a CSMS whose location serves nothing would pass it',
    source: 'Security Whitepaper ed. 3 §5.15 (location: where the firmware can be downloaded)',
  }],
  actions: ['SignedUpdateFirmware'],
}, async (t) => {
  const { cp, step } = t;
  requireFirmwareManagement(t, 188, 'Csms');
  const link = await cp.booted();
  const { verdict, requestId } = await signedUpdateAndDownload(t, link, 188, true);
  t.note(verdict.ok ? 'the signature the CSMS sent verifies, although the test data\'s did not' : `as expected: ${verdict.why}`);
  await step(7, 'The charge point finds the signature invalid: SignedFirmwareStatusNotification InvalidSignature; the CSMS answers (steps 7–8)', () =>
    signedStatus(link, 'InvalidSignature', requestId));
});
