// Who a station is to the CSMS after its BootNotification (B01–B03): which status its next boot gets,
// what it may send while Pending or Rejected, and what the CSMS may send it meanwhile.

export type BootStatus201 = 'Accepted' | 'Pending' | 'Rejected';

/** Requests a CSMS may send a Pending station (B02.FR.01: B05–B08; TriggerMessage as in TC_B_31). */
const ALLOWED_WHILE_PENDING = new Set(['GetVariables', 'SetVariables', 'GetBaseReport', 'GetReport', 'TriggerMessage']);

/** The CALL a TriggerMessage requestedMessage asks the station for. */
const TRIGGERED_ACTION: Record<string, string> = {
  SignChargingStationCertificate: 'SignCertificate',
  SignV2GCertificate: 'SignCertificate',
  SignCombinedCertificate: 'SignCertificate',
};

interface StationRegistration {
  /** What its last BootNotification was answered; undefined before its first boot. */
  status?: BootStatus201;
  /** What its next BootNotification gets, once; afterwards Accepted. */
  next?: BootStatus201;
  /** CALLs it may send while not Accepted because the CSMS asked for them (B02.FR.09). */
  triggered: Set<string>;
}

export class Registrations {
  private readonly stations = new Map<string, StationRegistration>();
  /** What the first boot of a station not configured otherwise gets. */
  private firstBoot: BootStatus201;

  constructor(firstBoot: BootStatus201 = 'Accepted') {
    this.firstBoot = firstBoot;
  }

  private of(identity: string): StationRegistration {
    let r = this.stations.get(identity);
    if (!r) {
      r = { next: this.firstBoot, triggered: new Set() };
      this.stations.set(identity, r);
    }
    return r;
  }

  /** The status the next boot of `identity` gets (or of every station not seen yet, without identity). */
  setNextBoot(status: BootStatus201, identity?: string): void {
    if (identity === undefined) {
      this.firstBoot = status;
      for (const r of this.stations.values()) r.next = status;
      return;
    }
    this.of(identity).next = status;
  }

  /** Answer a boot: the configured status once, then Accepted (unless `stayPending`). */
  boot(identity: string, stayPending = false): BootStatus201 {
    const r = this.of(identity);
    const wasPending = r.status === 'Pending';
    const status = r.next ?? (stayPending && wasPending ? 'Pending' : 'Accepted');
    r.next = undefined;
    r.status = status;
    r.triggered.clear();
    return status;
  }

  status(identity: string): BootStatus201 | undefined {
    return this.stations.get(identity)?.status;
  }

  /** May the station send `action` now (B02.FR.09, B03.FR.07)? Before any boot: yes. */
  mayStationSend(identity: string, action: string): boolean {
    const r = this.stations.get(identity);
    if (action === 'BootNotification' || !r || r.status === undefined || r.status === 'Accepted') return true;
    return r.status === 'Pending' && r.triggered.has(action);
  }

  /** Why the CSMS must not send `action` now, if it must not (B02.FR.01, B03.FR.03). */
  whyNotSend(identity: string, action: string, payload: Record<string, unknown>): string | undefined {
    const status = this.stations.get(identity)?.status;
    if (status === 'Pending' && !ALLOWED_WHILE_PENDING.has(action)) return `station '${identity}' is Pending: only ${[...ALLOWED_WHILE_PENDING].join(', ')} may be sent (B02.FR.01)`;
    // The one exception: TC_B_31 lets a Rejected station be triggered to boot again.
    if (status === 'Rejected' && !(action === 'TriggerMessage' && payload.requestedMessage === 'BootNotification')) {
      return `station '${identity}' is Rejected: the CSMS initiates no messages (B03.FR.03)`;
    }
    return undefined;
  }

  /** The CSMS sent `action`: note what the station may send in return while not Accepted. */
  sent(identity: string, action: string, payload: Record<string, unknown>): void {
    const r = this.stations.get(identity);
    if (!r) return;
    if (action === 'GetBaseReport' || action === 'GetReport') r.triggered.add('NotifyReport');
    if (action === 'TriggerMessage' && typeof payload.requestedMessage === 'string') {
      r.triggered.add(TRIGGERED_ACTION[payload.requestedMessage] ?? payload.requestedMessage);
    }
  }
}
