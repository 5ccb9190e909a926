import { defineCase } from '../../../harness/dsl/define-case.js';
import { INVALID_SHALL_ERROR, MAY_DROP } from './robustness-steps.js';

export default defineCase({
  id: 'X201_RPC_07_CSMS',
  title: 'Request with a value outside its enumeration is refused',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'A StatusNotificationRequest with connectorStatus "Resting" (not a ConnectorStatusEnumType value) is answered by the CSMS with CALLERROR PropertyConstraintViolation, not with a CALLRESULT.',
  refs: ['OCPP 2.0.1 Part 2 ConnectorStatusEnumType', 'OCPP-J 2.0.1 §4.1.7 Message Validity', 'OCPP-J 2.0.1 §4.3 Table 8 (PropertyConstraintViolation)'],
  provenance: 'ours (not a Part 6 case), the 2.0.1 twin of a charger that accepted an unknown Reset type (seen on real peers): a value outside its enumeration is not of the field\'s data type (ConnectorStatusEnumType), so §4.1.7 asks for a CALLERROR (a CALLRESULT FAILs); Table 8 names PropertyConstraintViolation ("a field contains an invalid value"); another Table 8 code is NON_STRICT, a code outside Table 8 FAILs; §4.2.3 lets the receiver drop it, so no answer is NON_STRICT.',
}, async ({ cp, cfg, step }) => {
  const link = await step(1, 'The station is connected and its boot accepted', () => cp.booted());
  await step(2, 'Send StatusNotificationRequest with connectorStatus "Resting"; the CSMS answers CALLERROR PropertyConstraintViolation', () =>
    link.callExpectingError('StatusNotification', {
      payload: { timestamp: new Date().toISOString(), connectorStatus: 'Resting', evseId: cfg.connectorIds[0] ?? 1, connectorId: 1 },
      exact: ['PropertyConstraintViolation'],
      requirement: `${INVALID_SHALL_ERROR}; Table 8: PropertyConstraintViolation for a field with an invalid value`,
      mayDrop: MAY_DROP,
    }));
});
