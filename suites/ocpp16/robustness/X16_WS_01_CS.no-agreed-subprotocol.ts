import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X16_WS_01_CS',
  title: 'Reconnects offering ocpp1.6 after a CSMS agreed on no subprotocol',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'When the CSMS completes a handshake without Sec-WebSocket-Protocol and closes it (as OCPP-J 1.6 §3.2 tells a CSMS that supports none of the offered subprotocols), the charge point connects again, still offering ocpp1.6 on every attempt, and the new session works.',
  refs: [
    'OCPP-J 1.6 §3.1.2 OCPP version (the charge point MUST name it in Sec-WebSocket-Protocol)',
    'OCPP-J 1.6 §3.2 Server response (no agreed subprotocol: complete without the header, then close)',
  ],
  provenance: 'ours (not an OCTT case): the charge-point side of OCPP-J 1.6 §3.2, which the newer OCTT revision tests only with the CSMS under test (TC_088_CSMS). Every handshake must offer ocpp1.6 (§3.1.2 MUST, handshake.subprotocol); a charge point that does not come back within timeouts.connectMs leaves the case INCONCLUSIVE, since no MUST says when it reconnects.',
}, async ({ csms, cfg, step }) => {
  const link = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  await step(2, 'The harness closes the connection and answers the next upgrade without a subprotocol, closing it at once', async () => {
    csms.disagreeOnNextSubprotocol();
    await link.close(1001, 'going away for a subprotocol negotiation test');
  });

  const key = cfg.configurationKeys.readOnly.key;
  await step(3, 'The charge point connects again offering ocpp1.6, and answers GetConfiguration for the read-only key on the new connection', async () => {
    const again = await csms.nextConnection();
    return again.call('GetConfiguration', { key: [key] }, {
      expect: { 'configurationKey.0.key': key },
      requirement: 'OCPP-J 1.6 §3.1.2: the charge point offers ocpp1.6 on every connection; the session agreed on it works (OCPP 1.6 §5.8)',
    });
  });
});
