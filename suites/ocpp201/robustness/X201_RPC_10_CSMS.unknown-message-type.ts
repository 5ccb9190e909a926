import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X201_RPC_10_CSMS',
  title: 'Unknown message type is answered with MessageTypeNotSupported',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'A frame of message type 7 (not CALL, CALLRESULT or CALLERROR) with a readable message id is answered with CALLERROR MessageTypeNotSupported carrying that id, and the CSMS goes on answering.',
  refs: ['OCPP-J 2.0.1 §4.1.3 The message type', 'OCPP-J 2.0.1 §4.4 Extension fallback mechanism', 'OCPP-J 2.0.1 §4.2.3 ("-1" only when the message id cannot be read)', 'OCPP-J 2.0.1 §4.3 Table 8 (MessageTypeNotSupported)'],
  provenance: 'ours (not a Part 6 case): OCPP-J 2.0.1 §4.4 — an implementation that receives an unknown message type SHALL answer with a CALLERROR MessageTypeNotSupported (the section misspells it; Table 8 has MessageTypeNotSupported), so no answer FAILs; another Table 8 code is NON_STRICT, a code outside Table 8 FAILs. The id is readable, so the answer carries it ("-1" is for an unreadable id, §4.2.3): an answer with a placeholder id answers no frame of ours, so the frame counts as unanswered (rpc.noResponse).',
}, async ({ cp, step }) => {
  const link = await step(1, 'The station is connected and its boot accepted', () => cp.booted());
  await step(2, 'Send [7,"<id>",{}], a message of unknown type 7; the CSMS answers CALLERROR MessageTypeNotSupported with that id', () =>
    link.callExpectingError('(message type 7)', {
      raw: (id) => JSON.stringify([7, id, {}]),
      exact: ['MessageTypeNotSupported'],
      requirement: 'OCPP-J 2.0.1 §4.4: a message of an unknown message type SHALL be answered with CALLERROR MessageTypeNotSupported (Table 8), with its readable id (§4.1.4, §4.2.3)',
    }));
  await step(3, 'Send a valid HeartbeatRequest; the CSMS answers it with its current time', () =>
    link.call('Heartbeat', {}, {
      expect: { currentTime: { present: true } },
      requirement: 'OCPP-J 2.0.1 §4.1.3: the unknown message is ignored, the session goes on; Part 2 G02: HeartbeatResponse carries currentTime',
    }));
});
