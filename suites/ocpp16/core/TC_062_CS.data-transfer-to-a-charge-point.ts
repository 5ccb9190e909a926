import { defineCase } from '../../../harness/dsl/define-case.js';

/** A vendorId (reversed DNS, §4.3) for which no charge point has a DataTransfer implementation. */
const UNKNOWN_VENDOR_ID = 'org.ocpp-harness.tc062.unknown-vendor';

export default defineCase({
  id: 'TC_062_CS',
  title: 'Data Transfer to a Charge Point',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 87, follows: '2024-04' },
  purpose: 'The charge point refuses a vendor-specific message it has no implementation for: it answers DataTransfer with an unknown vendorId with Rejected, UnknownMessageId or UnknownVendorId; Accepted is allowed with a warning (NON_STRICT).',
  refs: ['OCPP 1.6 §5.6 DataTransfer', 'OCPP 1.6 §4.3 DataTransfer', 'OCPP 1.6 §6.16 DataTransfer.conf', 'OCPP 1.6 §7.23 DataTransferStatus', 'OCPP 1.6 §3.12 Vendor-specific data transfer'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 87; ours: the vendorId is a reversed-DNS name of ours (the table\'s prerequisite: one the charge point has no implementation for), with a messageId and data.',
  actions: [],
}, async ({ csms, step }) => {
  const cp = await csms.booted();

  await step(1, 'DataTransfer with a vendorId the charge point does not support; it does not accept it (steps 1–2)', () =>
    cp.call('DataTransfer', { vendorId: UNKNOWN_VENDOR_ID, messageId: 'TC_062', data: 'ocpp-harness' }, {
      expect: { status: { oneOf: ['Rejected', 'UnknownMessageId', 'UnknownVendorId'] } },
      // Table 87 step 2 allows Accepted with a warning: only a SHOULD, and no OCTT failure.
      level: 'SHOULD', octt: 'not-checked',
      requirement: 'OCTT Table 87 step 2 (Rejected, UnknownMessageId or UnknownVendorId; Accepted allowed, the vendor warned); OCPP 1.6 §5.6, §4.3, §7.23: a recipient without an implementation for the vendorId returns UnknownVendorId',
    }));
});
