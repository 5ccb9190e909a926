import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X16_RPC_07_CS',
  title: 'Request with a value outside its enumeration is refused, not executed',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'A Reset.req with `type: "Medium"` (ResetType is Hard or Soft) is answered with CALLERROR PropertyConstraintViolation and the charge point does not reset: it stays connected and answers the next request.',
  refs: [
    'OCPP 1.6 §6.39 Reset.req, §7.38 ResetType (Hard, Soft)',
    'OCPP-J 1.6 §4.2.3 CallError, Table 7 (PropertyConstraintViolation); errata §3.3 (a failure to process the message SHALL be a CallError)',
    'OCPP-J 1.6 §3 (the connection stays open)',
  ],
  provenance: 'ours (not an OCTT case), seen on real peers: `Reset {"type":"Medium"}` was accepted and a reset carried out. A value outside the enumeration makes the CALL improper, so the charge point refuses it with a CallError (OCPP-J 1.6 §4.2.3, errata §3.3 SHALL); PropertyConstraintViolation ("a field contains an invalid value") is the exact code, any other 1.6 code is judged by the one 1.6 tolerance rule. A refused Reset announces no restart: a charge point that drops the connection afterwards is reported by connection.closed.',
}, async ({ csms, cfg, step, sleep }) => {
  const link = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  await step(2, 'Send Reset.req with `type: "Medium"`; the charge point answers CALLERROR PropertyConstraintViolation', () =>
    link.callExpectingError('Reset', {
      payload: { type: 'Medium' },
      exact: ['PropertyConstraintViolation'],
      requirement: 'OCPP-J 1.6 §4.2.3, errata §3.3, OCPP 1.6 §7.38: a Reset with a type other than Hard or Soft is refused with CALLERROR PropertyConstraintViolation',
    }));

  const key = cfg.configurationKeys.readOnly.key;
  await step(3, 'Wait the response timeout; the charge point has not reset: still connected, it answers GetConfiguration for the read-only key', async () => {
    await sleep(cfg.timeouts.responseMs);
    return link.call('GetConfiguration', { key: [key] }, {
      expect: { 'configurationKey.0.key': key },
      requirement: 'OCPP-J 1.6 §3, §4.2.3: a refused Reset is not carried out; the session goes on and a valid CALL is answered (OCPP 1.6 §5.8)',
    });
  });
});
