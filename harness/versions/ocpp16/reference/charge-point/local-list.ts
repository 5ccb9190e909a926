// The Local Authorization List (OCPP 1.6 §3.5.2, §5.10 GetLocalListVersion, §5.15 SendLocalList).
// Rules of this charge point:
// - GetLocalListVersion answers the version of the list, 0 when the list is empty (whatever version
//   the last update gave it), and -1 when the profile is not implemented (SendLocalList then answers
//   NotSupported) or LocalAuthListEnabled is false (the OCTT's TC_042_1_CS: "does not support the
//   profile or allows LocalAuthListEnabled=false" → -1).
// - SendLocalList answers NotSupported while LocalAuthListEnabled is false; Failed when the request
//   carries more entries than SendLocalListMaxLength or the resulting list would hold more than
//   LocalAuthListMaxLength, or a Full update has an entry without idTagInfo; VersionMismatch for a
//   Differential update whose listVersion is not higher than the current version. Nothing changes
//   unless the answer is Accepted.
// - The list is only changed by SendLocalList, and kept across reboots and power failures.

import { createRPCError } from '../../../../peers/ocpp-rpc.js';
import { int, str, asRecord } from '../../../../peers/peer-util.js';
import type { CpCore } from './core.js';
import type { IdTagInfo, Payload } from './types.js';

export class LocalList {
  private version = 0;
  private readonly entries = new Map<string, IdTagInfo>();

  constructor(private readonly core: CpCore, private readonly supported: boolean) {
    // Without the profile (or with the list disabled): version -1 (§5.10) and NotSupported (§6.42).
    // Quirk local-list-refusal-as-callerror (conforming, Tables 48 and 51): refuse with CALLERROR NotSupported.
    const refuseAsError = () => core.quirks.has('local-list-refusal-as-callerror') && !this.enabled;
    core.handle('GetLocalListVersion', () => {
      if (refuseAsError()) throw createRPCError('NotSupported', 'no Local Authorization List in use');
      return { listVersion: core.quirks.has('local-list-version-zero') ? 0 : this.reportedVersion };
    });
    core.handle('SendLocalList', (p) => {
      if (refuseAsError()) throw createRPCError('NotSupported', 'no Local Authorization List in use');
      return { status: supported ? this.sendLocalList(p) : 'NotSupported' };
    });
  }

  get enabled(): boolean {
    return this.supported && this.core.config.bool('LocalAuthListEnabled');
  }

  get reportedVersion(): number {
    if (!this.enabled) return -1;
    return this.entries.size === 0 ? 0 : this.version;
  }

  get size(): number {
    return this.entries.size;
  }

  has(idTag: string): boolean {
    return this.entries.has(idTag);
  }

  /** The list's IdTagInfo (an Accepted one past its expiryDate counts as Expired); undefined when absent or disabled. */
  lookup(idTag: string): IdTagInfo | undefined {
    if (!this.enabled) return undefined;
    const info = this.entries.get(idTag);
    if (info?.status === 'Accepted' && info.expiryDate && Date.parse(info.expiryDate) <= Date.now()) {
      return { ...info, status: 'Expired' };
    }
    return info;
  }

  private sendLocalList(p: Payload): 'Accepted' | 'Failed' | 'NotSupported' | 'VersionMismatch' {
    if (!this.core.config.bool('LocalAuthListEnabled')) return 'NotSupported';
    const listVersion = int(p.listVersion) ?? 0;
    const full = str(p.updateType) === 'Full';
    const items = Array.isArray(p.localAuthorizationList) ? p.localAuthorizationList.map(asRecord) : [];
    if (items.length > this.core.config.int('SendLocalListMaxLength')) return 'Failed';
    if (!full && listVersion <= this.version) return 'VersionMismatch';
    const next = full ? new Map<string, IdTagInfo>() : new Map(this.entries);
    for (const item of items) {
      const idTag = str(item.idTag)!;
      const raw = item.idTagInfo === undefined ? undefined : asRecord(item.idTagInfo);
      if (!raw) {
        if (full) return 'Failed'; // §7.1: idTagInfo is required in a Full update
        next.delete(idTag);
        continue;
      }
      const info: IdTagInfo = { status: str(raw.status) ?? 'Invalid' };
      if (str(raw.expiryDate)) info.expiryDate = str(raw.expiryDate);
      if (str(raw.parentIdTag)) info.parentIdTag = str(raw.parentIdTag);
      next.set(idTag, info);
    }
    if (next.size > this.core.config.int('LocalAuthListMaxLength')) return 'Failed';
    this.entries.clear();
    for (const [k, v] of next) this.entries.set(k, v);
    this.version = listVersion;
    this.core.log(`local list version ${listVersion} (${this.entries.size} entries, ${full ? 'full' : 'differential'})`);
    return 'Accepted';
  }
}
