// Named faults of the reference peers. Each quirk is one deliberate deviation from OCPP 1.6J,
// off by default; switching one on must make the matching conformance check fail.

export const CP_QUIRKS = [
  /** Retries BootNotification after interval/4 after a Pending/Rejected response, not after the interval. */
  'boot-retry-too-early',
  /** Sends StatusNotification (connector 0, Available) while its registration is still Pending. */
  'status-before-boot-accepted',
  /** Sends StatusNotification (connector 0, Available) right after its BootNotification, before the answer. */
  'status-before-boot-answered',
  /** Conforming: on a Hard reset, stops its transactions after the reboot, once the boot is accepted (errata 3.36). */
  'hard-reset-stops-after-boot',
  /** Conforming: a Soft reset stops the transactions and restarts the application without a new connection or BootNotification. */
  'soft-reset-without-reboot',
  /** Conforming: AuthorizeRemoteTxRequests is read-only with the value false (§9.1.3 allows R). */
  'authorize-remote-read-only-false',
  /** Conforming: AuthorizeRemoteTxRequests is read-only with the value true (§9.1.3 allows R). */
  'authorize-remote-read-only-true',
  /** After Boot is Accepted, sends the StatusNotifications of connectors 0 and 1 without waiting for the first answer. */
  'two-outstanding-calls',
  /** BootNotification carries a property the schema does not have (`firmwareFlavour`). */
  'extra-property-in-boot',
  /** Answers GetConfiguration with a CALLRESULT whose message id is not the CALL's. */
  'wrong-message-id-in-result',
  /** Answers GetConfiguration only after `lateResponseMs`. */
  'late-response',
  /** Never answers ChangeConfiguration. */
  'silent-on-change-configuration',
  /** After a RemoteStopTransaction, its StopTransaction has no `reason` (it should say Remote). */
  'stop-without-reason-after-remote-stop',
  /** On GetConfiguration, first sends a frame that is not JSON. */
  'garbage-not-json',
  /** On GetConfiguration, first sends JSON that is not an OCPP-J message (`[2,"x"]`). */
  'garbage-wrong-shape',
  /** On GetConfiguration, first sends a message of unknown type 7. */
  'garbage-unknown-type',
  /** On GetConfiguration, first sends one 5 MiB text frame. */
  'huge-frame',
  /** On RemoteStartTransaction, drops the connection instead of answering (then reconnects). */
  'disconnect-on-remote-start',
  /** Answers an action it does not know with an empty CALLRESULT instead of CALLERROR NotImplemented. */
  'accepts-unknown-action',
  /** Accepts CALL payloads that fail schema validation as if they were valid. */
  'lenient-validation',
  /** Answers a missing required property with `OccurrenceConstraintViolation` (not the 1.6 spelling). */
  'double-r-error-code',
  /** start() resolves but no connection is ever opened. */
  'never-connects',
  /** Opens the WebSocket without offering the `ocpp1.6` subprotocol. */
  'no-subprotocol-offered',
  /** Sends Heartbeat every HeartbeatInterval + 0.75 s. */
  'late-heartbeat',
  /** When a transaction stops, reports Preparing instead of Finishing (Charging → Preparing is not a transition of §4.9). */
  'status-charging-to-preparing',
  /** Sends sampled MeterValues every MeterValueSampleInterval + 0.75 s. */
  'meter-values-late',
  /** Sends one sampled MeterValues per transaction and no more. */
  'meter-values-only-once',
  /** Sampled MeterValues carry only Energy.Active.Import.Register, whatever MeterValuesSampledData says. */
  'meter-values-ignore-sampled-data',
  /** Takes and sends clock-aligned MeterValues 0.75 s after each ClockAlignedDataInterval boundary, timestamped then. */
  'clock-aligned-off-boundary',
  /** A reservation never expires: the connector stays Reserved after expiryDate. */
  'reservation-never-expires',
  /** Conforming (no bound in §5.13): frees an expired reservation 2 s after its expiryDate (looks at its reservations every few seconds). */
  'reservation-expiry-late',
  /** Conforming: its read-only ReserveConnectorZeroSupported is false although the built-in declaration says reservationOfConnectorZero true. */
  'reserve-connector-zero-unsupported',
  /** Transaction-related messages that arise while offline are lost instead of queued (§3.7). */
  'offline-transaction-messages-dropped',
  /** Accepts a TxProfile on a connector without a transaction (§5.16.4 wants Rejected). */
  'tx-profile-without-transaction-accepted',
  /** After a TxProfile's schedule ends, its transaction falls back to the TxDefaultProfile (§3.13.1: the TxProfile overrules it for the whole transaction). */
  'tx-default-after-tx-profile',
  /** GetCompositeSchedule.conf without connectorId (optional in §6.22; the OCTT tables check it). */
  'composite-without-connector-id',
  /** Refuses a TxProfile without a transaction and a RemoteStartTransaction profile that is not a TxProfile with CALLERROR PropertyConstraintViolation (the tables allow it): a conforming variant. */
  'smart-charging-refusal-as-callerror',
  /** Supports charging schedules in W only (ChargingScheduleAllowedChargingRateUnit = Power): a conforming variant. */
  'smart-charging-power-only',
  /** Answers UnlockConnector for an unknown connector with Unlocked (errata 3.87: NotSupported). */
  'unknown-connector-unlocked',
  /** Does not send FirmwareStatusNotification Installing during a firmware update. */
  'firmware-no-installing-status',
  /** Answers GetLocalListVersion with 0 whatever the version of its list. */
  'local-list-version-zero',
  /** Answers Reset Accepted and never carries it out (no reboot, no new connection). */
  'reset-accepted-not-executed',
  /** The first RemoteStopTransaction drops the connection instead of being answered; the transaction goes on. One-shot. */
  'disconnect-on-first-remote-stop',
  /** clearFault is acknowledged but the connector stays Faulted (a fault that needs a technician). */
  'fault-cannot-be-cleared',
  /** Conforming variant: after a lost connection it reconnects without a BootNotification (§4.2: boot only after a reboot). */
  'reconnect-without-boot',
  /** Answers DataTransfer Accepted for any vendorId, also one it has no implementation for (OCTT Table 87: allowed, with a warning). */
  'data-transfer-accepts-unknown-vendor',
  /** Conforming variant: answers DataTransfer for an unknown vendorId with Rejected (OCTT Table 87 takes it). */
  'data-transfer-rejects-unknown-vendor',
  /** Its SUT control lists no `unplugEvSide` (GET /actions) and refuses it: a bench that cannot unplug at the EV side. */
  'no-ev-side-unplug',
  /** Answers a CALL it cannot process (malformed, or an invalid payload) with a CALLERROR whose id is "" although the CALL's id was readable. */
  'call-error-without-id',
  /** Leaves a CALL without action and payload (`[2,"<id>"]`) unanswered. */
  'ignores-incomplete-call',
  /** Crashes on the first frame it cannot read (garbage from the CSMS): the connection drops and it never comes back. */
  'crashes-on-bad-frame',
  /** Once its boot is accepted, sends a request `CustomOperation` that OCPP 1.6 does not have (instead of DataTransfer). */
  'sends-custom-operation',
  /** Sends `Authorization: Basic …` over plain ws:// although it was configured with no password. */
  'basic-auth-unasked',
  /** After a CSMS completed the handshake without a subprotocol, reconnects without offering one. */
  'drops-subprotocol-on-retry',
  /** Conforming variant (a 1.6 code, not the exact one): answers an unknown action with NotSupported instead of NotImplemented. */
  'not-supported-for-unknown-action',
  /** Conforming variant (a 1.6 code, not the exact one): answers every invalid payload with TypeConstraintViolation. */
  'type-constraint-for-payload-errors',
  /** Presenting the idTag that started the transaction sends Authorize for it before the StopTransaction (§3.4, §4.1: MUST NOT). */
  'authorize-on-local-stop',
  /** A transaction stopped by an EV-side disconnect leaves the connector Available, not Finishing (conforming: Table 9 step 3 allows both). */
  'ev-side-stop-goes-available',
  /** With the local list not in use, GetLocalListVersion and SendLocalList are refused with CALLERROR NotSupported (conforming: Tables 48 and 51 allow it). */
  'local-list-refusal-as-callerror',
  // Security Whitepaper ed. 3 (charge point under test, TC_073_CS … TC_087_CS and X16_SEC_*_CS).
  /** After ChangeConfiguration AuthorizationKey Accepted, reconnects with the old password (A01 broken). */
  'keeps-old-authorization-key',
  /** Sends the AuthorizationKey hex-decoded to bytes as the Basic password instead of its text (A00.FR.205). */
  'basic-auth-hex-decoded',
  /** Does not verify the Central System's server certificate at all (A00.FR.307/309/310 broken). */
  'accepts-invalid-server-certificate',
  /** Refuses an invalid server certificate but raises no InvalidCentralSystemCertificate event (A00.FR.309). */
  'no-event-for-invalid-server-certificate',
  /** Never sends SecurityEventNotification (keeps the events in its log only). */
  'no-security-event-notification',
  /** Accepts a SecurityProfile lower than the current one (A05.FR.01 broken). */
  'accepts-security-profile-downgrade',
  /** Answers InstallCertificate Accepted whatever the certificate (expired, not a CA). */
  'accepts-invalid-root-certificate',
  /** GetInstalledCertificateIds reports wrong serial numbers. */
  'installed-certificate-ids-wrong-serial',
  /** Answers DeleteCertificate Accepted but keeps the certificate. */
  'delete-certificate-keeps-it',
  /** Its CSR has no O (CpoName) in the subject (A02.FR.13 broken): the harness as CA refuses it. */
  'csr-without-organization',
  /** Installs whatever CertificateSigned brings, unverified (A02.FR.06 broken). */
  'accepts-any-signed-certificate',
  /** Reports a GetLog upload Uploaded without uploading anything. */
  'log-uploaded-without-upload',
  /** Accepts the certificate of CertificateSigned but goes on presenting its old one (A02.FR.08 broken). */
  'keeps-old-client-certificate',
  /** Does not check the firmware signature: a bad one is SignatureVerified and installed. */
  'skips-firmware-signature-check',
] as const;

export type CpQuirk = (typeof CP_QUIRKS)[number];

export const CSMS_QUIRKS = [
  /** BootNotification.conf currentTime is not RFC 3339 (`2024-05-01 10:00:00`). */
  'non-rfc3339-time',
  /** The WebSocket handshake answer selects no subprotocol (no Sec-WebSocket-Protocol header). */
  'no-subprotocol',
  /** Authorize answers Accepted for every idTag, even unknown or blocked ones. */
  'authorize-accepts-invalid',
  /** Answers StatusNotification with a CALLRESULT whose message id is not the CALL's. */
  'wrong-message-id-in-result',
  /** Answers Heartbeat only after `lateResponseMs`. */
  'late-response',
  /** Answers an action it does not know with an empty CALLRESULT instead of CALLERROR NotImplemented. */
  'accepts-unknown-action',
  /** Accepts CALL payloads that fail schema validation as if they were valid. */
  'lenient-validation',
  /** Answers a missing required property with `OccurrenceConstraintViolation` (not the 1.6 spelling). */
  'double-r-error-code',
  /** Asked for GetConfiguration, sends two CALLs back to back without waiting for the first answer. */
  'two-outstanding-calls',
  /** Asked for RemoteStartTransaction, reports it done but never sends it. */
  'remote-start-ignored',
  /** A Differential SendLocalList goes out with the listVersion of the list it last sent that charge point (not raised). */
  'send-local-list-stale-version',
  /** ReserveNow goes out without the parentIdTag it was asked to send. */
  'reserve-now-without-parent-id-tag',
  /** A TxProfile in SetChargingProfile goes out without the transactionId it was asked to send. */
  'tx-profile-without-transaction-id',
  /** The TxProfile of RemoteStartTransaction goes out Absolute (starting now) instead of Relative: a conforming variant (newer TC_059_CSMS). */
  'remote-start-profile-absolute',
  /** TriggerMessage goes out without the connectorId it was asked to send. */
  'trigger-message-without-connector-id',
  /** Authorize answers Accepted for an idTag it holds as expired (instead of Expired). */
  'authorize-expired-as-accepted',
  /** StartTransaction.conf says Accepted for every idTag, without verifying it (unknown, blocked, expired). */
  'start-transaction-accepts-invalid',
  /** Asked for a Reset of one type, sends the other (Soft for Hard, Hard for Soft). */
  'reset-type-swapped',
  /** Answers DataTransfer Accepted for any vendorId, also one it has no implementation for. */
  'data-transfer-accepts-unknown-vendor',
  /** Has no DataTransfer handler at all: answers every DataTransfer with CALLERROR NotImplemented. */
  'data-transfer-not-implemented',
  /** RemoteStartTransaction goes out with an idTag of its own (`REMOTE01`, which it accepts), not the one asked for (conforming). */
  'remote-start-own-id-tag',
  /** Asked for RemoteStopTransaction, reports it done but never sends it. */
  'remote-stop-ignored',
  /** RemoteStopTransaction goes out with a transactionId it never assigned (asked + 1000). */
  'remote-stop-unknown-transaction',
  /** UnlockConnector goes out for the connector after the one asked for. */
  'unlock-next-connector',
  /** UpdateFirmware carries its own firmware location, not the one asked for, and that one does not serve the image (HTTP 404, FTP 550). */
  'firmware-location-not-served',
  /** GetDiagnostics carries its own upload location, not the one asked for, and that one refuses uploads (HTTP 403, FTP 550). */
  'diagnostics-location-refuses-upload',
  /** Conforming: numbers its own reservations (ReserveNow carries its own reservationId from 9001 on, not the one asked for). */
  'reservation-id-own-numbering',
  /** Answers a CALL it cannot process (malformed, or an invalid payload) with a CALLERROR whose id is "" although the CALL's id was readable. */
  'call-error-without-id',
  /** Leaves a CALL without action and payload (`[2,"<id>"]`) unanswered. */
  'ignores-incomplete-call',
  /** After accepting a BootNotification, sends the charge point a request `CustomOperation` that OCPP 1.6 does not have. */
  'sends-custom-operation',
  /** Refuses an upgrade offering no subprotocol it supports with HTTP 400, instead of completing it without one and closing. */
  'refuses-unsupported-subprotocol',
  // Security Whitepaper (the CSMS under test at security profiles 1–3).
  /** Profiles 1 and 2: admits a connection whatever its Basic-auth password. */
  'accepts-wrong-password',
  /** Profile 3: admits a client certificate from a CA it does not trust. */
  'accepts-unknown-ca-client-cert',
  /** Profile 3: admits a client certificate whose CN is another charge point. */
  'accepts-other-identity-client-cert',
  /** Profiles 2 and 3: its TLS port also answers plain ws:// (a downgrade). */
  'accepts-plain-ws',
  /** Answers SignCertificate.req Rejected although the CSR is fine. */
  'sign-certificate-rejected',
  /** Accepts SignCertificate.req but never sends CertificateSigned.req. */
  'certificate-signed-not-sent',
  /** ExtendedTriggerMessage carries connectorId 1 even for SignChargePointCertificate (the table wants it omitted). */
  'extended-trigger-with-connector-id',
  /** InstallCertificate carries CentralSystemRootCertificate whatever certificateType it was asked to send. */
  'install-certificate-wrong-type',
  /** DeleteCertificate carries another serialNumber than the installed certificate's. */
  'delete-certificate-wrong-serial',
  /** GetLog asks for the DiagnosticsLog whatever logType it was asked to send. */
  'get-log-diagnostics-type',
  /** SignedUpdateFirmware carries a signature of its own (over other bytes), not the one it was given. */
  'signed-firmware-other-signature',
  /** Profiles 2 and 3: presents only its first server certificate (ECDSA), so the TLS_RSA_* suites fail. */
  'tls-ecdsa-certificate-only',
] as const;

export type CsmsQuirk = (typeof CSMS_QUIRKS)[number];

export function isCpQuirk(name: string): name is CpQuirk {
  return (CP_QUIRKS as readonly string[]).includes(name);
}

export function isCsmsQuirk(name: string): name is CsmsQuirk {
  return (CSMS_QUIRKS as readonly string[]).includes(name);
}

/** Collect quirks into a set, rejecting names that are not quirks of that peer. */
export function quirkSet<Q extends string>(
  quirks: Iterable<string> | undefined,
  isQuirk: (name: string) => name is Q,
  peer: string,
): ReadonlySet<Q> {
  const set = new Set<Q>();
  for (const q of quirks ?? []) {
    if (!isQuirk(q)) throw new Error(`unknown ${peer} quirk: ${q}`);
    set.add(q);
  }
  return set;
}
