// Faults and EV state (OCPP 1.6 §4.9, §7.6, §7.7), driven by SUT control:
// - fault {connectorId, errorCode}: the connector (or, for 0, the charge point) is Faulted with that
//   errorCode; energy stops (a transaction goes on, SuspendedEVSE-like, until clearFault); its
//   reservation ends;
// - clearFault {connectorId}: back to the status the state means (§4.9 I1–I8);
// - evSuspend / evResume {connectorId}: the EV stops / resumes taking energy (SuspendedEV / Charging);
// - lockFailure {connectorId}: the next time the cable has to be locked (a transaction about to
//   start) locking fails: Faulted with ConnectorLockFailure and no transaction (TC_024); unplugging
//   the cable clears it;
// - unlockFailure {connectorId}: the next UnlockConnector answers UnlockFailed.

import type { StimulusOutcome } from '../../../../sut/control.js';
import { str } from '../../../../peers/peer-util.js';
import type { Connectors } from './connectors.js';
import type { Connector } from './types.js';

const ERROR_CODES = new Set([
  'ConnectorLockFailure', 'EVCommunicationError', 'GroundFailure', 'HighTemperature', 'InternalError',
  'LocalListConflict', 'OtherError', 'OverCurrentFailure', 'OverVoltage', 'PowerMeterFailure',
  'PowerSwitchFailure', 'ReaderFailure', 'ResetFailure', 'UnderVoltage', 'WeakSignal',
]);

export class Faults {
  /** A connector (undefined: the charge point) went Faulted: its reservations end. */
  onFault: (c: Connector | undefined) => void = () => {};

  /** Quirk fault-cannot-be-cleared: clearFault is acknowledged and changes nothing. */
  constructor(private readonly connectors: Connectors, private readonly stuck = false) {}

  fault(params: Record<string, unknown>): StimulusOutcome {
    const errorCode = str(params.errorCode) ?? 'OtherError';
    if (!ERROR_CODES.has(errorCode)) return { outcome: 'failed', detail: `errorCode must be a ChargePointErrorCode other than NoError, not '${errorCode}'` };
    const fault = { errorCode, clearsOnUnplug: false, info: str(params.info) };
    if (params.connectorId === 0 || params.connectorId === '0') {
      this.connectors.cp0.fault = fault;
      this.onFault(undefined);
      this.connectors.refreshAll();
      return { outcome: 'done' };
    }
    const c = this.connectors.fromParam(params.connectorId);
    if (!c) return { outcome: 'failed', detail: `unknown connector ${String(params.connectorId)}` };
    c.fault = fault;
    this.onFault(c);
    this.connectors.refresh(c);
    return { outcome: 'done' };
  }

  clearFault(params: Record<string, unknown>): StimulusOutcome {
    if (this.stuck) return { outcome: 'done', detail: 'quirk fault-cannot-be-cleared: still faulted' };
    if (params.connectorId === 0 || params.connectorId === '0') {
      this.connectors.cp0.fault = undefined;
      this.connectors.refreshAll();
      return { outcome: 'done' };
    }
    const c = this.connectors.fromParam(params.connectorId);
    if (!c) return { outcome: 'failed', detail: `unknown connector ${String(params.connectorId)}` };
    c.fault = undefined;
    this.connectors.refresh(c);
    return { outcome: 'done' };
  }

  evSuspend(c: Connector, suspended: boolean): StimulusOutcome {
    if (!c.tx) return { outcome: 'failed', detail: `no transaction on connector ${c.id}` };
    c.evSuspended = suspended;
    this.connectors.refresh(c);
    return { outcome: 'done' };
  }

  lockFailure(c: Connector): StimulusOutcome {
    c.lockFailureNext = true;
    return { outcome: 'done', detail: 'the next cable lock fails' };
  }

  unlockFailure(c: Connector): StimulusOutcome {
    c.unlockFailureNext = true;
    return { outcome: 'done', detail: 'the next UnlockConnector fails' };
  }
}
