import { defineCase } from '../../../harness/dsl/define-case.js';

const HEARTBEAT_INTERVAL = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } };

export default defineCase({
  id: 'X201_RPC_05_CS',
  title: 'Still answers a valid request after garbage',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'After receiving a frame that is not JSON, a JSON object that is not an OCPP-J message and a message of unknown type 7, the charging station keeps the connection open and answers a following valid GetVariablesRequest.',
  refs: [
    'OCPP-J 2.0.1 §4.1.2 Message validity (messages are valid JSON)',
    'OCPP-J 2.0.1 §4.1.3 The message type (an unknown Message Type Number: the payload is ignored)',
    'OCPP-J 2.0.1 §4.4 Extension fallback mechanism (MessageTypeNotSupported)',
    'OCPP-J 2.0.1 §4.2.3 CALLERROR ("-1" when the message id cannot be read)',
  ],
  provenance: 'ours (not a Part 6 case), mirrors X16_RPC_05_CS: OCPP-J 2.0.1 §4.1.3 and §4.4 (ignore, or answer CALLERROR MessageTypeNotSupported) and §4.2.3 (a CALLERROR with "-1" for a message whose id cannot be read, or a drop) leave the station free how to refuse the garbage; closing the connection is reported by the automatic connection.closed check, a CALLERROR with a placeholder id where the id was readable by rpc.messageId.callError.',
}, async ({ csms, step }) => {
  const link = await step(1, 'The charging station is connected and its boot accepted', () => csms.booted());

  await step(2, 'Send three garbage frames: text that is not JSON, a JSON object that is not an array, and an array of unknown message type 7', async () => {
    await link.sendRaw('this is not JSON {');
    await link.sendRaw('{"messageTypeId":2,"action":"Heartbeat"}');
    await link.sendRaw('[7,"x201-05",{}]');
  });

  await step(3, 'Send a valid GetVariables for OCPPCommCtrlr.HeartbeatInterval; the charging station answers it', () =>
    link.call('GetVariables', { getVariableData: [HEARTBEAT_INTERVAL] }, {
      expect: { 'getVariableResult.0.component.name': 'OCPPCommCtrlr', 'getVariableResult.0.variable.name': 'HeartbeatInterval' },
      requirement: 'OCPP-J 2.0.1 §4.1.3, §4.2.3: invalid frames do not end the session; a following valid CALL is answered with its CALLRESULT (OCPP 2.0.1 B06)',
    }));
});
