// Remote Trigger (OCPP 1.6 §5.17): TriggerMessage for every MessageTrigger. The answer goes first,
// the requested message right after it (sent at once, outside the queue, so that it also goes out
// while the registration is Pending). Rejected for an unknown connector; connectorId is ignored where
// it does not matter; StatusNotification and MeterValues without connectorId cover every connector.
// Also DataTransfer (§5.6): vendorId "ocpp-harness" with messageId "echo" is Accepted and echoes
// the data; another messageId of that vendor is UnknownMessageId; any other vendor UnknownVendorId.

import { str, int } from '../../../../peers/peer-util.js';
import type { Connectors } from './connectors.js';
import type { CpCore, Session } from './core.js';
import type { Metering } from './metering.js';

export const OWN_VENDOR_ID = 'ocpp-harness';

export interface TriggerSources {
  firmwareStatus(): string;
  diagnosticsStatus(): string;
}

export class Trigger {
  constructor(
    private readonly core: CpCore,
    private readonly connectors: Connectors,
    private readonly metering: Metering,
    private readonly sources: TriggerSources,
    supported: boolean,
  ) {
    core.handle('DataTransfer', (p) => {
      if (str(p.vendorId) !== OWN_VENDOR_ID) {
        if (core.quirks.has('data-transfer-accepts-unknown-vendor')) return { status: 'Accepted' };
        return { status: core.quirks.has('data-transfer-rejects-unknown-vendor') ? 'Rejected' : 'UnknownVendorId' };
      }
      if (str(p.messageId) !== 'echo') return { status: 'UnknownMessageId' };
      return p.data === undefined ? { status: 'Accepted' } : { status: 'Accepted', data: p.data };
    });
    if (!supported) return;
    core.handle('TriggerMessage', (p, _args, session) => ({ status: this.onTrigger(session, str(p.requestedMessage), int(p.connectorId)) }));
  }

  private onTrigger(session: Session, message: string | undefined, cid: number | undefined): string {
    if (cid !== undefined && cid !== 0 && !this.connectors.get(cid)) return 'Rejected';
    const send = (action: string, payload: () => Record<string, unknown>): void =>
      this.core.later(action, () => this.core.send(session, action, payload()));
    switch (message) {
      case 'BootNotification':
        this.core.later('BootNotification', () => this.core.boot(session));
        return 'Accepted';
      case 'Heartbeat':
        send('Heartbeat', () => ({}));
        return 'Accepted';
      case 'StatusNotification': {
        const ids = cid === undefined ? [0, ...this.connectors.map.keys()] : [cid];
        this.core.later('StatusNotification', async () => {
          for (const id of ids) await this.core.send(session, 'StatusNotification', this.connectors.statusPayload(id));
        });
        return 'Accepted';
      }
      case 'MeterValues': {
        const targets = cid === undefined ? this.connectors.all() : cid === 0 ? [undefined] : [this.connectors.get(cid)];
        this.core.later('MeterValues', async () => {
          for (const c of targets) await this.core.send(session, 'MeterValues', this.metering.triggered(c));
        });
        return 'Accepted';
      }
      case 'FirmwareStatusNotification':
        send('FirmwareStatusNotification', () => ({ status: this.sources.firmwareStatus() }));
        return 'Accepted';
      case 'DiagnosticsStatusNotification':
        send('DiagnosticsStatusNotification', () => ({ status: this.sources.diagnosticsStatus() }));
        return 'Accepted';
      default:
        return 'NotImplemented';
    }
  }
}
