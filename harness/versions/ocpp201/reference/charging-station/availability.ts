// Reset (B11/B12, per station and per EVSE), ChangeAvailability (G03–G05), and the bench's reboot and
// power failure. A reboot ends running transactions first, sends SecurityEventNotification after the
// next accepted boot, and keeps what is persistent (availability, queued transaction messages).

import { int, str } from '../../../../peers/peer-util.js';
import type { StationCore } from './core.js';
import type { Evse, Evses } from './evses.js';
import type { Transactions } from './transactions.js';
import { nowIso, type BootReason, type Payload } from './types.js';

export class Availability {
  /** Reset OnIdle waiting for the transactions to end: of the station (0) or of EVSEs. */
  private readonly scheduledResets = new Set<number>();
  /** Inoperative waiting for a transaction to end: EVSE ids (0: the station). */
  private readonly scheduledInoperative = new Set<number>();
  private securityEvent: 'StartupOfTheDevice' | 'ResetOrReboot' = 'StartupOfTheDevice';

  constructor(private readonly core: StationCore, private readonly evses: Evses, private readonly tx: Transactions, private readonly powerOffMs: number) {
    core.handle('Reset', (p) => this.reset(p));
    core.handle('ChangeAvailability', (p) => this.changeAvailability(p));
    core.hooks.bootAccepted.push(() => {
      void core.enqueue('SecurityEventNotification', { type: this.securityEvent, timestamp: nowIso() });
    });
    tx.onIdle.push((evseId) => this.transactionEnded(evseId));
  }

  // ---------------------------------------------------------------- Reset

  private reset(p: Payload): Payload {
    const type = str(p.type);
    const evseId = int(p.evseId);
    if (evseId !== undefined && evseId !== 0) {
      const e = this.evses.get(evseId);
      if (!e) return { status: 'Rejected' };
      return this.resetEvse(e, type === 'Immediate');
    }
    const busy = this.tx.ongoing.length > 0;
    if (type === 'Immediate') {
      this.core.later(() => this.rebootAfterStopping('RemoteReset', 'ImmediateReset'));
      return { status: 'Accepted' };
    }
    if (busy && !this.core.quirks.has('reset-on-idle-during-transaction')) {
      this.scheduledResets.add(0);
      return { status: 'Scheduled' };
    }
    this.core.later(() => this.rebootAfterStopping('RemoteReset', 'ImmediateReset'));
    return { status: 'Accepted' };
  }

  /** B11.FR.08/B12.FR.07/08: an EVSE resets on its own (its transaction ends first when Immediate). */
  private resetEvse(e: Evse, immediate: boolean): Payload {
    if (this.tx.txOf(e)) {
      if (!immediate) {
        this.scheduledResets.add(e.id);
        return { status: 'Scheduled' };
      }
      this.core.later(() => {
        this.tx.stopAll('ResetCommand', 'ImmediateReset', e.id);
        this.core.log(`EVSE ${e.id} reset`);
      });
      return { status: 'Accepted' };
    }
    this.core.log(`EVSE ${e.id} reset`);
    return { status: 'Accepted' };
  }

  private async rebootAfterStopping(reason: BootReason, stoppedReason: string): Promise<void> {
    // An Immediate reset overtakes a scheduled one.
    this.scheduledResets.clear();
    if (!this.core.quirks.has('immediate-reset-without-ended')) this.tx.stopAll('ResetCommand', stoppedReason);
    // Let the Ended events go before the connection closes (they stay queued if they cannot).
    await this.core.timers.sleep(100);
    await this.reboot(reason);
  }

  /** The station reboots: its connection closes, it comes back with BootNotification(reason). */
  async reboot(reason: BootReason): Promise<void> {
    this.securityEvent = reason === 'PowerUp' ? 'StartupOfTheDevice' : 'ResetOrReboot';
    this.scheduledResets.clear();
    this.forgetAvailabilityIfQuirk();
    for (const e of this.evses.list) {
      e.reported = undefined;
      e.relayClosed = false;
    }
    await this.core.reboot(reason);
  }

  /** Quirk availability-not-persistent: a (re)boot brings every EVSE and the station back Operative. */
  private forgetAvailabilityIfQuirk(): void {
    if (!this.core.quirks.has('availability-not-persistent')) return;
    this.evses.stationOperative = true;
    this.scheduledInoperative.clear();
    for (const e of this.evses.list) e.operative = true;
  }

  /** The bench's reboot button: transactions end (Reboot), then a LocalReset boot. */
  async localReboot(): Promise<void> {
    this.tx.stopAll('AbnormalCondition', 'Reboot');
    await this.core.timers.sleep(100);
    await this.reboot('LocalReset');
  }

  /** Power fails: transactions end with PowerLoss (queued, sent after the boot), everything volatile goes. */
  async powerFailure(offMs = this.powerOffMs): Promise<void> {
    this.core.powerDown();
    this.tx.stopAll('AbnormalCondition', 'PowerLoss');
    this.securityEvent = 'StartupOfTheDevice';
    this.forgetAvailabilityIfQuirk();
    for (const e of this.evses.list) e.reported = undefined;
    await this.core.timers.sleep(offMs);
    this.core.powerUp();
  }

  private transactionEnded(evseId: number): void {
    if (this.scheduledResets.delete(evseId)) this.core.log(`EVSE ${evseId} reset (scheduled)`);
    const e = this.evses.get(evseId);
    if (e && this.scheduledInoperative.delete(evseId)) {
      e.operative = false;
      if (this.core.quirks.has('availability-change-not-reported')) this.evses.absorb(e);
      else this.core.later(() => this.evses.refresh(e));
    }
    if (this.tx.ongoing.length > 0) return;
    if (this.scheduledInoperative.delete(0)) {
      this.evses.stationOperative = false;
      if (this.core.quirks.has('availability-change-not-reported')) this.evses.list.forEach((x) => this.evses.absorb(x));
      else this.core.later(() => this.evses.refreshAll());
    }
    if (this.scheduledResets.delete(0)) this.core.later(() => this.reboot('ScheduledReset'), 200);
  }

  // ---------------------------------------------------------------- ChangeAvailability

  private changeAvailability(p: Payload): Payload {
    const operative = str(p.operationalStatus) === 'Operative';
    const evse = p.evse as { id?: number; connectorId?: number } | undefined;
    const evseId = evse?.id;
    const q = this.core.quirks;
    if (evseId === undefined || evseId === 0) {
      if (q.has('same-availability-rejected') && this.evses.stationOperative === operative) return { status: 'Rejected' };
      if (!operative && this.tx.ongoing.length > 0) {
        this.scheduledInoperative.add(0);
        return { status: q.has('availability-accepted-during-transaction') ? 'Accepted' : 'Scheduled' };
      }
      const unchanged = this.evses.stationOperative === operative;
      this.evses.stationOperative = operative;
      // Part 6 TC_G_13 step 3 wants every connector's state even when nothing changed: a station-wide
      // request is answered with the state of every connector (changed or not).
      if (q.has('availability-change-not-reported')) this.evses.list.forEach((x) => this.evses.absorb(x));
      else this.core.later(() => (unchanged ? this.evses.reportEvery() : this.evses.refreshAll()));
      return { status: 'Accepted' };
    }
    const e = this.evses.get(evseId);
    if (!e || (evse?.connectorId !== undefined && evse.connectorId !== 1)) return { status: 'Rejected' };
    if (q.has('same-availability-rejected') && e.operative === operative) return { status: 'Rejected' };
    if (!operative && this.tx.txOf(e)) {
      this.scheduledInoperative.add(e.id);
      return { status: q.has('availability-accepted-during-transaction') ? 'Accepted' : 'Scheduled' };
    }
    e.operative = operative;
    if (q.has('availability-change-not-reported')) this.evses.absorb(e);
    else this.core.later(() => this.evses.refresh(e));
    return { status: 'Accepted' };
  }
}
