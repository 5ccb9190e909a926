// The faulty-peer catalogue: one named fault of a built-in peer each, the cases that expose it,
// and the exact set of check ids it must trip. test/meta/faults.test.ts holds every row to it;
// test/meta/kill-matrix.test.ts fails when a check id is tripped by no fault.
import type { CheckId } from '../../harness/checks/catalogue.js';
import type { CpQuirk, CsmsQuirk } from '../../harness/versions/ocpp16/reference/quirks.js';
import type { Verdict } from '../../harness/report/verdict.js';

/**
 * `octt`: when given, every finding must carry it (whether the OCTT's tool validation would fail it too).
 * `securityProfile`: the run is at that profile (Security Whitepaper), with a generated PKI and password.
 */
export type FaultSpec =
  | { fault: CpQuirk; peer: 'chargePoint'; cases: string[]; kills: CheckId[]; verdict?: Verdict; octt?: 'fails' | 'not-checked'; securityProfile?: 1 | 2 | 3 }
  | { fault: CsmsQuirk; peer: 'csms'; cases: string[]; kills: CheckId[]; verdict?: Verdict; octt?: 'fails' | 'not-checked'; securityProfile?: 1 | 2 | 3 };

export const FAULTS: FaultSpec[] = [
  // Charge point faults (the harness plays the CSMS).
  // §4.2 only says SHOULD NOT retry earlier, but Table 2 step 7 validates the interval: NON_STRICT, "OCTT fails this".
  { peer: 'chargePoint', fault: 'boot-retry-too-early', cases: ['TC_002_CS'], kills: ['timing.notBefore'], verdict: 'NON_STRICT', octt: 'fails' },
  // After Rejected (Table 1) the wait is a SHALL NOT: FAIL.
  { peer: 'chargePoint', fault: 'boot-retry-too-early', cases: ['TC_001_CS'], kills: ['timing.notBefore'], octt: 'fails' },
  { peer: 'chargePoint', fault: 'status-before-boot-accepted', cases: ['TC_002_CS'], kills: ['sequence.forbidden'], octt: 'not-checked' },
  // §4.2 (not a tool validation): a StatusNotification between BootNotification.req and its answer; a second outstanding CALL too.
  { peer: 'chargePoint', fault: 'status-before-boot-answered', cases: ['TC_001_CS', 'TC_002_CS'], kills: ['sequence.forbidden', 'rpc.singleOutstandingCall'] },
  { peer: 'chargePoint', fault: 'two-outstanding-calls', cases: ['TC_001_CS'], kills: ['rpc.singleOutstandingCall'], verdict: 'NON_STRICT' },
  { peer: 'chargePoint', fault: 'extra-property-in-boot', cases: ['TC_001_CS'], kills: ['schema.call'] },
  { peer: 'chargePoint', fault: 'late-heartbeat', cases: ['TC_001_CS'], kills: ['timing.notAfter'] },
  { peer: 'chargePoint', fault: 'no-subprotocol-offered', cases: ['TC_001_CS'], kills: ['handshake.subprotocol'] },
  { peer: 'chargePoint', fault: 'wrong-message-id-in-result', cases: ['TC_019_CS'], kills: ['rpc.messageId.unknown', 'rpc.noResponse'] },
  { peer: 'chargePoint', fault: 'late-response', cases: ['TC_019_CS'], kills: ['rpc.responseTime'] },
  { peer: 'chargePoint', fault: 'garbage-not-json', cases: ['TC_019_CS'], kills: ['rpc.json'] },
  // A charge point that dies on garbage: the connection drops (and never comes back).
  { peer: 'chargePoint', fault: 'crashes-on-bad-frame', cases: ['X16_RPC_05_CS'], kills: ['connection.closed'] },
  { peer: 'chargePoint', fault: 'garbage-wrong-shape', cases: ['TC_019_CS'], kills: ['rpc.shape'] },
  { peer: 'chargePoint', fault: 'garbage-unknown-type', cases: ['TC_019_CS'], kills: ['rpc.messageType'] },
  { peer: 'chargePoint', fault: 'huge-frame', cases: ['TC_019_CS'], kills: ['transport.frameTooLarge'] },
  { peer: 'chargePoint', fault: 'silent-on-change-configuration', cases: ['TC_021_CS'], kills: ['rpc.noResponse'] },
  { peer: 'chargePoint', fault: 'stop-without-reason-after-remote-stop', cases: ['TC_012_CS'], kills: ['payload.mismatch'] },
  { peer: 'chargePoint', fault: 'disconnect-on-remote-start', cases: ['TC_010_CS'], kills: ['connection.closed'] },
  { peer: 'chargePoint', fault: 'accepts-unknown-action', cases: ['X16_RPC_01_CS'], kills: ['rpc.expectedCallError'] },
  { peer: 'chargePoint', fault: 'lenient-validation', cases: ['X16_RPC_02_CS', 'X16_RPC_03_CS', 'X16_RPC_04_CS', 'X16_RPC_06_CS', 'X16_RPC_08_CS'], kills: ['rpc.expectedCallError'] },
  // Reset {"type":"Medium"} accepted and carried out (seen on a real charger): the reboot drops the connection.
  { peer: 'chargePoint', fault: 'lenient-validation', cases: ['X16_RPC_07_CS'], kills: ['rpc.expectedCallError', 'connection.closed'] },
  { peer: 'chargePoint', fault: 'double-r-error-code', cases: ['X16_RPC_02_CS'], kills: ['rpc.errorCode'], verdict: 'NON_STRICT' },
  // The one 1.6 tolerance rule: another 1.6 code is NON_STRICT, never FAIL (seen-on-real-peers item 6).
  { peer: 'chargePoint', fault: 'not-supported-for-unknown-action', cases: ['X16_RPC_01_CS'], kills: ['rpc.errorCode'], verdict: 'NON_STRICT' },
  { peer: 'chargePoint', fault: 'type-constraint-for-payload-errors', cases: ['X16_RPC_02_CS', 'X16_RPC_04_CS'], kills: ['rpc.errorCode'], verdict: 'NON_STRICT' },
  // Both refusal paths: a schema failure (X16_RPC_02) and a frame without action (X16_RPC_09).
  { peer: 'chargePoint', fault: 'call-error-without-id', cases: ['X16_RPC_02_CS', 'X16_RPC_09_CS'], kills: ['rpc.messageId.callError'] },
  { peer: 'chargePoint', fault: 'ignores-incomplete-call', cases: ['X16_RPC_09_CS'], kills: ['rpc.noResponse'] },
  { peer: 'chargePoint', fault: 'sends-custom-operation', cases: ['TC_001_CS'], kills: ['rpc.action'] },
  { peer: 'chargePoint', fault: 'basic-auth-unasked', cases: ['TC_001_CS'], kills: ['handshake.basicAuthUnasked'], verdict: 'NON_STRICT' },
  { peer: 'chargePoint', fault: 'drops-subprotocol-on-retry', cases: ['X16_WS_01_CS'], kills: ['handshake.subprotocol'] },
  // TC_003_CS step 10 (ours) also expects Finishing where the quirk reports Preparing: payload.mismatch too.
  // §3.4, §4.1 MUST NOT (beyond Tables 3, 4; in Table 6 between the idTag and the StopTransaction).
  { peer: 'chargePoint', fault: 'authorize-on-local-stop', cases: ['TC_003_CS', 'TC_004_1_CS', 'TC_068_CS'], kills: ['sequence.forbidden'] },
  { peer: 'chargePoint', fault: 'status-charging-to-preparing', cases: ['TC_003_CS'], kills: ['status.transition', 'payload.mismatch'] },
  // The whole offline transaction is lost: the StartTransaction the case waits for after reconnecting never comes.
  { peer: 'chargePoint', fault: 'offline-transaction-messages-dropped', cases: ['TC_039_CS'], kills: ['sequence.missing'] },
  { peer: 'chargePoint', fault: 'unknown-connector-unlocked', cases: ['TC_031_CS'], kills: ['payload.mismatch'] },
  // Sampled every interval + 0.75 s: both the arrival gaps and the meterValue.timestamp gaps are off.
  { peer: 'chargePoint', fault: 'meter-values-late', cases: ['TC_070_CS'], kills: ['meterValues.interval'] },
  { peer: 'chargePoint', fault: 'meter-values-ignore-sampled-data', cases: ['TC_070_CS'], kills: ['meterValues.measurands'] },
  { peer: 'chargePoint', fault: 'meter-values-only-once', cases: ['TC_070_CS'], kills: ['meterValues.missing'] },
  { peer: 'chargePoint', fault: 'clock-aligned-off-boundary', cases: ['TC_071_CS'], kills: ['meterValues.interval'] },
  // The connector stays Reserved past expiryDate: the Available of TC_047_CS step 5 never comes.
  { peer: 'chargePoint', fault: 'reservation-never-expires', cases: ['TC_047_CS'], kills: ['sequence.missing'] },
  // Available 2 s after the expiryDate: no bound in Table 62 or §5.13, so only the SHOULD time bound is missed.
  // Its own read-only key contradicts the declaration: the key decides (warned in the trace); the
  // connector-0 cases do not apply, the one for a charger without them (TC_050_4_CS) does.
  { peer: 'chargePoint', fault: 'reserve-connector-zero-unsupported', cases: ['TC_049_CS', 'TC_050_1_CS', 'TC_050_2_CS', 'TC_050_3_CS'], kills: [], verdict: 'NOT_APPLICABLE' },
  { peer: 'chargePoint', fault: 'reserve-connector-zero-unsupported', cases: ['TC_050_4_CS'], kills: [], verdict: 'PASS' },
  { peer: 'chargePoint', fault: 'reservation-expiry-late', cases: ['TC_047_CS'], kills: ['timing.notAfter'], verdict: 'NON_STRICT' },
  // The old predictor's rule (TxDefaultProfile back after the TxProfile's duration): OCTT Table 82 expects 10 A there, not 8 A.
  { peer: 'chargePoint', fault: 'tx-default-after-tx-profile', cases: ['TC_066_CS'], kills: ['payload.mismatch'] },
  // connectorId is optional in §6.22 but the table checks it: SHOULD, OCTT fails this.
  { peer: 'chargePoint', fault: 'composite-without-connector-id', cases: ['TC_056_CS', 'TC_066_CS'], kills: ['payload.mismatch'], verdict: 'NON_STRICT' },
  // Tables 79 and 86: "Rejected OR CallError PropertyConstraintViolation" (a conforming variant).
  { peer: 'chargePoint', fault: 'smart-charging-refusal-as-callerror', cases: ['TC_058_1_CS', 'TC_060_CS'], kills: [], verdict: 'PASS' },
  // A conforming charger whose schedules are in W only: every Smart Charging case in W (limits x1000) passes.
  { peer: 'chargePoint', fault: 'smart-charging-power-only', cases: ['TC_056_CS', 'TC_057_CS', 'TC_058_1_CS', 'TC_058_2_CS', 'TC_059_CS', 'TC_060_CS', 'TC_066_CS', 'TC_067_CS', 'TC_072_CS', 'TC_082_CS'], kills: [], verdict: 'PASS' },
  { peer: 'chargePoint', fault: 'tx-profile-without-transaction-accepted', cases: ['TC_058_1_CS'], kills: ['payload.mismatch'] },
  // Without Installing the next FirmwareStatusNotification after Downloaded is Installed (after the reboot) or InstallationFailed.
  { peer: 'chargePoint', fault: 'firmware-no-installing-status', cases: ['TC_044_1_CS', 'TC_044_3_CS'], kills: ['payload.mismatch'] },
  { peer: 'chargePoint', fault: 'local-list-version-zero', cases: ['TC_043_2_CS', 'TC_043_CS'], kills: ['payload.mismatch'] },
  // A Reset accepted and never carried out: the reboot the case waits for never comes (FAIL, not INCONCLUSIVE).
  { peer: 'chargePoint', fault: 'reset-accepted-not-executed', cases: ['TC_013_CS'], kills: ['sequence.missing'] },
  // The connection drops instead of the RemoteStopTransaction.conf: no answer, and the connection closed.
  { peer: 'chargePoint', fault: 'disconnect-on-first-remote-stop', cases: ['TC_012_CS'], kills: ['connection.closed'] },
  // TC_041_CS clears the fault it caused; the connector stays Faulted, so its Available never comes.
  { peer: 'chargePoint', fault: 'fault-cannot-be-cleared', cases: ['TC_041_CS'], kills: ['sequence.missing'] },
  // Conforming variants (§9.1.3 AuthorizeRemoteTxRequests "R or RW"; errata 3.36 resets): the cases read the key and branch.
  { peer: 'chargePoint', fault: 'authorize-remote-read-only-false', cases: ['TC_010_CS', 'TC_011_1_CS', 'TC_011_2_CS', 'TC_019_CS'], kills: [], verdict: 'PASS' },
  { peer: 'chargePoint', fault: 'authorize-remote-read-only-false', cases: ['TC_007_2_CS', 'TC_008_2_CS', 'TC_061_2_CS'], kills: [], verdict: 'NOT_APPLICABLE' },
  { peer: 'chargePoint', fault: 'authorize-remote-read-only-true', cases: ['TC_007_2_CS', 'TC_008_2_CS', 'TC_010_CS', 'TC_011_1_CS', 'TC_011_2_CS', 'TC_019_CS', 'TC_061_2_CS'], kills: [], verdict: 'PASS' },
  { peer: 'chargePoint', fault: 'hard-reset-stops-after-boot', cases: ['TC_015_CS'], kills: [], verdict: 'PASS' },
  // Table 18/20 step 7: after a soft reset the BootNotification is optional (errata 3.36: the software restarts).
  { peer: 'chargePoint', fault: 'soft-reset-without-reboot', cases: ['TC_014_CS', 'TC_016_CS'], kills: [], verdict: 'PASS' },
  // A reconnect is no reboot (§4.2): the offline cases PASS a charge point that comes back without a BootNotification.
  { peer: 'chargePoint', fault: 'reconnect-without-boot', cases: ['TC_036_CS', 'TC_037_1_CS', 'TC_037_2_CS', 'TC_037_3_CS', 'TC_038_CS', 'TC_039_CS'], kills: [], verdict: 'PASS' },
  // OCTT Table 87: Rejected is one of the answers it takes; Accepted only earns a warning (SHOULD, not an OCTT failure).
  { peer: 'chargePoint', fault: 'data-transfer-rejects-unknown-vendor', cases: ['TC_062_CS'], kills: [], verdict: 'PASS' },
  { peer: 'chargePoint', fault: 'data-transfer-accepts-unknown-vendor', cases: ['TC_062_CS'], kills: ['payload.mismatch'], verdict: 'NON_STRICT' },
  // A SUT control that lists no unplugEvSide: the EV-side cases are NOT_APPLICABLE before anything is sent.
  { peer: 'chargePoint', fault: 'no-ev-side-unplug', cases: ['TC_005_1_CS', 'TC_005_2_CS', 'TC_005_3_CS'], kills: [], verdict: 'NOT_APPLICABLE' },
  // Table 9 step 3: Finishing OR Available after an EV-side disconnect stopped the transaction (the old case wanted Finishing).
  { peer: 'chargePoint', fault: 'ev-side-stop-goes-available', cases: ['TC_005_2_CS'], kills: [], verdict: 'PASS' },
  // Tables 48 and 51 step 2: a CALLERROR NotSupported is as good as listVersion -1 / status NotSupported.
  { peer: 'chargePoint', fault: 'local-list-refusal-as-callerror', cases: ['TC_042_1_CS', 'TC_043_1_CS'], kills: [], verdict: 'PASS' },
  // Security Whitepaper ed. 3, charge point under test (the harness runs each case at the profile it needs).
  { peer: 'chargePoint', fault: 'keeps-old-authorization-key', cases: ['TC_073_CS'], kills: ['sequence.missing', 'security.reconnect'], octt: 'fails' },
  { peer: 'chargePoint', fault: 'basic-auth-hex-decoded', cases: ['TC_085_CS'], kills: ['security.reconnect'], octt: 'fails' },
  { peer: 'chargePoint', fault: 'accepts-invalid-server-certificate', cases: ['X16_SEC_01_CS'], kills: ['sequence.missing', 'security.serverCertificateAccepted'], octt: 'not-checked' },
  { peer: 'chargePoint', fault: 'no-event-for-invalid-server-certificate', cases: ['X16_SEC_03_CS'], kills: ['sequence.missing'], octt: 'not-checked' },
  { peer: 'chargePoint', fault: 'no-security-event-notification', cases: ['TC_078_CS'], kills: ['sequence.missing'], octt: 'fails' },
  { peer: 'chargePoint', fault: 'accepts-security-profile-downgrade', cases: ['TC_084_CS'], kills: ['payload.mismatch'], octt: 'fails' },
  { peer: 'chargePoint', fault: 'accepts-invalid-root-certificate', cases: ['TC_078_CS'], kills: ['payload.mismatch', 'sequence.missing'], octt: 'fails' },
  { peer: 'chargePoint', fault: 'installed-certificate-ids-wrong-serial', cases: ['TC_075_1_CS', 'TC_075_2_CS'], kills: ['security.certificateHashData'], octt: 'fails' },
  { peer: 'chargePoint', fault: 'delete-certificate-keeps-it', cases: ['TC_076_CS'], kills: ['security.certificateHashData'], octt: 'fails' },
  { peer: 'chargePoint', fault: 'csr-without-organization', cases: ['TC_074_CS'], kills: ['security.csr'], octt: 'fails' },
  { peer: 'chargePoint', fault: 'accepts-any-signed-certificate', cases: ['TC_077_CS'], kills: ['payload.mismatch'], octt: 'fails' },
  { peer: 'chargePoint', fault: 'keeps-old-client-certificate', cases: ['TC_074_CS'], kills: ['security.tls'], octt: 'fails' },
  { peer: 'chargePoint', fault: 'log-uploaded-without-upload', cases: ['TC_079_CS'], kills: ['transfer.failed'], octt: 'not-checked' },
  { peer: 'chargePoint', fault: 'skips-firmware-signature-check', cases: ['TC_081_CS'], kills: ['payload.mismatch'], octt: 'fails' },
  // CSMS faults (the harness plays a charge point).
  { peer: 'csms', fault: 'non-rfc3339-time', cases: ['TC_001_CSMS'], kills: ['schema.callResult'] },
  { peer: 'csms', fault: 'no-subprotocol', cases: ['TC_001_CSMS'], kills: ['handshake.subprotocol'] },
  { peer: 'csms', fault: 'wrong-message-id-in-result', cases: ['TC_001_CSMS'], kills: ['rpc.messageId.unknown', 'rpc.noResponse'] },
  { peer: 'csms', fault: 'late-response', cases: ['TC_001_CSMS'], kills: ['rpc.responseTime'] },
  { peer: 'csms', fault: 'authorize-accepts-invalid', cases: ['TC_023_1_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'remote-start-ignored', cases: ['TC_010_CSMS'], kills: ['sequence.missing'] },
  { peer: 'csms', fault: 'send-local-list-stale-version', cases: ['TC_043_5_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'reserve-now-without-parent-id-tag', cases: ['TC_053_CSMS'], kills: ['payload.mismatch'] },
  // Conforming: a CSMS numbers its own reservations; the cases follow the reservationId it sends.
  { peer: 'csms', fault: 'reservation-id-own-numbering', cases: ['TC_046_CSMS', 'TC_047_CSMS', 'TC_049_CSMS', 'TC_051_CSMS', 'TC_052_CSMS', 'TC_053_CSMS'], kills: [], verdict: 'PASS' },
  { peer: 'csms', fault: 'trigger-message-without-connector-id', cases: ['TC_054_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'trigger-message-without-connector-id', cases: ['TC_054_CSMS', 'TC_055_CSMS'], kills: ['payload.mismatch'] },
  // Absolute instead of Relative: the 2024-04 table wanted Relative, the newer revision accepts both (a conforming variant).
  { peer: 'csms', fault: 'remote-start-profile-absolute', cases: ['TC_059_CSMS'], kills: [], verdict: 'PASS' },
  { peer: 'csms', fault: 'tx-profile-without-transaction-id', cases: ['TC_057_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'authorize-expired-as-accepted', cases: ['TC_023_2_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'start-transaction-accepts-invalid', cases: ['TC_037_3_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'reset-type-swapped', cases: ['TC_013_CSMS', 'TC_014_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'data-transfer-accepts-unknown-vendor', cases: ['TC_064_CSMS'], kills: ['payload.mismatch'], verdict: 'NON_STRICT' },
  // Its own location instead of the harness's: the location check of step 1 (MUST in Table 156, SHOULD
  // elsewhere) and the real transfer (HTTP in TC_044_1, FTP in TC_044_3 / TC_045_1) both catch it.
  { peer: 'csms', fault: 'firmware-location-not-served', cases: ['TC_044_1_CSMS', 'TC_044_3_CSMS'], kills: ['payload.mismatch', 'transfer.failed'] },
  { peer: 'csms', fault: 'diagnostics-location-refuses-upload', cases: ['TC_045_1_CSMS'], kills: ['payload.mismatch', 'transfer.failed'] },
  // TC_045_2_CSMS wants the upload to fail anyway: only the SHOULD location check is left.
  { peer: 'csms', fault: 'diagnostics-location-refuses-upload', cases: ['TC_045_2_CSMS'], kills: ['payload.mismatch'], verdict: 'NON_STRICT' },
  // Table 178 wants a DataTransfer.conf: a CALLERROR is a FAIL (it was INCONCLUSIVE).
  { peer: 'csms', fault: 'data-transfer-not-implemented', cases: ['TC_064_CSMS'], kills: ['payload.mismatch'] },
  // Conforming: the tables check nothing of the RemoteStartTransaction.req; the charge point goes on with the idTag sent.
  { peer: 'csms', fault: 'remote-start-own-id-tag', cases: ['TC_010_CSMS', 'TC_011_1_CSMS', 'TC_011_2_CSMS', 'TC_026_CSMS'], kills: [], verdict: 'PASS' },
  // Table 141 has the CSMS name an unknown transaction: conforming there; Table 127 needs the running one.
  { peer: 'csms', fault: 'remote-stop-unknown-transaction', cases: ['TC_028_CSMS'], kills: [], verdict: 'PASS' },
  { peer: 'csms', fault: 'remote-stop-unknown-transaction', cases: ['TC_012_CSMS'], kills: ['payload.mismatch'] },
  // The case stops at step 1 with its transaction running; test/e2e/csms-teardown.test.ts shows the §1.3 post-conditions end it.
  { peer: 'csms', fault: 'remote-stop-ignored', cases: ['TC_012_CSMS'], kills: ['sequence.missing'] },
  // The unlock tables check nothing of the request: another connector than asked is a warning, not a FAIL.
  { peer: 'csms', fault: 'unlock-next-connector', cases: ['TC_017_1_CSMS', 'TC_030_CSMS'], kills: ['payload.mismatch'], verdict: 'NON_STRICT' },
  { peer: 'csms', fault: 'two-outstanding-calls', cases: ['TC_019_1_CSMS'], kills: ['rpc.singleOutstandingCall'], verdict: 'NON_STRICT' },
  { peer: 'csms', fault: 'accepts-unknown-action', cases: ['X16_RPC_01_CSMS'], kills: ['rpc.expectedCallError'] },
  { peer: 'csms', fault: 'lenient-validation', cases: ['X16_RPC_02_CSMS', 'X16_RPC_03_CSMS', 'X16_RPC_04_CSMS', 'X16_RPC_06_CSMS', 'X16_RPC_07_CSMS', 'X16_RPC_08_CSMS'], kills: ['rpc.expectedCallError'] },
  { peer: 'csms', fault: 'double-r-error-code', cases: ['X16_RPC_02_CSMS'], kills: ['rpc.errorCode'], verdict: 'NON_STRICT' },
  { peer: 'csms', fault: 'call-error-without-id', cases: ['X16_RPC_02_CSMS', 'X16_RPC_09_CSMS'], kills: ['rpc.messageId.callError'] },
  { peer: 'csms', fault: 'ignores-incomplete-call', cases: ['X16_RPC_09_CSMS'], kills: ['rpc.noResponse'] },
  { peer: 'csms', fault: 'sends-custom-operation', cases: ['TC_001_CSMS'], kills: ['rpc.action'] },
  // HTTP 400 instead of a completed handshake without a subprotocol (seen on a real CSMS).
  { peer: 'csms', fault: 'refuses-unsupported-subprotocol', cases: ['TC_088_CSMS'], kills: ['handshake.unsupportedSubprotocol'] },
  // Security Whitepaper, the CSMS under test at the profile each case needs.
  // No SHALL says the CSMS refuses a wrong password (only that the server validates the header): NON_STRICT.
  { peer: 'csms', fault: 'accepts-wrong-password', cases: ['X16_SEC_04_CSMS'], kills: ['security.refusal'], verdict: 'NON_STRICT', securityProfile: 2 },
  { peer: 'csms', fault: 'accepts-unknown-ca-client-cert', cases: ['X16_SEC_01_CSMS'], kills: ['security.refusal'], securityProfile: 3 },
  { peer: 'csms', fault: 'accepts-other-identity-client-cert', cases: ['X16_SEC_02_CSMS'], kills: ['security.refusal'], securityProfile: 3 },
  { peer: 'csms', fault: 'accepts-plain-ws', cases: ['X16_SEC_03_CSMS'], kills: ['security.refusal'], securityProfile: 3 },
  { peer: 'csms', fault: 'tls-ecdsa-certificate-only', cases: ['TC_086_CSMS', 'TC_087_CSMS'], kills: ['tls.csmsServer'], octt: 'fails', securityProfile: 3 },
  // Rejected at step 4, so no CertificateSigned follows either.
  { peer: 'csms', fault: 'sign-certificate-rejected', cases: ['TC_074_CSMS'], kills: ['payload.mismatch', 'sequence.missing'], octt: 'fails', securityProfile: 3 },
  { peer: 'csms', fault: 'certificate-signed-not-sent', cases: ['TC_074_CSMS'], kills: ['sequence.missing'], securityProfile: 3 },
  { peer: 'csms', fault: 'extended-trigger-with-connector-id', cases: ['TC_074_CSMS', 'TC_077_CSMS'], kills: ['payload.mismatch'], octt: 'fails', securityProfile: 3 },
  { peer: 'csms', fault: 'install-certificate-wrong-type', cases: ['TC_075_1_CSMS'], kills: ['payload.mismatch'], octt: 'fails', securityProfile: 2 },
  { peer: 'csms', fault: 'delete-certificate-wrong-serial', cases: ['TC_076_CSMS'], kills: ['payload.mismatch'], octt: 'fails', securityProfile: 2 },
  { peer: 'csms', fault: 'get-log-diagnostics-type', cases: ['TC_079_CSMS'], kills: ['payload.mismatch'], octt: 'fails', securityProfile: 1 },
  { peer: 'csms', fault: 'signed-firmware-other-signature', cases: ['TC_080_CSMS'], kills: ['payload.mismatch'], octt: 'fails', securityProfile: 2 },
];

/** Faults that are not about a check but about the harness coping (test/e2e/bad-input.test.ts). */
export const COPING_FAULTS: string[] = ['never-connects'];
