import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X16_RPC_05_CSMS',
  title: 'Still answers a valid request after garbage',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'After receiving a frame that is not JSON, a JSON object that is not an OCPP-J message and a message of unknown type 7, the CSMS keeps the connection open and answers a following valid Heartbeat.req with its current time.',
  refs: [
    'OCPP-J 1.6 §4.1.2 Character encoding (messages are valid JSON)',
    'OCPP-J 1.6 §4.1.3 The message type (an unknown Message Type Number is ignored)',
    'OCPP-J 1.6 §4.2.3 CallError',
    'OCPP 1.6 §4.6 Heartbeat',
  ],
  provenance: 'ours (not an OCTT case): derived from OCPP-J 1.6 §4.1.3 — a receiver SHALL ignore a message with an unknown Message Type Number — and §4.2.3 — a message that does not meet the requirements is refused with CALLERROR, not by ending the connection. Whether the CSMS ignores the garbage or answers it with a CALLERROR is left free; closing the connection is reported by the automatic connection.closed check.',
}, async ({ cp, step }) => {
  const link = await step(1, 'The charge point is connected and its boot accepted', () => cp.booted());

  await step(2, 'Send three garbage frames: text that is not JSON, a JSON object that is not an array, and an array of unknown message type 7', async () => {
    await link.sendRaw('this is not JSON {');
    await link.sendRaw('{"messageTypeId":2,"action":"Heartbeat"}');
    await link.sendRaw('[7,"x",{}]');
  });

  await step(3, 'Send a valid Heartbeat.req; the CSMS answers it with its current time', () =>
    link.call('Heartbeat', {}, {
      expect: { currentTime: { present: true } },
      requirement: 'OCPP-J 1.6 §4.1.3, §4.2.3: invalid frames do not end the session; a following valid CALL is answered with its CALLRESULT (OCPP 1.6 §4.6)',
    }));
});
