// What the Local Authorization List cases with the charge point under test share: reading and setting
// the configuration keys a case depends on (and putting them back), GetLocalListVersion, SendLocalList,
// and emptying the list at the end. Not a case (discovery only loads files named TC_… / X…).
import type { HarnessConfig } from '../../../harness/config/types.js';
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';

type Ctx = Pick<ChargePointSutContext, 'note' | 'notApplicable'>;

export interface KeyState {
  key: string;
  /** Reported in configurationKey (false: in unknownKey, or not at all). */
  known: boolean;
  value?: string;
  readonly?: boolean;
}

/** A key the case changed: what to set it back to. */
export interface ChangedKey {
  key: string;
  original: string;
}

/** GetConfiguration of one key. */
export async function readKey(cp: CaseLink, key: string): Promise<KeyState> {
  const res = await cp.call('GetConfiguration', { key: [key] }, {
    octt: 'not-checked', // reading the Before state: no tool validation
    requirement: 'OCPP 1.6 §5.8: the charge point answers GetConfiguration with the keys it knows and their values',
  });
  const list = Array.isArray(res.payload.configurationKey) ? res.payload.configurationKey as Array<Record<string, unknown>> : [];
  const entry = list.find((k) => k.key === key);
  if (!entry) return { key, known: false };
  return { key, known: true, value: typeof entry.value === 'string' ? entry.value : undefined, readonly: entry.readonly === true };
}

/**
 * Give `key` the value `value` for this case: nothing when it has it already; otherwise
 * ChangeConfiguration. `required`: a required RW key of chapter 9 — anything but Accepted is a finding
 * (§5.3). Otherwise the key may be absent, read-only or refuse the value: the case cannot establish its
 * precondition and is NOT_APPLICABLE (`optional: true` only notes an absent key and goes on).
 * Returns the key to restore, or undefined when nothing changed.
 */
export async function setKey(
  t: Ctx, cp: CaseLink, key: string, value: string,
  opts: { required?: boolean; optional?: boolean; why: string },
): Promise<ChangedKey | undefined> {
  const state = await readKey(cp, key);
  if (!state.known) {
    if (opts.required) {
      // Reported as unknown: the ChangeConfiguration below says NotSupported, which is the finding.
    } else if (opts.optional) {
      t.note(`${key} is not implemented: nothing to set (${opts.why})`);
      return undefined;
    } else {
      t.notApplicable(`the charge point does not report ${key}, which the case needs ${value} (${opts.why})`);
    }
  }
  if (state.value === value) return undefined;
  if (state.known && state.readonly && !opts.required) {
    t.notApplicable(`${key} is read-only (${state.value ?? 'no value'}); the case needs ${value} (${opts.why})`);
  }
  const res = await cp.call('ChangeConfiguration', { key, value }, opts.required
    ? {
      expect: { status: 'Accepted' }, octt: 'not-checked',
      requirement: `OCPP 1.6 §5.3, §9: ${key} is a required read-write key; a valid value is Accepted (${opts.why})`,
    }
    : { octt: 'not-checked', requirement: 'OCPP 1.6 §5.3: the charge point answers ChangeConfiguration' });
  if (res.payload.status !== 'Accepted') {
    if (opts.required) throw new ExpectationUnmet(`${key} could not be set to ${value}: ${String(res.payload.status)}`);
    t.notApplicable(`${key} could not be set to ${value} (${String(res.payload.status)}); the case needs it (${opts.why})`);
  }
  return state.value === undefined ? undefined : { key, original: state.value };
}

/** Put the changed keys back, last changed first; each change is Accepted (§5.3). */
export async function restoreKeys(cp: CaseLink, changed: Array<ChangedKey | undefined>): Promise<void> {
  for (const c of [...changed].reverse()) {
    if (!c) continue;
    await cp.call('ChangeConfiguration', { key: c.key, value: c.original }, {
      expect: { status: 'Accepted' }, octt: 'not-checked',
      requirement: `OCPP 1.6 §5.3: setting ${c.key} back to the value the charge point reported is Accepted`,
    });
  }
}

/**
 * GetLocalListVersion; `expect` the version it must report (octt: 'not-checked' where the table does not
 * validate it). Without `expect` only a reading: OCTT not-checked. Returns the reported version.
 */
export async function localListVersion(cp: CaseLink, expect?: { listVersion: number; requirement: string; octt?: 'fails' | 'not-checked' }): Promise<number> {
  const res = await cp.call('GetLocalListVersion', {}, expect
    ? { expect: { listVersion: expect.listVersion }, requirement: expect.requirement, octt: expect.octt }
    : { octt: 'not-checked', requirement: 'OCPP 1.6 §5.10: the charge point SHALL answer GetLocalListVersion with the version of its Local Authorization List' });
  return typeof res.payload.listVersion === 'number' ? res.payload.listVersion : 0;
}

export interface ListEntry {
  idTag: string;
  /** Absent in a Differential update: remove the idTag. */
  status?: 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx';
}

/** SendLocalList.req with these entries (idTagInfo with the status, or none). */
export function sendLocalListPayload(listVersion: number, updateType: 'Full' | 'Differential', entries: ListEntry[]): Record<string, unknown> {
  const payload: Record<string, unknown> = { listVersion, updateType };
  if (entries.length) {
    payload.localAuthorizationList = entries.map((e) => (e.status ? { idTag: e.idTag, idTagInfo: { status: e.status } } : { idTag: e.idTag }));
  }
  return payload;
}

/** SendLocalList, expecting `status` (octt: 'not-checked' where the table does not validate it). */
export function sendLocalList(
  cp: CaseLink, listVersion: number, updateType: 'Full' | 'Differential', entries: ListEntry[],
  expect: { status: string; requirement: string; octt?: 'fails' | 'not-checked' },
) {
  return cp.call('SendLocalList', sendLocalListPayload(listVersion, updateType, entries), {
    expect: { status: expect.status }, requirement: expect.requirement, octt: expect.octt,
  });
}

/**
 * Leave no list behind: a Full update without entries (listVersion `nextVersion`, never 0 or -1,
 * errata 3.52) is Accepted, and the empty list reports version 0 (§5.10).
 */
export async function emptyList(cp: CaseLink, nextVersion: number): Promise<void> {
  await sendLocalList(cp, Math.max(1, nextVersion), 'Full', [], {
    status: 'Accepted', octt: 'not-checked', // clean-up
    requirement: 'OCPP 1.6 §5.15, §6.41: a Full update without localAuthorizationList removes every identifier; the charge point accepts it',
  });
  await localListVersion(cp, {
    listVersion: 0, octt: 'not-checked',
    requirement: 'OCPP 1.6 §5.10: version 0 SHALL indicate that the Local Authorization List is empty',
  });
}

/** Next version after `current` (a version is never 0 or -1, errata 3.52). */
export function nextVersion(current: number): number {
  return Math.max(0, current) + 1;
}

/** The configured id tags as list entries with their own status (the harness's CSMS answers them the same way). */
export function configuredEntries(cfg: HarnessConfig): Record<'accepted' | 'blocked' | 'expired' | 'invalid', ListEntry> {
  return {
    accepted: { idTag: cfg.idTags.accepted, status: 'Accepted' },
    blocked: { idTag: cfg.idTags.blocked, status: 'Blocked' },
    expired: { idTag: cfg.idTags.expired, status: 'Expired' },
    invalid: { idTag: cfg.idTags.invalid, status: 'Invalid' },
  };
}

export const LIST_ENABLED_WHY = 'OCPP 1.6 §9.2.1 LocalAuthListEnabled: whether the Local Authorization List is enabled';

/**
 * OCTT precondition "AuthorizationCacheEnabled is false (if implemented)": switch the cache off for the
 * case, so that an idTag can only be authorised from the list. Where the key is absent there is nothing
 * to do; where it cannot be switched off (read-only, refused), ClearCache (§5.4) empties the cache
 * instead. Returns the key to restore, or undefined.
 */
export async function cacheOff(t: Ctx, cp: CaseLink): Promise<ChangedKey | undefined> {
  const key = 'AuthorizationCacheEnabled';
  const state = await readKey(cp, key);
  if (!state.known) {
    t.note(`${key} is not implemented: no cache to switch off`);
    return undefined;
  }
  if (state.value === 'false') return undefined;
  if (!state.readonly) {
    const res = await cp.call('ChangeConfiguration', { key, value: 'false' }, { octt: 'not-checked', requirement: 'OCPP 1.6 §5.3: the charge point answers ChangeConfiguration' });
    if (res.payload.status === 'Accepted') return { key, original: state.value ?? 'true' };
  }
  t.note(`${key} cannot be switched off: ClearCache instead, so that the idTag cannot be authorised from the cache`);
  await cp.call('ClearCache', {}, { octt: 'not-checked', requirement: 'OCPP 1.6 §5.4: the charge point answers ClearCache' });
  return undefined;
}
