import { defineCase } from '../../../harness/dsl/define-case.js';

/** A vendorId (reversed DNS, P02.FR.03) no CSMS has an implementation for. */
const UNKNOWN_VENDOR_ID = 'org.ocpp-harness.unknown-vendor';

export default defineCase({
  id: 'TC_P_02_CSMS',
  title: 'Data Transfer to the CSMS - Rejected / Unknown VendorId / Unknown MessageId',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'P02 Data Transfer to the CSMS', requirements: ['P02.FR.06', 'P02.FR.07'] },
  purpose: 'The CSMS answers a DataTransferRequest for a vendorId it has no implementation for with UnknownVendorId (UnknownMessageId and Rejected are allowed too).',
  refs: ['OCPP 2.0.1 Part 2 P02.FR.06', 'OCPP 2.0.1 Part 2 P02.FR.07'],
  provenance: 'OCPP 2.0.1 Part 6 TC_P_02_CSMS; ours: the configured vendorId and messageId are fixed values no CSMS implements.',
}, async ({ cp, step }) => {
  const link = await cp.booted();
  await step(1, 'The station sends DataTransferRequest with an unknown vendorId; the CSMS refuses it (steps 1–2)', () =>
    link.call('DataTransfer', { vendorId: UNKNOWN_VENDOR_ID, messageId: 'TC_P_02', data: 'ocpp-harness' }, {
      expect: { status: { oneOf: ['UnknownVendorId', 'UnknownMessageId', 'Rejected'] } },
      requirement: 'OCPP 2.0.1 Part 2 P02.FR.06; Part 6 TC_P_02_CSMS tool validation step 2: DataTransferResponse status UnknownVendorId, UnknownMessageId or Rejected',
    }));
});
