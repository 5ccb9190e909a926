// Types shared by the modules of the OCPP 2.0.1 reference charging station.

import type { StationSecurityOptions } from './security.js';

export type Payload = Record<string, unknown>;

export interface IdTokenLists {
  accepted?: string[];
  blocked?: string[];
  expired?: string[];
  invalid?: string[];
}

export interface ReferenceChargingStation201Options {
  /** CSMS URL without the identity (ocpp-rpc appends `/<identity>`); becomes network profile slot 1. */
  url: string;
  identity: string;
  /** EVSE ids, one connector (id 1) each. Default [1]. */
  evses?: number[];
  /** Basic-auth password (security profiles 1 and 2); none: profile 0 unless `security` says otherwise. */
  password?: string;
  /** Security profiles 2 and 3: the profile of slot 1, the roots it trusts, its client certificate. */
  security?: StationSecurityOptions;
  quirks?: string[];
  log?: (line: string) => void;
  /** Quirk late-response: how late GetVariables is answered (ms). Default 1500. */
  lateResponseMs?: number;
  /** HeartbeatInterval before the first boot answer sets it. Default 300. */
  heartbeatIntervalS?: number;
  /**
   * Tokens the bench knows (what the CSMS is expected to answer). The station itself authorizes with the
   * CSMS; these only serve the offline decisions (a token listed `accepted` counts as locally known).
   */
  idTokens?: IdTokenLists;
  vendor?: string;
  model?: string;
  /** OCPPCommCtrlr.MessageTimeout (s): how long a CALL waits for its answer. Default 30. */
  messageTimeoutS?: number;
  /** How a connector status change is reported (Part 2 G01 allows either). Default StatusNotification. */
  statusChangesVia?: 'StatusNotification' | 'NotifyEvent';
  /** Floor of the reconnect wait when RetryBackOffWaitMinimum is 0 (ms). Default 200. */
  reconnectDelayMs?: number;
  /** Wait before a BootNotification is retried after a failure (not a Pending/Rejected answer) (s). Default 5. */
  defaultBootRetryS?: number;
  /** Pause after a reconnection before the queued transaction messages go (ms). Default 300. */
  resumeDelayMs?: number;
  /** How long a reboot keeps the station off the network (ms). Default 100. */
  rebootMs?: number;
}

export type Registration = 'none' | 'Pending' | 'Accepted' | 'Rejected';

export type BootReason = 'ApplicationReset' | 'FirmwareUpdate' | 'LocalReset' | 'PowerUp' | 'RemoteReset' | 'ScheduledReset' | 'Triggered' | 'Unknown' | 'Watchdog';

export type ConnectorStatus = 'Available' | 'Occupied' | 'Reserved' | 'Unavailable' | 'Faulted';

export type ChargingState = 'Charging' | 'EVConnected' | 'SuspendedEV' | 'SuspendedEVSE' | 'Idle';

export const nowIso = (): string => new Date().toISOString();
