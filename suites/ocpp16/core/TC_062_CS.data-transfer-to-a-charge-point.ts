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
  purpose: 'The charge point refuses a vendor-specific message it has no implementation for: it answers DataTransfer with an unknown vendorId with Rejected, UnknownMessageId or UnknownVendorId, in time.',
  refs: ['OCPP 1.6 §5.6 DataTransfer', 'OCPP 1.6 §4.3 DataTransfer', 'OCPP 1.6 §6.16 DataTransfer.conf', 'OCPP 1.6 §7.23 DataTransferStatus', 'OCPP 1.6 §3.12 Vendor-specific data transfer'],
  provenance: 'OCTT steps as publicly summarised (booted → DataTransfer.req with vendorId "TestVendorId" and some data → DataTransfer.conf within 5 s, status Rejected, UnknownMessageId or UnknownVendorId). The OCTT takes any of the three, so another status is a SHOULD here (NON_STRICT), while an invalid status is a schema finding and a late answer rpc.responseTime; §4.3 itself asks for UnknownVendorId. Ours: step 1 uses the reusable state Booted; the vendorId is a reversed-DNS name of ours.',
  actions: [],
}, async ({ csms, step }) => {
  const cp = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  await step(2, 'DataTransfer with a vendorId the charge point does not support; it does not accept it', () =>
    cp.call('DataTransfer', { vendorId: UNKNOWN_VENDOR_ID, messageId: 'TC_062', data: 'ocpp-harness' }, {
      expect: { status: { oneOf: ['Rejected', 'UnknownMessageId', 'UnknownVendorId'] } },
      level: 'SHOULD',
      requirement: 'OCPP 1.6 §5.6, §4.3, §7.23: a recipient without an implementation for the vendorId returns UnknownVendorId; the OCTT also takes Rejected or UnknownMessageId',
    }));
});
