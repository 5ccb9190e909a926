// CSMS requests about transactions and messages (F01–F06, E14, P01): RequestStart/StopTransaction,
// GetTransactionStatus, TriggerMessage, UnlockConnector, ClearCache and DataTransfer (and, for the
// triggered LogStatusNotification, the GetLog uploads of logs.ts).

import { asRecord, int, str } from '../../../../peers/peer-util.js';
import type { StationCore } from './core.js';
import type { Evses } from './evses.js';
import { LogUploads } from './logs.js';
import { meterValue } from './metering.js';
import type { Transactions } from './transactions.js';
import type { Payload } from './types.js';

/** The one vendor this station knows in DataTransfer, and its messages. */
export const DATA_TRANSFER_VENDOR = 'org.ocpp-harness';

export class RemoteControl {
  private readonly logs: LogUploads;

  constructor(private readonly core: StationCore, private readonly evses: Evses, private readonly tx: Transactions) {
    this.logs = new LogUploads(core);
    core.handle('RequestStartTransaction', (p) => tx.requestStart(p));
    core.handle('RequestStopTransaction', (p) => tx.requestStop(p));
    core.handle('GetTransactionStatus', (p) => tx.transactionStatus(p));
    core.handle('TriggerMessage', (p) => this.trigger(p));
    core.handle('UnlockConnector', (p) => this.unlock(p));
    core.handle('ClearCache', () => {
      tx.clearCache();
      return { status: 'Accepted' };
    });
    core.handle('DataTransfer', (p) => this.dataTransfer(p));
  }

  /** F06: the station sends the requested message after its answer. */
  private trigger(p: Payload): Payload {
    const what = str(p.requestedMessage);
    const evseId = int(asRecord(p.evse).id);
    const evse = evseId !== undefined ? this.evses.get(evseId) : undefined;
    // F06.FR.03: an evse not relevant to the message is ignored (Heartbeat, BootNotification, status notifications).
    const evseRelevant = what === 'StatusNotification' || what === 'MeterValues' || what === 'TransactionEvent';
    if (evseRelevant && evseId !== undefined && !evse) return { status: 'Rejected' };
    const targets = evse ? [evse] : this.evses.list;
    const q = this.core.quirks;
    // Quirk trigger-accepted-not-sent: every Accepted below is kept, the message is not.
    const send = (fn: () => unknown): void => {
      if (!q.has('trigger-accepted-not-sent')) this.core.later(fn);
    };
    const context = q.has('triggered-readings-periodic') ? 'Sample.Periodic' : 'Trigger';
    switch (what) {
      case 'BootNotification':
        // F06.FR.17: not once the boot is accepted.
        if (this.core.registration === 'Accepted' && !q.has('trigger-boot-after-accepted')) return { status: 'Rejected' };
        this.core.later(() => this.core.boot(undefined, 'Triggered'));
        return { status: 'Accepted' };
      case 'Heartbeat':
        send(() => this.core.enqueue('Heartbeat', {}));
        return { status: 'Accepted' };
      case 'StatusNotification':
        if (!evse || asRecord(p.evse).connectorId === undefined) return { status: 'Rejected' };
        send(() => this.evses.send(evse));
        return { status: 'Accepted' };
      case 'MeterValues':
        send(() => {
          for (const e of targets) {
            void this.core.enqueue('MeterValues', { evseId: e.id, meterValue: [meterValue(e, this.core.dm.list('AlignedDataCtrlr', 'Measurands'), context)] });
          }
        });
        return { status: 'Accepted' };
      case 'TransactionEvent': {
        const withTx = targets.filter((e) => this.tx.txOf(e));
        if (withTx.length === 0) return { status: 'Rejected' };
        send(() => withTx.forEach((e) => this.tx.trigger(e, context)));
        return { status: 'Accepted' };
      }
      // Uploading while a GetLog upload is under way, else Idle (F06.FR.14, F06.FR.15).
      case 'LogStatusNotification':
        send(() => this.core.enqueue('LogStatusNotification', this.logs.status));
        return { status: 'Accepted' };
      // This station installs no firmware: always Idle (F06.FR.16).
      case 'FirmwareStatusNotification':
        send(() => this.core.enqueue('FirmwareStatusNotification', { status: 'Idle' }));
        return { status: 'Accepted' };
      default:
        // F06.FR.08.
        return { status: q.has('trigger-unknown-rejected') ? 'Rejected' : 'NotImplemented' };
    }
  }

  /** F05: a station with a connector lock on every (one-connector) EVSE; it has no transaction to break off. */
  private unlock(p: Payload): Payload {
    const e = this.evses.get(int(p.evseId));
    const q = this.core.quirks;
    if (q.has('unlock-connector-always-unlocked')) return { status: 'Unlocked' };
    if (!e || int(p.connectorId) !== 1) return { status: 'UnknownConnector' };
    if (this.tx.txOf(e)) return { status: 'OngoingAuthorizedTransaction' };
    // F05.FR.06: the unlock is attempted with or without a cable.
    if (!e.cablePlugged && q.has('unlock-connector-needs-cable')) return { status: 'UnlockFailed' };
    return { status: 'Unlocked' };
  }

  /** P01: only our own vendor id is known; an unknown one answers UnknownVendorId (P01.FR.06). */
  private dataTransfer(p: Payload): Payload {
    const vendorId = str(p.vendorId);
    if (vendorId !== DATA_TRANSFER_VENDOR) {
      return { status: this.core.quirks.has('data-transfer-accepts-unknown-vendor') ? 'Accepted' : 'UnknownVendorId' };
    }
    if (str(p.messageId) !== 'echo') return { status: 'UnknownMessageId' };
    return p.data === undefined ? { status: 'Accepted' } : { status: 'Accepted', data: p.data };
  }
}
