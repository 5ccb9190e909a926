// ChangeAvailability (OCPP 1.6 §5.2): Accepted (also when already in the requested state),
// Scheduled when a transaction runs on a connector concerned (the change follows its end),
// Rejected for an unknown connector. Connector 0 concerns the charge point and every connector.
// The availability is persistent: it survives reboots and power failures (§4.9, §5.14).

import { int, str } from '../../../../peers/peer-util.js';
import type { Connectors } from './connectors.js';
import type { CpCore } from './core.js';
import type { Connector } from './types.js';

export class Availability {
  /** A connector became inoperative (its reservation ends, §5.13). */
  onInoperative: (c: Connector) => void = () => {};

  constructor(private readonly core: CpCore, private readonly connectors: Connectors) {
    core.handle('ChangeAvailability', (p) => ({ status: this.change(int(p.connectorId), str(p.type)) }));
  }

  private change(cid: number | undefined, type: string | undefined): 'Accepted' | 'Rejected' | 'Scheduled' {
    if (cid === undefined || (type !== 'Operative' && type !== 'Inoperative')) return 'Rejected';
    const targets = cid === 0 ? this.connectors.all() : [this.connectors.get(cid)].filter((c): c is Connector => !!c);
    if (targets.length === 0) return 'Rejected';
    let scheduled = false;
    if (type === 'Inoperative') {
      if (cid === 0) this.connectors.cp0.operative = false;
      for (const c of targets) {
        if (c.tx) {
          c.scheduledInoperative = true;
          scheduled = true;
          continue;
        }
        c.operative = false;
        c.pendingAuth = undefined;
        this.core.timers.cancel(c.connectionTimer);
        this.onInoperative(c);
      }
    } else {
      if (cid === 0) this.connectors.cp0.operative = true;
      for (const c of targets) {
        c.scheduledInoperative = false;
        c.operative = true;
      }
    }
    // Status changes go out after the answer.
    this.core.later('ChangeAvailability', () => this.connectors.refreshAll());
    return scheduled ? 'Scheduled' : 'Accepted';
  }
}
