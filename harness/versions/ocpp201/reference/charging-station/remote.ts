// CSMS requests about transactions and messages (F01–F06, E14, P01): RequestStart/StopTransaction,
// GetTransactionStatus, TriggerMessage, UnlockConnector, ClearCache and DataTransfer.

import { asRecord, int, str } from '../../../../peers/peer-util.js';
import type { StationCore } from './core.js';
import type { Evses } from './evses.js';
import { meterValue } from './metering.js';
import type { Transactions } from './transactions.js';
import type { Payload } from './types.js';

/** The one vendor this station knows in DataTransfer, and its messages. */
export const DATA_TRANSFER_VENDOR = 'org.ocpp-harness';

export class RemoteControl {
  constructor(private readonly core: StationCore, private readonly evses: Evses, private readonly tx: Transactions) {
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
    if (evseId !== undefined && !evse) return { status: 'Rejected' };
    const targets = evse ? [evse] : this.evses.list;
    switch (what) {
      case 'BootNotification':
        // F06.FR.17: not once the boot is accepted.
        if (this.core.registration === 'Accepted') return { status: 'Rejected' };
        this.core.later(() => this.core.boot(undefined, 'Triggered'));
        return { status: 'Accepted' };
      case 'Heartbeat':
        this.core.later(() => this.core.enqueue('Heartbeat', {}));
        return { status: 'Accepted' };
      case 'StatusNotification':
        if (!evse || asRecord(p.evse).connectorId === undefined) return { status: 'Rejected' };
        this.core.later(() => this.evses.send(evse));
        return { status: 'Accepted' };
      case 'MeterValues':
        this.core.later(() => {
          for (const e of targets) {
            void this.core.enqueue('MeterValues', { evseId: e.id, meterValue: [meterValue(e, this.core.dm.list('AlignedDataCtrlr', 'Measurands'), 'Trigger')] });
          }
        });
        return { status: 'Accepted' };
      case 'TransactionEvent': {
        const withTx = targets.filter((e) => this.tx.txOf(e));
        if (withTx.length === 0) return { status: 'Rejected' };
        this.core.later(() => withTx.forEach((e) => this.tx.trigger(e)));
        return { status: 'Accepted' };
      }
      default:
        return { status: 'NotImplemented' };
    }
  }

  private unlock(p: Payload): Payload {
    const e = this.evses.get(int(p.evseId));
    if (!e || int(p.connectorId) !== 1) return { status: 'UnknownConnector' };
    if (this.tx.txOf(e)) return { status: 'OngoingAuthorizedTransaction' };
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
