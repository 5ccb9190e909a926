// Named faults of the OCPP 2.0.1 reference charging station. Each one is off by default and breaks
// exactly one rule that a charging-station table of blocks B, E, F, J or P checks; switching one on must
// change what goes on the wire.

export const CHARGING_STATION_201_QUIRKS = [
  { name: 'status-before-boot-accepted', description: 'Sends StatusNotification while its BootNotification is answered Pending (B02.FR.02).' },
  { name: 'boot-retry-too-early', description: 'After a Pending/Rejected boot, sends the next BootNotification after interval/4 instead of the interval (B03.FR.04).' },
  { name: 'answers-while-rejected', description: 'While its boot is Rejected, answers CSMS requests normally instead of CALLERROR SecurityError (B03.FR.08).' },
  { name: 'reboot-without-boot-notification', description: 'After a Reset it reconnects without sending BootNotification (B01.FR.01, B11.FR.04).' },
  { name: 'reconnect-without-back-off', description: 'Reconnects at once after losing the connection, ignoring RetryBackOffWaitMinimum (Part 4 §5.3).' },
  { name: 'statuses-not-reported-after-offline', description: 'After a connection loss longer than OfflineThreshold, reports only the connectors that changed (B04.FR.01).' },
  { name: 'unknown-component-as-unknown-variable', description: 'Get/SetVariables on an unknown component answer UnknownVariable instead of UnknownComponent (B06.FR.06, B05.FR.04).' },
  { name: 'attribute-type-ignored', description: 'Get/SetVariables with an attributeType the variable lacks (e.g. Target) act on Actual and answer Accepted (B06.FR.08, B05.FR.06).' },
  { name: 'read-only-set-accepted', description: 'SetVariables on a ReadOnly variable answers Accepted (the value does not change) (B05.FR.09).' },
  { name: 'notify-report-single-part', description: 'Sends a base report as one NotifyReport, ignoring ItemsPerMessage (B07.FR.04 seqNo/tbc split).' },
  { name: 'notify-report-seq-no-from-one', description: 'Numbers the NotifyReport parts from seqNo 1 instead of 0 (B07.FR.04).' },
  { name: 'reset-on-idle-during-transaction', description: 'Reset OnIdle during a transaction answers Accepted and reboots at once instead of Scheduled (B12.FR.01).' },
  { name: 'immediate-reset-without-ended', description: 'Reset Immediate reboots without first sending the TransactionEvent Ended with ResetCommand (B12.FR.02).' },
  { name: 'network-profile-any-slot', description: 'SetNetworkProfile accepts any configurationSlot, even one not in NetworkConfigurationPriority\'s range (B09.FR.02).' },
  { name: 'transaction-seq-no-skips', description: 'TransactionEvent seqNo jumps by 2 after the Started event (E02.FR.07 / E03.FR.06: seqNo by Sequence Number Generation, one up per message).' },
  { name: 'started-stamped-late', description: 'The TransactionEvent Started carries a timestamp a minute after the events that follow it, so in time it is not the first (Part 6 §2.1 general tool rules: the first event is Started, seqNo in chronological order).' },
  { name: 'transaction-event-without-trigger-reason', description: 'The TransactionEvent Started has no triggerReason (E01.FR.15; schema-invalid, written raw, its answer not awaited).' },
  { name: 'started-without-id-token', description: 'The first TransactionEvent after an authorization (the Started one) does not carry the idToken (E02.FR.01 / E03.FR.01).' },
  { name: 'remote-stop-reason-local', description: 'A transaction stopped by RequestStopTransaction ends with stoppedReason Local instead of Remote (TC_E_21_CS, TC_E_35_CS).' },
  { name: 'ev-connection-timeout-ignored', description: 'An authorization without a cable plugged in never lapses (EVConnectionTimeOut, E03.FR.05).' },
  { name: 'offline-flag-missing', description: 'TransactionEvents generated while offline are sent without offline=true (E11.FR.02 / E12.FR.02).' },
  { name: 'offline-queue-newest-first', description: 'After a connection loss, sends its queued TransactionEvents newest first (E11.FR.02, seqNo order).' },
  { name: 'no-transaction-event-retry', description: 'A TransactionEvent that fails (CALLERROR or timeout) is dropped, not retried (E13.FR.02).' },
  { name: 'transaction-status-ignores-queue', description: 'GetTransactionStatus always answers messagesInQueue false (E14.FR.04, E14.FR.07).' },
  { name: 'no-meter-values', description: 'Sends no sampled or clock-aligned meter values at all (no MeterValues, no meterValue in TransactionEvent) (J01, J02).' },
  { name: 'aligned-meter-values-unaligned', description: 'Clock-aligned meter values are taken Interval + 1.5 s apart, not on multiples of AlignedDataInterval from midnight (J01.FR.14).' },
  { name: 'aligned-data-during-transaction', description: 'With AlignedDataCtrlr.SendDuringIdle true it keeps sending clock-aligned readings (in TransactionEvent) while a transaction runs (J01.FR.19/FR.20).' },
  { name: 'late-response', description: 'Answers GetVariables only after lateResponseMs (default 1500 ms), late for a CSMS that waits less (Part 4 §4.1.1 response time).' },
  { name: 'install-root-accepted-not-stored', description: 'InstallCertificate CSMSRootCertificate answers Accepted but keeps trusting the old root only (M05.FR.02, M05.FR.12).' },
  { name: 'migration-trusts-old-root', description: 'While migrating to a new network profile it still trusts the replaced (fallback) CSMS root, so a certificate of the old root is accepted there (M05.FR.10, M05.FR.15).' },
  { name: 'installed-ids-omit-fallback-root', description: 'GetInstalledCertificateIds leaves out the fallback CSMS root kept after a new one was installed (M05.FR.12; TC_B_47_CS step 12).' },
  { name: 'fallback-root-kept', description: 'Keeps the old (fallback) CSMS root after connecting with the new one (M05.FR.13).' },
  { name: 'installed-ids-csms-root-only', description: 'GetInstalledCertificateIds never lists its ManufacturerRootCertificates (M03.FR.04; TC_M_02/13/17/18_CS).' },
  { name: 'install-root-expired-accepted', description: 'InstallCertificate installs a root certificate whatever its validity period, an expired one too (M05.FR.07; TC_M_07_CS).' },
  { name: 'additional-root-check-skipped', description: 'With AdditionalRootCertificateCheck true, installs a CSMS root the installed one did not sign, next to it (M05.FR.11; TC_M_09_CS).' },
  { name: 'installed-ids-none-accepted', description: 'GetInstalledCertificateIds for types it holds none of answers Accepted without hash data instead of NotFound (M03.FR.02; TC_M_19_CS).' },
  { name: 'delete-certificate-not-removed', description: 'DeleteCertificate of an installed certificate answers Accepted but keeps it (M04.FR.02; TC_M_20_CS).' },
  { name: 'delete-unknown-certificate-accepted', description: 'DeleteCertificate of a certificate it does not hold answers Accepted instead of NotFound (M04.FR.04; TC_M_22_CS).' },
  { name: 'remote-start-without-remote-start-id', description: 'The TransactionEvent after a RequestStartTransaction carries no remoteStartId (F01.FR.25, F02.FR.01).' },
  { name: 'remote-start-skips-authorize', description: 'With AuthorizeRemoteStart true, a RequestStartTransaction starts without an Authorize of its idToken (F01.FR.01; Table 428 step 3).' },
  { name: 'remote-stop-trigger-stop-authorized', description: 'The TransactionEvent after a RequestStopTransaction says triggerReason StopAuthorized instead of RemoteStop (F03.FR.02/FR.03).' },
  { name: 'remote-stop-unknown-accepted', description: 'RequestStopTransaction with a transactionId of no active transaction answers Accepted (F03.FR.08).' },
  { name: 'unlock-connector-always-unlocked', description: 'UnlockConnector answers Unlocked during a transaction and for an unknown connector (F05.FR.02, F05.FR.03).' },
  { name: 'unlock-connector-needs-cable', description: 'UnlockConnector answers UnlockFailed when no cable is plugged in, without attempting the unlock (F05.FR.06).' },
  { name: 'trigger-accepted-not-sent', description: 'TriggerMessage is answered Accepted but the requested message never follows (F06.FR.10).' },
  { name: 'triggered-readings-periodic', description: 'Triggered MeterValues and TransactionEvent readings say context Sample.Periodic instead of Trigger (F06.FR.06/FR.07; TC_F_11–14).' },
  { name: 'triggered-log-status-idle', description: 'A triggered LogStatusNotification says Idle while a GetLog upload is under way (F06.FR.14).' },
  { name: 'trigger-boot-after-accepted', description: 'TriggerMessage BootNotification after an accepted boot answers Accepted and boots again (F06.FR.17).' },
  { name: 'trigger-unknown-rejected', description: 'TriggerMessage for a message it has not implemented answers Rejected instead of NotImplemented (F06.FR.08).' },
  { name: 'data-transfer-accepts-unknown-vendor', description: 'DataTransfer with an unknown vendorId answers Accepted instead of UnknownVendorId (P01.FR.06).' },
  { name: 'cable-status-not-reported', description: 'Plugging a cable in or pulling it out changes the connector status without reporting it (G01.FR.03, G01.FR.04; TC_G_01, TC_G_02).' },
  { name: 'availability-change-not-reported', description: 'A ChangeAvailability that changes connectors is carried out but their new status is not reported (G03.FR.04, G04.FR.05, G01.FR.07).' },
  { name: 'same-availability-rejected', description: 'ChangeAvailability to the state the station, EVSE or connector is already in answers Rejected (G03.FR.03, G04.FR.04).' },
  { name: 'availability-accepted-during-transaction', description: 'ChangeAvailability Inoperative during a transaction answers Accepted instead of Scheduled (it still waits for the transaction to end) (G03.FR.05, G04.FR.06).' },
  { name: 'availability-not-persistent', description: 'After a reboot or power loss every EVSE and the station are Operative again, whatever ChangeAvailability set (G03.FR.08, G04.FR.09).' },
  { name: 'basic-auth-password-base64', description: 'Sends its BasicAuthPassword base64-encoded as the Basic-auth password instead of as text (A00.FR.205, A00.FR.304; TC_A_01_CS).' },
  { name: 'tls-cbc-cipher-suites-only', description: 'Offers only CBC cipher suites (ECDHE-RSA-AES128-SHA, AES128-SHA) in its TLS 1.2 handshake, none of the four Part 2 names (A00.FR.318, A00.FR.321; TC_A_04_CS).' },
  { name: 'log-status-wrong-request-id', description: 'The LogStatusNotifications of a GetLog upload carry another requestId than the GetLog (N01.FR.07; TC_N_25, TC_N_35).' },
  { name: 'log-uploaded-without-upload', description: 'GetLog reports Uploaded without uploading anything to the remoteLocation (N01.FR.02, N01.FR.09; TC_N_25, TC_N_35).' },
] as const satisfies ReadonlyArray<{ name: string; description: string }>;

export type ChargingStation201Quirk = (typeof CHARGING_STATION_201_QUIRKS)[number]['name'];

const NAMES: ReadonlySet<string> = new Set(CHARGING_STATION_201_QUIRKS.map((q) => q.name));

export function isChargingStation201Quirk(name: string): name is ChargingStation201Quirk {
  return NAMES.has(name);
}

/** The quirks as a set, rejecting names that are not quirks of this station. */
export function chargingStation201QuirkSet(quirks: Iterable<string> | undefined): ReadonlySet<ChargingStation201Quirk> {
  const set = new Set<ChargingStation201Quirk>();
  for (const q of quirks ?? []) {
    if (!isChargingStation201Quirk(q)) throw new Error(`unknown OCPP 2.0.1 charging station quirk: ${q}`);
    set.add(q);
  }
  return set;
}
