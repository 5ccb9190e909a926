// The named faults of the OCPP 2.0.1 reference CSMS. Each breaks one rule that a CSMS-side table of
// Part 6 (blocks B, E, F, J, P) or OCPP-J 2.0.1 checks, at the one place where it bites.

export const CSMS_201_QUIRK_DESCRIPTIONS = {
  // OCPP-J 2.0.1 (Part 4)
  'heartbeat-without-current-time': 'Answers Heartbeat with {} (no currentTime): a response its schema refuses.',
  'late-response': 'Answers Heartbeat only after lateResponseMs.',
  'wrong-message-id-in-result': 'Answers StatusNotification with a CALLRESULT whose message id is not the CALL\'s.',
  'meter-values-never-answered': 'Never answers MeterValues (TC_J_01 step 2).',
  'unknown-action-accepted': 'Answers an action OCPP 2.0.1 does not have with an empty CALLRESULT instead of CALLERROR NotImplemented.',
  'call-error-1.6-codes': 'Answers an invalid payload with the OCPP 1.6 spellings (FormationViolation, OccurenceConstraintViolation).',
  'lenient-validation': 'Answers a CALL whose payload its schema refuses with a CALLRESULT instead of a CALLERROR (X201_RPC_02 … X201_RPC_08).',
  'drops-invalid-calls': 'Leaves a CALL whose payload its schema refuses, or whose action is unknown, unanswered (allowed by Part 4 §4.2.3; X201_RPC_01 … X201_RPC_08).',
  'call-error-id-minus-one': 'Answers a malformed CALL or an unknown message type with message id "-1" although the id was readable (X201_RPC_09, X201_RPC_10).',
  // A Security (served by csms-http-server under these names)
  'accepts-wrong-password': 'At profiles 1 and 2 admits a connection whatever its Basic-auth password (A00.FR.207; TC_A_03_CSMS).',
  'tls-ecdsa-certificate-only': 'Serves only its ECDSA server certificate, so a station offering only the RSA cipher suites cannot connect (A00.FR.318; TC_A_04_CSMS step 3).',
  // B Provisioning
  'boot-pending-forever': 'Keeps answering BootNotification Pending after the configured first Pending (TC_B_02 step 4, TC_B_31 step 6).',
  'no-security-error-while-pending': 'Answers a station\'s untriggered CALLs normally while its boot is Pending or Rejected (B02.FR.09, B03.FR.07; TC_B_30).',
  'requests-while-pending': 'While a station is Pending, sends it RequestStartTransaction unasked and sends whatever it is asked to (B02.FR.01 allows B05–B08 only).',
  'reset-type-swapped': 'Reset goes out with the other type (Immediate for OnIdle, OnIdle for Immediate) (TC_B_20 … TC_B_27).',
  'reset-without-evse-id': 'Reset goes out without the evseId it was asked to send (TC_B_25 … TC_B_27).',
  'variables-first-item-only': 'GetVariables and SetVariables with several items go out with the first item only (TC_B_07, TC_B_10).',
  'set-variables-target-attribute': 'SetVariables goes out with attributeType Target (TC_B_09/TC_B_10 want it absent or Actual).',
  'base-report-summary-inventory': 'GetBaseReport asks for SummaryInventory whatever reportBase it was asked to send (TC_B_12, TC_B_13).',
  'trigger-message-wrong-message': 'TriggerMessage asks for a Heartbeat whatever requestedMessage it was asked to send (TC_B_31 step 3).',
  'network-profile-ocpp16': 'SetNetworkProfile goes out with connectionData.ocppVersion OCPP16 (TC_B_42 wants OCPP20).',
  // C/E Authorization and transactions
  'authorize-valid-as-unknown': 'Authorize answers Unknown for a valid idToken (reusable state Authorized wants Accepted).',
  'rejects-seq-no-zero': 'Answers a TransactionEvent with seqNo 0 with CALLERROR PropertyConstraintViolation (E01.FR.07, TC_E_53).',
  'no-id-token-info-in-transaction-event': 'Answers a TransactionEvent carrying an idToken without idTokenInfo (E01.FR.12; TC_E_10, reusable state Authorized).',
  'transaction-event-accepts-invalid-token': 'TransactionEvent answers idTokenInfo Accepted for every idToken, unknown or invalid (E01.FR.11; TC_E_16).',
  'transaction-ended-never-answered': 'Never answers a TransactionEvent with eventType Ended; Started and Updated are answered (J02.FR.19; TC_E_14/15/16/39, TC_J_03/10 …).',
  'request-stop-wrong-transaction': 'RequestStopTransaction goes out with another transactionId than asked (TC_E_21).',
  'get-transaction-status-always-with-id': 'GetTransactionStatus carries the last transactionId even when asked without one (TC_E_33, TC_E_34).',
  // G Availability
  'change-availability-status-swapped': 'ChangeAvailability goes out with the other operationalStatus (Inoperative for Operative and back) (TC_G_03 … TC_G_17).',
  'change-availability-evse-dropped': 'ChangeAvailability for an EVSE or a connector goes out without evse, i.e. for the whole station (TC_G_03, TC_G_04, TC_G_07, TC_G_08, TC_G_11, TC_G_17).',
  'change-availability-adds-connector': 'ChangeAvailability for an EVSE goes out with evse.connectorId 1 added (TC_G_03, TC_G_04, TC_G_11 want it omitted).',
  'change-availability-station-as-evse-zero': 'ChangeAvailability for the whole station goes out with evse {id: 0} instead of no evse (TC_G_05, TC_G_06, TC_G_14).',
  'notify-event-not-supported': 'Answers NotifyEvent with CALLERROR NotSupported: only StatusNotification reports a connector (Part 5: a CSMS must support both; G05.FR.03, TC_G_20).',
  // F Remote control
  'request-start-wrong-id-token': 'RequestStartTransaction goes out with another idToken than it was asked to send (TC_F_01 … TC_F_04 step 1).',
  'trigger-message-without-evse': 'TriggerMessage goes out without the evse it was asked to name (TC_F_11, TC_F_13, TC_F_23, TC_F_24).',
  'unlock-connector-wrong-connector': 'UnlockConnector goes out for the next connector of the EVSE instead of the one asked (TC_F_06).',
  // J Meter values
  'rejects-signed-meter-values': 'Answers MeterValues or TransactionEvent carrying a signedMeterValue with CALLERROR NotSupported (TC_J_04, TC_J_11, TC_E_11).',
  // M Certificate management
  'install-certificate-type-swapped': 'InstallCertificate goes out with CSMSRootCertificate and ManufacturerRootCertificate swapped (TC_M_01/02_CSMS reusable state CertificateInstalled).',
  'installed-ids-always-csms-root': 'GetInstalledCertificateIds goes out with certificateType [CSMSRootCertificate] whatever it was asked for (TC_M_13/18/19_CSMS).',
  'delete-certificate-sha256': 'DeleteCertificate goes out with hashAlgorithm SHA256 whatever algorithm the station reported the certificate in (M04.FR.07; TC_M_20_CSMS).',
  // N Diagnostics
  'get-log-type-swapped': 'GetLog goes out with the other logType (SecurityLog for DiagnosticsLog and back) (TC_N_25/35_CSMS step 1).',
  // P Data transfer
  'data-transfer-accepts-unknown-vendor': 'Answers DataTransfer Accepted for a vendorId it has no implementation for (P02.FR.06; TC_P_02).',
  'rejects-custom-data': 'Answers any CALL carrying customData with CALLERROR ProtocolError, as if it were an undefined property (TC_P_03).',
} as const;

export type Csms201Quirk = keyof typeof CSMS_201_QUIRK_DESCRIPTIONS;

/** The quirk names (as the 1.6 CSMS_QUIRKS); each one's description is in CSMS_201_QUIRK_DESCRIPTIONS. */
export const CSMS_201_QUIRKS = Object.keys(CSMS_201_QUIRK_DESCRIPTIONS) as readonly Csms201Quirk[];

export function isCsms201Quirk(name: string): name is Csms201Quirk {
  return Object.prototype.hasOwnProperty.call(CSMS_201_QUIRK_DESCRIPTIONS, name);
}

/** The quirks asked for, refusing a name that is not one of them. */
export function csms201QuirkSet(quirks: Iterable<string> | undefined): ReadonlySet<Csms201Quirk> {
  const set = new Set<Csms201Quirk>();
  for (const q of quirks ?? []) {
    if (!isCsms201Quirk(q)) throw new Error(`unknown OCPP 2.0.1 CSMS quirk: ${q}`);
    set.add(q);
  }
  return set;
}
