// Registration of each charging station: what the next BootNotification is answered, and which CALLs a
// station that is not (yet) Accepted may send (OCPP 2.0.1 Part 2 B01.FR.10, B02.FR.09, B03.FR.07).

export type RegistrationStatus = 'Accepted' | 'Pending' | 'Rejected';

/** TriggerMessage's requestedMessage → the CALL the station then sends (MessageTriggerEnumType). */
const TRIGGERED_ACTION: Record<string, string> = {
  BootNotification: 'BootNotification', LogStatusNotification: 'LogStatusNotification',
  FirmwareStatusNotification: 'FirmwareStatusNotification', Heartbeat: 'Heartbeat', MeterValues: 'MeterValues',
  SignChargingStationCertificate: 'SignCertificate', SignV2GCertificate: 'SignCertificate',
  StatusNotification: 'StatusNotification', TransactionEvent: 'TransactionEvent',
  SignCombinedCertificate: 'SignCertificate', PublishFirmwareStatusNotification: 'PublishFirmwareStatusNotification',
};

export class BootGate {
  /** Operator setting (Part 5 AQ-1): answer this station's next boot with this status instead of Accepted. */
  private readonly nextBoot = new Map<string, RegistrationStatus>();
  private readonly status = new Map<string, RegistrationStatus>();
  /** CALLs a not-accepted station may still send because we asked for them (TriggerMessage, Get(Base)Report). */
  private readonly invited = new Map<string, Set<string>>();

  constructor(private readonly enforce: boolean) {}

  setNextBoot(identity: string | undefined, status: RegistrationStatus): void {
    this.nextBoot.set(identity ?? '*', status);
  }

  /** The status a BootNotification of `identity` gets now; a configured Pending/Rejected is used once. */
  answerBoot(identity: string): RegistrationStatus {
    const key = this.nextBoot.has(identity) ? identity : '*';
    const status = this.nextBoot.get(key) ?? 'Accepted';
    this.nextBoot.delete(key);
    this.status.set(identity, status);
    this.invited.delete(identity);
    return status;
  }

  statusOf(identity: string): RegistrationStatus | undefined {
    return this.status.get(identity);
  }

  /** We sent `action` to a station: remember what it may send back before being accepted. */
  noteOutgoing(identity: string, action: string, params: Record<string, unknown>): void {
    const set = this.invited.get(identity) ?? new Set<string>();
    if (action === 'TriggerMessage') {
      const triggered = TRIGGERED_ACTION[String(params.requestedMessage)];
      if (triggered) set.add(triggered);
    }
    if (action === 'GetBaseReport' || action === 'GetReport') set.add('NotifyReport');
    this.invited.set(identity, set);
  }

  /**
   * May this CALL of `identity` be processed? A station whose last boot was Pending may send only
   * BootNotification and what we invited; a Rejected one only BootNotification. A station that never
   * booted on this CSMS (reconnected after our restart) is treated as accepted.
   */
  admits(identity: string, action: string): boolean {
    if (!this.enforce || action === 'BootNotification') return true;
    const status = this.status.get(identity);
    if (status === undefined || status === 'Accepted') return true;
    if (status === 'Rejected') return false;
    return this.invited.get(identity)?.has(action) ?? false;
  }
}
