// The Authorization Cache (OCPP 1.6 §3.5.1): every IdTagInfo received (Authorize, StartTransaction,
// StopTransaction) for an idTag that is not in the Local Authorization List, valid and not valid;
// expired entries become Expired; when full, not-valid entries go first, then the oldest valid ones.
// Kept across reboots and power failures (errata 3.4). ClearCache empties it (§5.4).

import type { CpCore } from './core.js';
import type { IdTagInfo } from './types.js';

const CAPACITY = 100;

export class AuthCache {
  private readonly entries = new Map<string, { info: IdTagInfo; at: number }>();
  /** Tells whether an idTag is in the Local Authorization List (such ids are never cached, §3.5.3). */
  inLocalList: (idTag: string) => boolean = () => false;

  constructor(private readonly core: CpCore) {
    core.handle('ClearCache', () => {
      this.entries.clear();
      this.core.log('authorization cache cleared');
      return { status: 'Accepted' };
    });
  }

  get enabled(): boolean {
    return this.core.config.bool('AuthorizationCacheEnabled');
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached IdTagInfo, with an expired validity turned into Expired; undefined when unknown or disabled. */
  lookup(idTag: string): IdTagInfo | undefined {
    if (!this.enabled) return undefined;
    const e = this.entries.get(idTag);
    if (!e) return undefined;
    if (e.info.status === 'Accepted' && e.info.expiryDate && Date.parse(e.info.expiryDate) <= Date.now()) {
      e.info = { ...e.info, status: 'Expired' };
    }
    return e.info;
  }

  update(idTag: string, info: IdTagInfo | undefined): void {
    if (!info || !this.enabled || this.inLocalList(idTag)) return;
    this.entries.delete(idTag);
    if (this.entries.size >= CAPACITY) this.evict();
    this.entries.set(idTag, { info, at: Date.now() });
  }

  private evict(): void {
    const notValid = [...this.entries].filter(([, e]) => e.info.status !== 'Accepted');
    const victim = (notValid[0] ?? [...this.entries][0])?.[0];
    if (victim !== undefined) this.entries.delete(victim);
  }
}
