// The OCTT tables' Before states as our cases establish them (OCTT 1.6 TCD 2024-04: "Configuration
// State(s)" and the reusable state Charging, Table 105). A configuration key is read and set only
// when it differs; a key the charge point lacks, keeps read-only or refuses to change makes the case
// NOT_APPLICABLE, never FAIL (the table cannot run on such a charger). Not a case (discovery only
// loads files named TC_… / X…).
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import { isTrue, type KeyChange } from './cs-steps.js';

type Sut = ChargePointSutContext['sut'];

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** What GetConfiguration says of one key: absent, or its value and read-only flag. */
export async function inspectKey(cp: CaseLink, key: string): Promise<{ value: string | undefined; readonly: boolean } | undefined> {
  const res = await cp.call('GetConfiguration', { key: [key] }, {
    requirement: `OCPP 1.6 §5.8: GetConfiguration is answered (the table's Before state reads ${key})`,
  });
  const list = Array.isArray(res.payload.configurationKey) ? res.payload.configurationKey as Array<Record<string, unknown>> : [];
  const entry = list.find((k) => k.key === key);
  if (!entry) return undefined;
  return { value: typeof entry.value === 'string' ? entry.value : undefined, readonly: entry.readonly === true };
}

/**
 * A Configuration State of the table: `key` is `value`. Read it; when it differs, ChangeConfiguration.
 * `optional` (the table's "(If implemented)"): a charge point without the key skips it. Otherwise a
 * missing, read-only or refused key makes the case NOT_APPLICABLE. Returns the change to undo.
 */
export async function beforeKey(
  t: Pick<ChargePointSutContext, 'notApplicable'>, cp: CaseLink, key: string, value: string, opts: { optional?: boolean } = {},
): Promise<KeyChange | undefined> {
  const found = await inspectKey(cp, key);
  if (!found) {
    if (opts.optional) return undefined;
    return t.notApplicable(`the table needs ${key} = ${value}, and the charge point does not report ${key}`);
  }
  if (found.value !== undefined && same(found.value, value)) return undefined;
  if (found.readonly) return t.notApplicable(`the table needs ${key} = ${value}; the charge point has it read-only at ${found.value ?? '(no value)'}`);
  const res = await cp.call('ChangeConfiguration', { key, value }, {
    requirement: `OCPP 1.6 §5.3: ChangeConfiguration is answered (the table's Before state ${key} = ${value})`,
  });
  if (res.payload.status !== 'Accepted') { // RebootRequired: not in effect for this case either
    return t.notApplicable(`the table needs ${key} = ${value}; the charge point answered ChangeConfiguration ${String(res.payload.status)}`);
  }
  return { key, value, original: found.value };
}

/**
 * Reusable state Charging (Table 105) in one step of ours: AuthorizeRemoteTxRequests read, cable
 * plugged in → Preparing, RemoteStartTransaction → Accepted, Authorize for the idTag when that key is
 * true, StartTransaction with the connector and idTag, Charging (StartTransaction and Charging in
 * either order, §1.2). Returns the transactionId the harness gave and the seq of the request.
 */
export async function reusableCharging(
  cp: CaseLink, sut: Sut, connectorId: number, idTag: string,
): Promise<{ transactionId: number; requested: number }> {
  const authorizeRemote = isTrue((await inspectKey(cp, 'AuthorizeRemoteTxRequests'))?.value);
  const plugged = cp.mark('plugging in');
  await sut.do('plugIn', { connectorId });
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: plugged,
    match: { status: 'Preparing' },
    requirement: 'OCTT Table 105 step 3; OCPP 1.6 §4.9 (A2): the cable plugged in makes the connector Preparing',
  });
  const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
    expect: { status: 'Accepted' },
    requirement: 'OCTT Table 105 step 6; OCPP 1.6 §5.11: a free, plugged-in connector and a valid idTag: RemoteStartTransaction Accepted',
  });
  const requested = res.call.seq;
  if (authorizeRemote) {
    await cp.expectCall('Authorize', {
      after: requested,
      match: { idTag },
      requirement: 'OCTT Table 105 step 9; OCPP 1.6 §5.11, §9.1.3: with AuthorizeRemoteTxRequests true the idTag of a remote start is authorised first (Authorize.req)',
    });
  }
  const start = await cp.expectCall('StartTransaction', {
    after: requested,
    match: { idTag, connectorId },
    requirement: 'OCTT Table 105 step 11; OCPP 1.6 §5.11: StartTransaction.req with the idTag and connector of RemoteStartTransaction.req (§4.8)',
  });
  const transactionId = (await cp.answerOf(start)).transactionId as number;
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: requested,
    match: { status: 'Charging' },
    requirement: 'OCTT Table 105 step 13; OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
  });
  return { transactionId, requested };
}

/**
 * The measurands a meter-value case judges (Tables 27 and 28 read MeterValuesSampledData /
 * MeterValuesAlignedData; empty means Energy.Active.Import.Register). Ours: when the key is writable
 * and lists other measurands than the declared ones (at most …MaxLength of them), the harness asks
 * for the declared ones, so that more than the default is put to the test; a refusal is no finding,
 * the charge point's own list is judged then. Returns the list and the change to undo.
 */
export async function measurandsToJudge(
  cp: CaseLink, key: 'MeterValuesSampledData' | 'MeterValuesAlignedData', declared: string[],
): Promise<{ measurands: string[]; change: KeyChange | undefined }> {
  const split = (v: string | undefined) => (v ?? '').split(',').map((m) => m.trim()).filter(Boolean);
  const found = await inspectKey(cp, key);
  const own = split(found?.value);
  const ownOrDefault = own.length ? own : ['Energy.Active.Import.Register'];
  if (!found || found.readonly || !declared.length) return { measurands: ownOrDefault, change: undefined };
  const max = Number((await inspectKey(cp, `${key}MaxLength`))?.value);
  const wanted = Number.isInteger(max) && max > 0 ? declared.slice(0, max) : declared;
  if (wanted.join(',') === own.join(',')) return { measurands: own, change: undefined };
  const res = await cp.call('ChangeConfiguration', { key, value: wanted.join(',') }, {
    requirement: `OCPP 1.6 §5.3: ChangeConfiguration is answered (ours: ${key} = the declared measurands)`,
  });
  if (res.payload.status !== 'Accepted') return { measurands: ownOrDefault, change: undefined };
  return { measurands: wanted, change: { key, value: wanted.join(','), original: found.value } };
}

// Clean-up after the table's last step: ours, so its checks say the OCTT does not make them.

/** Give every key the case changed its value back, the last change first. */
export async function restoreBefore(cp: CaseLink, changes: (KeyChange | undefined)[]): Promise<void> {
  for (const c of [...changes].reverse()) {
    if (!c || c.original === undefined) continue;
    await cp.call('ChangeConfiguration', { key: c.key, value: c.original }, {
      expect: { status: 'Accepted' }, octt: 'not-checked',
      requirement: `OCPP 1.6 §5.3: setting ${c.key} back to the value the charge point reported is Accepted`,
    });
  }
}

/** RemoteStopTransaction of the case's transaction, its StopTransaction (reason Remote) and Finishing. */
export async function cleanUpRemoteStop(cp: CaseLink, connectorId: number, transactionId: number): Promise<void> {
  const res = await cp.call('RemoteStopTransaction', { transactionId }, {
    expect: { status: 'Accepted' }, octt: 'not-checked',
    requirement: 'OCPP 1.6 §5.12: a RemoteStopTransaction for an ongoing transaction is Accepted',
  });
  await cp.expectCall('StopTransaction', {
    after: res.call.seq, match: { transactionId, reason: 'Remote' }, octt: 'not-checked',
    requirement: 'OCPP 1.6 §5.12, §4.10: StopTransaction.req for the transaction; §6.49, §7.36: reason may be omitted only when it is Local — a remote stop is Remote',
  });
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: res.call.seq, match: { status: 'Finishing' }, octt: 'not-checked',
    requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
  });
}

/** Unplug the cable at a connector without a transaction: Available (§4.9 F1 / B1). */
export async function cleanUpUnplug(cp: CaseLink, sut: Sut, connectorId: number): Promise<void> {
  const from = cp.mark('unplugging');
  await sut.do('unplug', { connectorId });
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: from, match: { status: 'Available' }, octt: 'not-checked',
    requirement: 'OCPP 1.6 §4.9 (F1, B1): the cable removed with no transaction left: Available',
  });
}
