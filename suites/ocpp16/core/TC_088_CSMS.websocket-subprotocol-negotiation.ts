import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet, Inconclusive } from '../../../harness/dsl/errors.js';

/** A subprotocol name no OCPP version uses, so no CSMS can agree to it. */
const UNSUPPORTED = 'ocpp9.9';

export default defineCase({
  id: 'TC_088_CSMS',
  title: 'WebSocket Subprotocol negotiation',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  // No `octt`: the 2024-04 document has no such table; the id is the newer revision's.
  purpose: 'Offered only a subprotocol it does not support, the CSMS completes the WebSocket handshake (HTTP 101) without a Sec-WebSocket-Protocol header and then closes the connection at once, instead of refusing the upgrade with an HTTP error; offered ocpp1.6 afterwards, it agrees and accepts the boot.',
  refs: [
    'OCPP-J 1.6 §3.2 Server response (no agreed subprotocol: complete the handshake without the header, then close)',
    'OCPP-J 1.6 §3.1.2 OCPP version (Sec-WebSocket-Protocol)',
  ],
  provenance: 'From a newer revision of the OCTT 1.6 test case document than 2024-04 (TC_088_CSMS, WebSocket subprotocol negotiation), which has no table to cite; steps ours, from OCPP-J 1.6 §3.2 (MUST). Seen on a real CSMS: HTTP 400 instead of the completed handshake. "At once" is judged as within timeouts.responseMs.',
}, async ({ cp, step }) => {
  await step(1, `Open a WebSocket offering only "${UNSUPPORTED}"; the CSMS answers 101 without Sec-WebSocket-Protocol and closes the connection at once`, async () => {
    const outcome = await cp.probeHandshake([UNSUPPORTED]);
    // Judged from the trace (handshake.unsupportedSubprotocol); no answer at all cannot be judged.
    if (outcome.status === 0) throw new Inconclusive('the CSMS did not answer the WebSocket upgrade at all');
    if (outcome.status !== 101) throw new ExpectationUnmet(`the upgrade was answered with HTTP ${outcome.status}`);
  });

  await step(2, 'Connect again offering ocpp1.6; the CSMS agrees on ocpp1.6 and accepts the BootNotification', async () => {
    await cp.reconnect();
    return cp.booted();
  });
});
