// Reset, reboot and power failure (OCPP 1.6 §5.14, errata 3.36; §4.2, §4.10; TC_032/TC_034).
// - Reset Soft or Hard: Accepted; ongoing transactions are stopped first (reason SoftReset/HardReset;
//   StopTransaction queued when it cannot be delivered), then the charge point reboots.
// - reboot (control): the same with reason Reboot.
// - powerFailure (control): the power goes without warning. By default the transactions simply end
//   there; after the power is back and the boot accepted, the charge point reports them Finishing and
//   sends StopTransaction with reason PowerLoss, the meter value and the time of the failure.
//   With `stopTransactions: 'beforeDown'` it has just enough power (a UPS) to stop them first
//   (StopTransaction reason PowerLoss, Finishing) before going down.
// What a reboot or power failure keeps: configuration, availability (Unavailable persists), the local
// list, the authorization cache, reservations, charging profiles and queued transaction messages.

import { str } from '../../../../peers/peer-util.js';
import type { Connectors } from './connectors.js';
import type { CpCore } from './core.js';
import type { Metering } from './metering.js';
import type { Transactions } from './transactions.js';

export type RebootReason = 'Reboot' | 'HardReset' | 'SoftReset';

export class Power {
  private busy = false;

  constructor(
    private readonly core: CpCore,
    private readonly connectors: Connectors,
    private readonly tx: Transactions,
    private readonly metering: Metering,
    private readonly powerOffMs: number,
  ) {
    core.handle('Reset', (p) => {
      const reason: RebootReason = str(p.type) === 'Hard' ? 'HardReset' : 'SoftReset';
      if (core.quirks.has('reset-accepted-not-executed')) {
        core.log('quirk reset-accepted-not-executed: not resetting');
        return { status: 'Accepted' };
      }
      core.later('reset', () => this.reboot(reason));
      return { status: 'Accepted' };
    });
    // After the boot that follows a power failure: the interrupted transactions are stopped.
    core.hooks.bootAccepted.push(() => tx.stopInterrupted());
  }

  get powered(): boolean {
    return this.core.powered;
  }

  async reboot(reason: RebootReason): Promise<void> {
    if (this.busy || this.core.stopped) return;
    this.busy = true;
    try {
      this.core.log(`rebooting (${reason})`);
      if (reason === 'HardReset' && this.core.quirks.has('hard-reset-stops-after-boot')) {
        // Errata 3.36: a hard reset need not stop gracefully; the StopTransaction follows the accepted boot.
        this.tx.interruptAll('HardReset');
      } else {
        const running = this.connectors.all().some((c) => c.tx);
        const stops = this.tx.stopAll(reason);
        if (running && this.core.isOnline()) await this.core.timers.within(stops, 3000);
      }
      if (this.core.stopped) return;
      if (reason === 'SoftReset' && this.core.quirks.has('soft-reset-without-reboot')) {
        // Errata 3.36: the application restarts; this one keeps its connection and sends no BootNotification.
        this.core.log('soft reset: application restarted, connection kept');
        return;
      }
      await this.core.restart(50);
      this.tx.forgetVolatile(); // cold boot: everything volatile goes (reported after the boot)
      this.connectors.firmwareInstalling = false;
      this.connectors.refreshAll();
    } finally {
      this.busy = false;
    }
  }

  /** Loss of power; back after `offMs`. */
  async powerFailure(stopTransactions: 'afterBoot' | 'beforeDown', offMs = this.powerOffMs): Promise<void> {
    if (this.busy || this.core.stopped) return;
    this.busy = true;
    try {
      this.core.log(`power failure (transactions stopped ${stopTransactions === 'beforeDown' ? 'before going down' : 'after the boot'})`);
      if (stopTransactions === 'beforeDown') {
        const running = this.connectors.all().some((c) => c.tx);
        const stops = this.tx.stopAll('PowerLoss');
        if (running && this.core.isOnline()) await this.core.timers.within(stops, 3000);
      } else {
        this.tx.interruptAll();
      }
      if (this.core.stopped) return;
      this.core.powerDown();
      this.metering.stopAll();
      this.tx.forgetVolatile();
      this.connectors.firmwareInstalling = false;
      this.connectors.refreshAll();
      await this.core.timers.sleep(offMs);
      if (this.core.stopped) return;
      this.core.log('power is back');
      this.core.powerUp();
      this.metering.startAligned();
    } finally {
      this.busy = false;
    }
  }
}
