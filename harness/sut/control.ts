// Stimuli the harness cannot cause over OCPP (plug a cable, present a card, make the CSMS send a
// request). One interface, four ways to deliver: manual prompt, HTTP, shell command, built-in peer.

export type StimulusOutcome =
  /** The action was carried out (or the operator confirmed it). */
  | { outcome: 'done'; detail?: string }
  /** The control cannot do this action: the case becomes NOT_APPLICABLE and names the action. */
  | { outcome: 'unsupported'; detail: string; /** The operator chose to skip it (manual control). */ by?: 'operator' }
  /** The control tried and failed, or timed out: the case becomes INCONCLUSIVE. */
  | { outcome: 'failed'; detail: string }
  | { outcome: 'timeout'; detail: string };

export interface StimulusContext {
  identity: string;
  ocpp: string;
  /** Cancelled when the case is aborted (Ctrl-C, case timeout). */
  signal?: AbortSignal;
  /** The case and step asking (shown in operator prompts). */
  caseId?: string;
  step?: string;
}

export interface SutControl {
  readonly kind: 'manual' | 'http' | 'command' | 'builtin';
  /**
   * Perform an action. Charge point SUT actions: reboot, plugIn {connectorId}, unplug {connectorId},
   * unplugEvSide {connectorId} (the cable out of the EV, still in the charge point),
   * presentIdTag {connectorId, idTag}, fault {connectorId, errorCode}, clearFault {connectorId},
   * evSuspend / evResume {connectorId}, lockFailure {connectorId}, unlockFailure {connectorId},
   * networkDown, networkUp, powerFailure. CSMS SUT actions: the OCPP request the CSMS must send, by
   * name, with its payload fields (RemoteStartTransaction {connectorId, idTag}, …). For a CSMS the
   * action is done once the request has been asked for; the harness observes the request itself.
   */
  perform(action: string, params: Record<string, unknown>, ctx: StimulusContext): Promise<StimulusOutcome>;
  /**
   * The actions this control can perform, when it can tell (http: `GET {url}/actions`; command: its
   * commands; built-in: the peer's vocabulary). Undefined: unknown (manual — an operator can try anything).
   * A case needing an action not listed is NOT_APPLICABLE before it sends anything.
   */
  supportedActions?(): Promise<readonly string[] | undefined>;
  close(): Promise<void>;
}
