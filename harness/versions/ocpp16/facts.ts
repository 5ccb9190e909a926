// OCPP 1.6J as facts for the core.
import type { VersionFacts } from '../version-facts.js';
import { CENTRAL_SYSTEM_ACTIONS_16, CHARGE_POINT_ACTIONS_16 } from './actions.js';
import { checkStatusTransitions } from './checks/status-transitions.js';
import { ERRATA_16, FLOAT_MULTIPLE_OF } from './errata.js';
import { ERROR_CODES_16, classifyErrorCode16, errorCodeForKeyword16, errorCodeLevel16 } from './error-codes.js';

export const OCPP16: VersionFacts = {
  id: '1.6',
  subprotocol: 'ocpp1.6',
  name: 'OCPP 1.6',
  ocppJ: 'OCPP-J 1.6',
  schemaFile: 'ocpp1_6.json',
  errata: ERRATA_16,
  validationNotes: [FLOAT_MULTIPLE_OF],
  errorCodes: {
    table: 'OCPP-J 1.6 §4.2.3 Table 7',
    codes: ERROR_CODES_16,
    classify: classifyErrorCode16,
    level: errorCodeLevel16,
    forKeyword: errorCodeForKeyword16,
    tolerance: 'any other OCPP 1.6 code or its later spelling: NON_STRICT',
    explain: {
      'other-code': 'another OCPP 1.6 code: tolerated',
      'later-spelling': 'a later version\'s spelling of a 1.6 code: tolerated',
      'not-a-code': 'not an OCPP 1.6 error code (OCPP-J 1.6 §4.2.3 Table 6: ErrorCode must be a code of Table 7)',
    },
  },
  requests: {
    ChargePoint: CHARGE_POINT_ACTIONS_16,
    Csms: CENTRAL_SYSTEM_ACTIONS_16,
    ref: { ChargePoint: 'OCPP 1.6 §4.3', Csms: 'OCPP 1.6 §5.6' },
    sideName: { ChargePoint: 'a charge point', Csms: 'a Central System' },
    dataTransferRule: 'for a function OCPP does not support it SHALL use DataTransfer.req',
    level: 'MUST',
  },
  restartingRequests: ['Reset', 'UpdateFirmware', 'SignedUpdateFirmware'],
  // Security Whitepaper: a new AuthorizationKey (A01), SecurityProfile (A05.FR.06) or accepted client
  // certificate (A02) takes effect by disconnecting and reconnecting.
  reconnectsAfter(action, payload) {
    const key = (payload as Record<string, unknown> | null)?.key;
    return action === 'CertificateSigned' || (action === 'ChangeConfiguration' && (key === 'AuthorizationKey' || key === 'SecurityProfile'));
  },
  reconnectHint: /"(ChangeConfiguration|CertificateSigned)"/,
  // Every table of the OCTT 1.6 document has a case (test/meta/octt-document-coverage.test.ts).
  certificationList: [],
  profiles: ['Core', 'FirmwareManagement', 'LocalAuthListManagement', 'Reservation', 'RemoteTrigger', 'SmartCharging', 'Security'],
  versionChecks: (model) => checkStatusTransitions(model),
  checkCatalogue: {},
  unansweredInvalidCall: (malformed) => (malformed ? {
    level: 'MUST',
    requirement: 'OCPP-J 1.6 §4.2.3, errata §3.3: a CALL that cannot be processed (here: malformed, its id readable) SHALL be answered with a CALLERROR carrying its message id',
  } : undefined),
};
