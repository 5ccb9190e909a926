import { defineCase } from '../../../harness/dsl/define-case.js';

/** The customData the requests carry (Part 2 CustomDataType: a vendorId, other properties free). */
const CUSTOM_DATA = { vendorId: 'org.openchargealliance.octt', note: 'ocpp-harness TC_P_03_CS' };
const OFFLINE_THRESHOLD = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } };

export default defineCase({
  id: 'TC_P_03_CS',
  title: 'CustomData - Receive custom data',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'CustomData' },
  purpose: 'The charging station handles requests that carry customData: it accepts SetVariables of OCPPCommCtrlr.OfflineThreshold = 200 and reports 200 in GetVariables.',
  refs: ['OCPP 2.0.1 Part 2 §2.1.1 CustomDataType', 'OCPP 2.0.1 Part 4 §9 CustomData Extension', 'OCPP 2.0.1 Part 2 B05, B06'],
  provenance: 'OCPP 2.0.1 Part 6 TC_P_03_CS; ours: customData (a vendorId and one property of ours) on the requests and on their setVariableData/getVariableData, which the table implies by its name; OfflineThreshold is read first and restored at the end (step 5).',
}, async ({ csms, step }) => {
  const link = await csms.booted();
  const before = await link.call('GetVariables', { getVariableData: [{ ...OFFLINE_THRESHOLD, attributeType: 'Actual' }] });
  const original = (before.payload.getVariableResult as { attributeValue?: string }[] | undefined)?.[0]?.attributeValue;
  try {
    await step(1, 'Send SetVariables OCPPCommCtrlr.OfflineThreshold = "200" (Actual) with customData; the charging station accepts it (steps 1–2)', () =>
      link.call('SetVariables', {
        customData: CUSTOM_DATA,
        setVariableData: [{ ...OFFLINE_THRESHOLD, attributeType: 'Actual', attributeValue: '200', customData: CUSTOM_DATA }],
      }, {
        expect: { 'setVariableResult.0.attributeStatus': 'Accepted' },
        requirement: 'Part 6 TC_P_03_CS step 2: setVariableResult[0].attributeStatus Accepted',
      }));
    await step(3, 'Send GetVariables OCPPCommCtrlr.OfflineThreshold (Actual) with customData; the charging station reports 200 (steps 3–4)', () =>
      link.call('GetVariables', {
        customData: CUSTOM_DATA,
        getVariableData: [{ ...OFFLINE_THRESHOLD, attributeType: 'Actual', customData: CUSTOM_DATA }],
      }, {
        expect: {
          'getVariableResult.0.attributeStatus': 'Accepted',
          'getVariableResult.0.attributeType': { oneOf: ['Actual'], optional: true },
          'getVariableResult.0.attributeValue': '200',
        },
        requirement: 'Part 6 TC_P_03_CS step 4: getVariableResult[0].attributeStatus Accepted, attributeType Actual or omitted, attributeValue 200',
      }));
  } finally {
    if (original !== undefined && original !== '200' && link.isOpen) {
      await step(5, 'Restore OCPPCommCtrlr.OfflineThreshold', () =>
        link.call('SetVariables', { setVariableData: [{ ...OFFLINE_THRESHOLD, attributeType: 'Actual', attributeValue: original }] }));
    }
  }
});
