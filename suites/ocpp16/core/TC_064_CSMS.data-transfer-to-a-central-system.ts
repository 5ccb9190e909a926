import { defineCase } from '../../../harness/dsl/define-case.js';

/** A vendorId (reversed DNS, §4.3) for which the CSMS has no DataTransfer implementation. */
const UNKNOWN_VENDOR_ID = 'org.ocpp-harness.tc064.unknown-vendor';

export default defineCase({
  id: 'TC_064_CSMS',
  title: 'Data Transfer to a Central System',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 178, follows: '2024-04' },
  purpose: 'The CSMS refuses a vendor-specific message it has no implementation for: it answers DataTransfer with an unknown vendorId with a DataTransfer.conf, whose status is Rejected, UnknownMessageId or UnknownVendorId.',
  refs: ['OCPP 1.6 §4.3 DataTransfer', 'OCPP 1.6 §6.16 DataTransfer.conf', 'OCPP 1.6 §7.23 DataTransferStatus', 'OCPP 1.6 §3.12 Vendor-specific data transfer', 'OCPP-J 1.6 §4.3 CallResult'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 178; ours: the vendorId is a fixed reversed-DNS name the CSMS has no implementation for (the table\'s prerequisite), and Accepted, which the table allows with a warning, is a SHOULD finding.',
  deviations: [{
    what: 'Step 2: a status Accepted is reported at SHOULD level (NON_STRICT)',
    why: 'The table allows Accepted and only warns the vendor about it; §4.3 wants UnknownVendorId from a recipient without an implementation for the vendorId',
    source: 'OCPP 1.6 §4.3; OCTT 1.6 TCD 2024-04 Table 178 step 2 (note)',
  }],
  actions: [],
}, async ({ cp, step }) => {
  const link = await cp.booted();

  await step(1, 'DataTransfer with a vendorId the CSMS does not support; the CSMS answers with a DataTransfer.conf (steps 1–2)', async () => {
    // The table's expected answer is a DataTransfer.conf: a CALLERROR (e.g. NotImplemented from a CSMS
    // without any DataTransfer handler) is not one, and fails here at MUST.
    const answer = await link.call('DataTransfer', { vendorId: UNKNOWN_VENDOR_ID, messageId: 'TC_064', data: 'ocpp-harness' }, {
      expect: { status: { oneOf: ['Rejected', 'UnknownMessageId', 'UnknownVendorId', 'Accepted'] } },
      requirement: 'OCPP 1.6 §4.3, §6.16; OCPP-J 1.6 §4.3; Table 178 step 2: the CSMS responds to DataTransfer.req with a DataTransfer.conf (the table allows Accepted with a warning)',
    });
    link.expectAnswer(answer, 'DataTransfer', {
      expect: { status: { oneOf: ['Rejected', 'UnknownMessageId', 'UnknownVendorId'] } },
      level: 'SHOULD',
      requirement: 'OCPP 1.6 §4.3, §7.23: a recipient without an implementation for the vendorId returns UnknownVendorId; the table also takes Rejected or UnknownMessageId and warns about Accepted',
    });
  });
});
