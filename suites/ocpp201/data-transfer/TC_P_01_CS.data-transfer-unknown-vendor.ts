import { defineCase } from '../../../harness/dsl/define-case.js';

/** The table's vendorId: the OCTT's own, for which no charging station has an implementation. */
const OCTT_VENDOR_ID = 'org.openchargealliance.octt';

export default defineCase({
  id: 'TC_P_01_CS',
  title: 'Data Transfer to the Charging Station - Rejected / Unknown VendorId / Unknown MessageId',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'P01 Data Transfer to the Charging Station', requirements: ['P01.FR.05', 'P01.FR.06'] },
  purpose: 'The charging station refuses a DataTransfer for a vendorId it has no implementation for: it answers UnknownVendorId, UnknownMessageId or Rejected.',
  refs: ['OCPP 2.0.1 Part 2 P01.FR.05', 'OCPP 2.0.1 Part 2 P01.FR.06'],
  provenance: 'OCPP 2.0.1 Part 6 TC_P_01_CS; ours: the messageId (the table\'s <Configured messageId>) is a name of ours the station cannot know.',
}, async ({ csms, step }) => {
  const link = await csms.booted();
  await step(1, 'Send DataTransfer with vendorId org.openchargealliance.octt and an unused messageId; the charging station does not accept it (steps 1–2)', () =>
    link.call('DataTransfer', { vendorId: OCTT_VENDOR_ID, messageId: 'ocpp-harness-TC_P_01' }, {
      expect: { status: { oneOf: ['UnknownVendorId', 'UnknownMessageId', 'Rejected'] } },
      requirement: 'Part 6 TC_P_01_CS step 2: status UnknownVendorId, UnknownMessageId or Rejected (P01.FR.05, P01.FR.06)',
    }));
});
