import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X201_RPC_05_CSMS',
  title: 'Still answers a valid request after garbage',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'After a frame that is not JSON and a JSON object that is not an OCPP-J message, the CSMS keeps the connection open and answers a following valid HeartbeatRequest with its current time.',
  refs: ['OCPP-J 2.0.1 §4.1.2 Message validity', 'OCPP-J 2.0.1 §4.2.3 CALLERROR (corrupt messages, "-1" when the id cannot be read)', 'OCPP 2.0.1 Part 2 G02 Heartbeat'],
  provenance: 'ours (not a Part 6 case): OCPP-J 2.0.1 §4.2.3 — a corrupt message is answered with a CALLERROR ("-1" as id when the id cannot be read) or dropped, not by ending the session. Whether the CSMS answers or ignores the garbage is left free; closing the connection is reported by the automatic connection.closed check.',
}, async ({ cp, step }) => {
  const link = await step(1, 'The station is connected and its boot accepted', () => cp.booted());
  await step(2, 'Send two garbage frames: text that is not JSON and a JSON object that is not an array', async () => {
    await link.sendRaw('this is not JSON {');
    await link.sendRaw('{"messageTypeId":2,"action":"Heartbeat"}');
  });
  await step(3, 'Send a valid HeartbeatRequest; the CSMS answers it with its current time', () =>
    link.call('Heartbeat', {}, {
      expect: { currentTime: { present: true } },
      requirement: 'OCPP-J 2.0.1 §4.2.3: corrupt frames do not end the session; a following valid CALL is answered with its CALLRESULT (Part 2 G02: HeartbeatResponse carries currentTime)',
    }));
});
