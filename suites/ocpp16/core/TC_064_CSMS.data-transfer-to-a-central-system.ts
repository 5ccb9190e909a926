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
  purpose: 'The CSMS refuses a vendor-specific message it has no implementation for: it answers DataTransfer with an unknown vendorId with Rejected, UnknownMessageId or UnknownVendorId.',
  refs: ['OCPP 1.6 §4.3 DataTransfer', 'OCPP 1.6 §6.16 DataTransfer.conf', 'OCPP 1.6 §7.23 DataTransferStatus', 'OCPP 1.6 §3.12 Vendor-specific data transfer'],
  provenance: 'Steps 1–2 as publicly summarised for TC_064_CSMS (tzi-OCTT test_tc_064_csms.py, SteVe Ocpp16JsonCsmsCertificationIT): DataTransfer.req with a vendorId the CSMS does not support → DataTransfer.conf status Rejected, UnknownMessageId or UnknownVendorId; the OCTT tolerates Accepted with a warning, so anything else is a SHOULD here (NON_STRICT), while an invalid status is a schema finding. Prerequisite: the CSMS has no DataTransfer implementation for the vendorId used (fixed, reversed-DNS). §4.3 itself asks for UnknownVendorId in that case.',
  actions: [],
}, async ({ cp, step }) => {
  const link = await cp.booted();

  await step(1, 'DataTransfer with a vendorId the CSMS does not support; the CSMS does not accept it (steps 1–2)', () =>
    link.call('DataTransfer', { vendorId: UNKNOWN_VENDOR_ID, messageId: 'TC_064', data: 'ocpp-harness' }, {
      expect: { status: { oneOf: ['Rejected', 'UnknownMessageId', 'UnknownVendorId'] } },
      level: 'SHOULD',
      requirement: 'OCPP 1.6 §4.3, §7.23: a recipient without an implementation for the vendorId returns UnknownVendorId; the OCTT also takes Rejected or UnknownMessageId and only warns about Accepted',
    }));
});
