import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X16_RPC_05_CS',
  title: 'Still answers a valid request after garbage',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'After receiving a frame that is not JSON, a JSON object that is not an OCPP-J message and a message of unknown type 7, the charge point keeps the connection open and answers a following valid GetConfiguration.req correctly.',
  refs: [
    'OCPP-J 1.6 §4.1.2 Character encoding (messages are valid JSON)',
    'OCPP-J 1.6 §4.1.3 The message type (an unknown Message Type Number is ignored)',
    'OCPP-J 1.6 §4.2.3 CallError',
    'OCPP 1.6 §5.8 Get Configuration',
  ],
  provenance: 'ours (not an OCTT case): derived from OCPP-J 1.6 §4.1.3 — a receiver SHALL ignore a message with an unknown Message Type Number — and §4.2.3 — a message that does not meet the requirements is refused with CALLERROR, not by ending the connection. Whether the charge point ignores the garbage or answers it with a CALLERROR is left free; closing the connection is reported by the automatic connection.closed check.',
}, async ({ csms, cfg, step }) => {
  const link = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  await step(2, 'Send three garbage frames: text that is not JSON, a JSON object that is not an array, and an array of unknown message type 7', async () => {
    await link.sendRaw('this is not JSON {');
    await link.sendRaw('{"messageTypeId":2,"action":"Heartbeat"}');
    await link.sendRaw('[7,"x",{}]');
  });

  const key = cfg.configurationKeys.readOnly.key;
  await step(3, 'Send a valid GetConfiguration.req for the read-only key; the charge point answers it with that key', () =>
    link.call('GetConfiguration', { key: [key] }, {
      expect: { 'configurationKey.0.key': key },
      requirement: 'OCPP-J 1.6 §4.1.3, §4.2.3: invalid frames do not end the session; a following valid CALL is answered with its CALLRESULT (OCPP 1.6 §5.8)',
    }));
});
