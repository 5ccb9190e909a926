// What the Core cases with the charge point under test share for starting a transaction remotely and
// for taking the harness CSMS offline and back (OCPP 1.6 §5.11, §4.8, §4.9; §3.7 transaction-related
// messages). Not a case (discovery only loads files named TC_… / X…).
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import type { KeyChange } from './cs-steps.js';
import { beforeKey, inspectKey } from './cs-table-states.js';

/**
 * RemoteStartTransaction for a plugged-in connector (Accepted), the StartTransaction it leads to (with
 * that idTag and connector; the harness accepts it) and Charging (§5.11, §4.8, §4.9 B3). Returns the
 * transactionId the harness assigned and the seq of the RemoteStartTransaction.req.
 */
export async function remoteStartCharging(cp: CaseLink, connectorId: number, idTag: string): Promise<{ transactionId: number; from: number }> {
  const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
    expect: { status: 'Accepted' },
    requirement: 'OCPP 1.6 §5.11: a free, plugged-in connector and a valid idTag: RemoteStartTransaction Accepted',
  });
  const from = res.call.seq;
  const start = await cp.expectCall('StartTransaction', {
    after: from,
    match: { idTag, connectorId },
    requirement: 'OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
  });
  const transactionId = (await cp.answerOf(start)).transactionId as number;
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: from,
    match: { status: 'Charging' },
    requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
  });
  return { transactionId, from };
}

/** The harness CSMS goes offline (closes the connection, refuses reconnects). Returns the wall-clock time. */
export async function goOffline(csms: ChargePointSutContext['csms']): Promise<string> {
  const at = new Date().toISOString();
  await csms.goOffline();
  return at;
}

/**
 * The harness CSMS is reachable again: the charge point's next connection, and the wall-clock time the
 * harness came back. A lost connection is no reboot: the charge point stays registered whether or not
 * it sends BootNotification again (§4.2), so the connection counts as accepted either way.
 */
export async function backOnline(csms: ChargePointSutContext['csms']): Promise<{ cp: CaseLink; onlineAt: string }> {
  const next = csms.nextConnection(); // waiting before the harness accepts, so the connection cannot be missed
  const onlineAt = new Date().toISOString();
  csms.goOnline();
  const cp = await next;
  cp.link.state.bootStatus ??= 'Accepted';
  return { cp, onlineAt };
}

/** `iso` moved by `ms` milliseconds (a bound for a `notBefore` / `notAfter` matcher). */
export function shift(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/**
 * The Before configuration state of the offline-start tables (OCTT Tables 40, 44): LocalAuthorizeOffline
 * true; LocalAuthListEnabled, AuthorizationCacheEnabled and AllowOfflineTxForUnknownId true when the
 * charge point has them. Returns the changes to undo.
 */
export async function offlineAuthorizationKeys(
  t: Pick<ChargePointSutContext, 'notApplicable'>, cp: CaseLink,
): Promise<(KeyChange | undefined)[]> {
  // Tables 40/44 prerequisite: offline transactions through the local list, the cache or unknown ids.
  // A charger that reports none of the three means cannot meet it: NOT_APPLICABLE, not a FAIL.
  const means = ['LocalAuthListEnabled', 'AuthorizationCacheEnabled', 'AllowOfflineTxForUnknownId'];
  const present = [];
  for (const key of means) if (await inspectKey(cp, key)) present.push(key);
  if (present.length === 0) {
    return t.notApplicable(`the table's prerequisite is offline authorization through the local list, the cache or unknown ids; the charge point reports none of ${means.join(', ')}`);
  }
  return [
    await beforeKey(t, cp, 'LocalAuthorizeOffline', 'true'),
    await beforeKey(t, cp, 'LocalAuthListEnabled', 'true', { optional: true }),
    await beforeKey(t, cp, 'AuthorizationCacheEnabled', 'true', { optional: true }),
    await beforeKey(t, cp, 'AllowOfflineTxForUnknownId', 'true', { optional: true }),
  ];
}
