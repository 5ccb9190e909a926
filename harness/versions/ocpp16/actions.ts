// The OCPP 1.6 actions each side may initiate: OCPP 1.6 chapters 4 (by the charge point) and 5 (by the
// Central System), plus the messages the Security whitepaper (edition 3) adds to 1.6.

/** Requests a charge point sends (OCPP 1.6 §4; Security whitepaper for the last four). */
export const CHARGE_POINT_ACTIONS_16: readonly string[] = [
  'Authorize', 'BootNotification', 'DataTransfer', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification',
  'Heartbeat', 'MeterValues', 'StartTransaction', 'StatusNotification', 'StopTransaction',
  'LogStatusNotification', 'SecurityEventNotification', 'SignCertificate', 'SignedFirmwareStatusNotification',
];

/** Requests a Central System sends (OCPP 1.6 §5; Security whitepaper for the last seven). */
export const CENTRAL_SYSTEM_ACTIONS_16: readonly string[] = [
  'CancelReservation', 'ChangeAvailability', 'ChangeConfiguration', 'ClearCache', 'ClearChargingProfile',
  'DataTransfer', 'GetCompositeSchedule', 'GetConfiguration', 'GetDiagnostics', 'GetLocalListVersion',
  'RemoteStartTransaction', 'RemoteStopTransaction', 'ReserveNow', 'Reset', 'SendLocalList',
  'SetChargingProfile', 'TriggerMessage', 'UnlockConnector', 'UpdateFirmware',
  'CertificateSigned', 'DeleteCertificate', 'ExtendedTriggerMessage', 'GetInstalledCertificateIds', 'GetLog',
  'InstallCertificate', 'SignedUpdateFirmware',
];
