// Authorization of an idTag (OCPP 1.6 §3.5, §4.1): the Local Authorization List first, then the
// Authorization Cache, then Authorize.req — or, offline, the local rules:
// - online, LocalPreAuthorize true: an idTag Accepted in the list (or, when not in the list, in the
//   cache) is authorised at once, without Authorize.req; otherwise Authorize.req is sent;
// - offline (or Authorize.req unanswered): an idTag the list or cache holds as not valid is refused
//   (§3.5.4); one they hold as Accepted is authorised when LocalAuthorizeOffline is true; any other
//   idTag is authorised only when AllowOfflineTxForUnknownId is true.
// Every IdTagInfo received updates the cache; a status that contradicts the list is reported with a
// StatusNotification for connector 0, errorCode LocalListConflict (§3.5.2).

import { asRecord, str } from '../../../../peers/peer-util.js';
import type { AuthCache } from './auth-cache.js';
import type { Connectors } from './connectors.js';
import type { CpCore } from './core.js';
import type { LocalList } from './local-list.js';
import { nowIso, type IdTagInfo } from './types.js';

export interface AuthResult {
  accepted: boolean;
  status: string;
  parentIdTag?: string;
  /** Where the answer came from. */
  source: 'list' | 'cache' | 'csms' | 'offline';
}

export function idTagInfoOf(v: unknown): IdTagInfo | undefined {
  const r = asRecord(v);
  const status = str(r.status);
  if (!status) return undefined;
  const info: IdTagInfo = { status };
  if (str(r.expiryDate)) info.expiryDate = str(r.expiryDate);
  if (str(r.parentIdTag)) info.parentIdTag = str(r.parentIdTag);
  return info;
}

export class Authorizer {
  constructor(
    private readonly core: CpCore,
    private readonly list: LocalList,
    private readonly cache: AuthCache,
    private readonly connectors: Connectors,
  ) {
    cache.inLocalList = (idTag) => list.has(idTag);
  }

  /**
   * Authorise an idTag. `ask`: send Authorize.req when online even when a local entry would do (used
   * to learn the parentIdTag of a tag that stops someone else's transaction).
   */
  async authorize(idTag: string, opts: { ask?: boolean } = {}): Promise<AuthResult> {
    const cfg = this.core.config;
    const listed = this.list.lookup(idTag);
    const cached = listed ? undefined : this.cache.lookup(idTag);
    if (this.core.isOnline()) {
      if (!opts.ask && cfg.bool('LocalPreAuthorize')) {
        if (listed?.status === 'Accepted') return this.result(listed, 'list');
        if (cached?.status === 'Accepted') return this.result(cached, 'cache');
      }
      const res = await this.core.enqueue('Authorize', () => ({ idTag }));
      const info = idTagInfoOf(res?.idTagInfo);
      if (info) {
        this.received(idTag, info);
        const r = this.result(info, 'csms');
        if (!r.accepted) this.core.log(`idTag ${idTag} not authorised (${info.status})`);
        return r;
      }
      this.core.log(`Authorize for ${idTag} unanswered: offline rules apply`);
    }
    return this.offline(idTag, listed, cached);
  }

  /** The local knowledge about an idTag (list, then cache), without asking anyone. */
  local(idTag: string): IdTagInfo | undefined {
    return this.list.lookup(idTag) ?? this.cache.lookup(idTag);
  }

  /** An IdTagInfo arrived from the CSMS (Authorize, StartTransaction, StopTransaction). */
  received(idTag: string, info: IdTagInfo | undefined): void {
    if (!info) return;
    this.cache.update(idTag, info);
    const listed = this.list.lookup(idTag);
    if (listed && listed.status !== info.status) {
      this.core.log(`LocalListConflict for ${idTag}: list says ${listed.status}, CSMS says ${info.status}`);
      if (this.core.isOnline()) {
        const payload = { connectorId: 0, errorCode: 'LocalListConflict', status: this.connectors.cp0.status, timestamp: nowIso() };
        void this.core.enqueue('StatusNotification', () => payload);
      }
    }
  }

  private offline(idTag: string, listed: IdTagInfo | undefined, cached: IdTagInfo | undefined): AuthResult {
    const cfg = this.core.config;
    const known = listed ?? cached;
    const source = listed ? 'list' : 'cache';
    if (known && known.status !== 'Accepted') return this.result(known, source);
    if (known && cfg.bool('LocalAuthorizeOffline')) return this.result(known, source);
    if (cfg.bool('AllowOfflineTxForUnknownId')) {
      this.core.log(`idTag ${idTag} authorised offline (AllowOfflineTxForUnknownId)`);
      return { accepted: true, status: 'Accepted', source: 'offline' };
    }
    this.core.log(`idTag ${idTag} cannot be authorised offline`);
    return { accepted: false, status: 'Invalid', source: 'offline' };
  }

  private result(info: IdTagInfo, source: AuthResult['source']): AuthResult {
    return { accepted: info.status === 'Accepted', status: info.status, parentIdTag: info.parentIdTag, source };
  }
}
