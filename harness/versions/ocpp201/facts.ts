// OCPP 2.0.1 (OCPP-J 2.0.1, Part 4) as facts for the core.
import type { VersionFacts } from '../version-facts.js';
import { CHARGING_STATION_ACTIONS_201, CSMS_ACTIONS_201 } from './actions.js';
import { OCPP201_CERTIFICATION_LIST } from './certification-list.js';
import { checkTransactionSequence } from './checks/transaction-sequence.js';
import { ERRATA_201 } from './errata.js';
import { ERROR_CODES_201, classifyErrorCode201, errorCodeForKeyword201, errorCodeLevel201 } from './error-codes.js';

export const OCPP201: VersionFacts = {
  id: '2.0.1',
  subprotocol: 'ocpp2.0.1',
  name: 'OCPP 2.0.1',
  ocppJ: 'OCPP-J 2.0.1',
  schemaFile: 'ocpp2_0_1.json',
  errata: ERRATA_201,
  validationNotes: [],
  errorCodes: {
    table: 'OCPP-J 2.0.1 §4.3 Table 8',
    codes: ERROR_CODES_201,
    classify: classifyErrorCode201,
    level: errorCodeLevel201,
    forKeyword: errorCodeForKeyword201,
    tolerance: 'any other OCPP 2.0.1 code or its 1.6 spelling: NON_STRICT',
    explain: {
      'other-code': 'another OCPP 2.0.1 code: tolerated',
      'later-spelling': 'the OCPP 1.6 spelling of a 2.0.1 code: tolerated',
      'not-a-code': 'not an OCPP 2.0.1 error code (OCPP-J 2.0.1 §4.2.3 Table 7: ErrorCode must be a code of Table 8)',
    },
  },
  requests: {
    ChargePoint: CHARGING_STATION_ACTIONS_201,
    Csms: CSMS_ACTIONS_201,
    ref: { ChargePoint: 'OCPP 2.0.1 Part 2 P01 (DataTransfer)', Csms: 'OCPP 2.0.1 Part 2 P01 (DataTransfer)' },
    sideName: { ChargePoint: 'a charging station', Csms: 'a CSMS' },
    // No MUST says so in 2.0.1 (the receiver answers NotImplemented, Part 4 §4.3): ours, graded SHOULD.
    dataTransferRule: 'a function OCPP does not have goes in DataTransfer (P01); another action is answered NotImplemented',
    level: 'SHOULD',
  },
  restartingRequests: ['Reset', 'UpdateFirmware'],
  // A new BasicAuthPassword (A01.FR.11/12), a new network profile after Reset (B09), a signed
  // ChargingStationCertificate (A02/A03) take effect on a new connection.
  reconnectsAfter(action, payload) {
    if (action === 'CertificateSigned' || action === 'SetNetworkProfile') return true;
    if (action !== 'SetVariables') return false;
    const data = (payload as { setVariableData?: { variable?: { name?: unknown } }[] } | null)?.setVariableData;
    return Array.isArray(data) && data.some((d) => d?.variable?.name === 'BasicAuthPassword' || d?.variable?.name === 'NetworkConfigurationPriority');
  },
  reconnectHint: /"(SetVariables|CertificateSigned|SetNetworkProfile)"/,
  // Part 5 §4 (generated from it; test/meta/ocpp201-certification-coverage.test.ts keeps it equal).
  certificationList: OCPP201_CERTIFICATION_LIST,
  profiles: [
    'Core', 'AdvancedSecurity', 'LocalAuthListManagement', 'SmartCharging', 'AdvancedDeviceManagement',
    'Reservation', 'AdvancedUserInterface', 'ISO15118Support',
  ],
  // Part 4 §4.2.3: "When a message contains any invalid OCPP and/or it is not conform the JSON schema, the
  // system is allowed to drop the message" — a CALLERROR is what we recommend, not what we may demand.
  unansweredInvalidCall: (malformed, deliberatelyInvalid) => (malformed || deliberatelyInvalid ? {
    level: 'SHOULD',
    requirement: 'OCPP-J 2.0.1 §4.2.3: a receiver that cannot process a CALL reports it with a CALLERROR carrying the CALL\'s id (a message with invalid OCPP or not conform the JSON schema may also be dropped, so this is not a MUST)',
  } : undefined),
  versionChecks: (model, sut) => (sut === 'ChargePoint' ? checkTransactionSequence(model) : []),
  checkCatalogue: {
    'transaction.seqNo': {
      title: 'TransactionEvent seqNo rises by one per event, in the order the events happened',
      ref: 'OCPP 2.0.1 Part 2 §1.3.2.1; Part 6 §2.1 general tool rules', octt: 'fails',
    },
    'transaction.firstStarted': {
      title: 'The first TransactionEvent of a transaction has eventType Started',
      ref: 'OCPP 2.0.1 Part 6 §2.1 general tool rules', octt: 'fails',
    },
  },
};
