// What the Reservation cases with the charge point under test share: the harness's answers for a
// second idTag (and a group), a reservation that outlives any case, keeping other connectors out of
// the way, and ending a transaction so that the charge point is left as found. Not a case (discovery
// only loads files named TC_… / X…).
import type { HarnessConfig } from '../../../harness/config/types.js';
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import { idTagStatus, transactionsOf } from '../../../harness/versions/ocpp16/roles/csms-defaults.js';
import { isTrue, readOptionalKey } from '../core/cs-steps.js';

export const RESERVE_NOW_ANSWERED = 'OCPP 1.6 §5.13, §6.38: upon receipt of ReserveNow.req the charge point SHALL respond with ReserveNow.conf';
export const RESERVED_STATUS = 'OCPP 1.6 §4.9 (A7), §7.7: a connector reserved by ReserveNow becomes Reserved and the charge point reports it';
export const CARRIES_RESERVATION = 'OCPP 1.6 §4.8, §5.13: a transaction that ends a reservation SHALL carry its reservationId in StartTransaction.req';

/**
 * An idTag of the configuration with a suffix: one the harness's default answers hold Invalid, which a
 * case then accepts explicitly (a second driver, or a second member of a group). At most 20 characters.
 */
export function derivedIdTag(cfg: HarnessConfig, suffix: string): string {
  const taken = new Set(Object.values(cfg.idTags));
  let tag = cfg.idTags.accepted.slice(0, 20 - suffix.length) + suffix;
  for (let n = 0; taken.has(tag); n++) tag = `${suffix}${n}`.slice(0, 20);
  return tag;
}

/**
 * An expiryDate that no case outlives (it ends its reservations itself): at least five minutes, and at
 * least twice the time an operator may take for an action.
 */
export function lastingExpiry(cfg: HarnessConfig): string {
  return new Date(Date.now() + Math.max(5 * 60_000, 2 * cfg.timeouts.operatorMs)).toISOString();
}

export interface GroupAnswers {
  /** Resolves when Authorize.req for idTag was answered, or after waitMs: the charge point has dealt with it. */
  settled(idTag: string, waitMs?: number): Promise<void>;
}

/**
 * For this case, answer Authorize, StartTransaction and StopTransaction so that the idTags in `accepted`
 * (besides cfg.idTags.accepted) are Accepted, each with `parentIdTag` when given (§3.10, §7.27); every
 * other idTag as the defaults would. Transaction ids come from `firstTransactionId` on.
 */
export function acceptIdTags(cp: CaseLink, cfg: HarnessConfig, accepted: string[], opts: { parentIdTag?: string; firstTransactionId: number }): GroupAnswers {
  const ours = new Set([cfg.idTags.accepted, ...accepted]);
  const info = (idTag: unknown) => ours.has(idTag as string)
    ? { status: 'Accepted', ...(opts.parentIdTag ? { parentIdTag: opts.parentIdTag } : {}) }
    : { status: idTagStatus(cfg, idTag) };
  const waiting = new Map<string, (() => void)[]>();
  let nextId = opts.firstTransactionId;
  cp.handle('Authorize', (p) => {
    const answer = { idTagInfo: info(p.idTag) };
    for (const done of waiting.get(p.idTag as string) ?? []) setTimeout(done, 300); // time to act on the answer
    waiting.delete(p.idTag as string);
    return answer;
  });
  cp.handle('StartTransaction', (p, _c, link) => {
    const transactionId = nextId++;
    const idTagInfo = info(p.idTag);
    if (idTagInfo.status === 'Accepted') {
      transactionsOf(link).set(transactionId, { transactionId, connectorId: p.connectorId as number, idTag: p.idTag as string });
    }
    return { transactionId, idTagInfo };
  });
  cp.handle('StopTransaction', (p, _c, link) => {
    transactionsOf(link).delete(p.transactionId as number);
    return p.idTag === undefined ? {} : { idTagInfo: info(p.idTag) };
  });
  return {
    settled(idTag, waitMs = 1500) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        const list = waiting.get(idTag) ?? [];
        list.push(() => { clearTimeout(timer); resolve(); });
        waiting.set(idTag, list);
      });
    },
  };
}

/**
 * OCTT "SetConnectorUnavailable for all unused connectors": every configured connector but `connectorId`
 * Inoperative, so that only the one under test can be used (and, for a reservation of connector 0, is
 * the one connector left to reserve). Returns the restore. Nothing to do with a single connector.
 */
export async function otherConnectorsInoperative(cp: CaseLink, cfg: HarnessConfig, connectorId: number): Promise<() => Promise<void>> {
  const others = cfg.connectorIds.filter((id) => id !== connectorId);
  for (const other of others) {
    const from = cp.mark(`connector ${other} out of the way`);
    await cp.call('ChangeAvailability', { connectorId: other, type: 'Inoperative' }, {
      expect: { status: 'Accepted' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.2: an idle connector is made Inoperative at once: ChangeAvailability Accepted',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId: other }, after: from, match: { status: 'Unavailable' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (A8), §5.2: a connector made Inoperative is reported Unavailable',
    });
  }
  return async () => {
    for (const other of others) {
      const from = cp.mark(`connector ${other} back`);
      await cp.call('ChangeAvailability', { connectorId: other, type: 'Operative' }, {
        expect: { status: 'Accepted' },
        octt: 'not-checked',
        requirement: 'OCPP 1.6 §5.2: ChangeAvailability Operative for an Inoperative connector is Accepted',
      });
      await cp.expectCall('StatusNotification', {
        where: { connectorId: other }, after: from, match: { status: 'Available' },
        octt: 'not-checked',
        requirement: 'OCPP 1.6 §4.9 (H1): a connector made Operative again is reported Available',
      });
    }
  };
}

/**
 * Clean-up after a transaction on connectorId: RemoteStopTransaction, its StopTransaction, Finishing,
 * unplug, Available (checked loosely: TC_012_CS checks the remote stop itself).
 */
export async function endTransaction(cp: CaseLink, connectorId: number, transactionId: number, unplug: () => Promise<void>): Promise<void> {
  const res = await cp.call('RemoteStopTransaction', { transactionId }, {
    expect: { status: 'Accepted' },
    octt: 'not-checked',
    requirement: 'OCPP 1.6 §5.12: a RemoteStopTransaction for an ongoing transaction is Accepted',
  });
  await cp.expectCall('StopTransaction', {
    after: res.call.seq, match: { transactionId },
    octt: 'not-checked',
    requirement: 'OCPP 1.6 §5.12, §4.10: the transaction is stopped and StopTransaction.req sent for it',
  });
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: res.call.seq, match: { status: 'Finishing' },
    octt: 'not-checked',
    requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
  });
  const from = cp.mark('unplugging');
  await unplug();
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: from, match: { status: 'Available' },
    octt: 'not-checked',
    requirement: 'OCPP 1.6 §4.9 (F1): the cable removed after the transaction: Available',
  });
}

/**
 * ReserveNow that the charge point must refuse with `status` (§5.13, §7.40). Should it accept after
 * all, the reservation is cancelled again so that it does not outlive the case.
 */
export async function reserveRefused(cp: CaseLink, cfg: HarnessConfig, req: { connectorId: number; reservationId: number }, status: string, why: string): Promise<void> {
  const res = await cp.call('ReserveNow', { ...req, expiryDate: lastingExpiry(cfg), idTag: cfg.idTags.accepted }, {
    expect: { status },
    requirement: `${RESERVE_NOW_ANSWERED}; ${why}: ${status} (§7.40), no reservation`,
  });
  if (res.payload.status === 'Accepted') await cp.call('CancelReservation', { reservationId: req.reservationId }).catch(() => undefined);
}

export interface ReservedSessionTail {
  connectorId: number;
  /** The idTag that starts (and stops) the transaction. */
  idTag: string;
  reservationId: number;
  /** Seq from which StartTransaction counts (the presenting of the idTag). */
  presented: number;
  plug: { n: number; title: string; requirement: string };
  /** octt: 'fails' only where the table validates the Charging status (Table 60 step 11). */
  charging: { n: number; title: string; octt: 'fails' | 'not-checked' };
  stop: { n: number; title: string; mark: string };
  /** Step numbers of Finishing, unplug → Available, and the other connectors back to Operative. */
  finishing: number;
  unplug: number;
  restore: number;
}

/**
 * After the reserved connector reported Preparing: plug in, StartTransaction with the reservationId,
 * Charging, the same idTag stops it, Finishing, unplug → Available (the reservation ended), the other
 * connectors back to Operative.
 */
export async function reservedSessionTail(
  { sut, step }: Pick<ChargePointSutContext, 'sut' | 'step'>,
  cp: CaseLink,
  restore: () => Promise<void>,
  v: ReservedSessionTail,
): Promise<void> {
  const { connectorId, idTag, reservationId } = v;
  const plugged = cp.mark('plugging in');
  const transactionId = await step(v.plug.n, v.plug.title, async () => {
    await sut.do('plugIn', { connectorId });
    const start = await cp.expectCall('StartTransaction', {
      after: v.presented, match: { connectorId, idTag, reservationId },
      requirement: v.plug.requirement,
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(v.charging.n, v.charging.title, () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: plugged, match: { status: 'Charging' }, octt: v.charging.octt,
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  const stopping = await step(v.stop.n, v.stop.title, async () => {
    const from = cp.mark(v.stop.mark);
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('StopTransaction', {
      after: from, match: { transactionId },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.10: the idTag that started the transaction stops it; StopTransaction.req for it',
    });
    return from;
  });

  await step(v.finishing, 'The charge point reports Finishing (ours)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping, match: { status: 'Finishing' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    }));

  await step(v.unplug, 'Unplug the cable; the charge point reports Available: the reservation ended with the transaction (ours)', async () => {
    const from = cp.mark('unplugging');
    await sut.do('unplug', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from, match: { status: 'Available' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (F1), §5.13: the reservation was terminated by the transaction: after it the connector is Available',
    });
  });

  await step(v.restore, 'The other connectors back to Operative (ours)', () => restore());
}

/**
 * Does the charge point reserve connector 0? Its own read-only ReserveConnectorZeroSupported (§9.3.1)
 * decides, not the declaration; a declaration the key contradicts is noted as a warning. A key not
 * reported is "not set": false (§5.13).
 */
export async function reservesConnectorZero(cp: CaseLink, cfg: HarnessConfig, note: (text: string) => void): Promise<boolean> {
  const declared = (cfg.declarationsBySut?.ChargePoint ?? cfg.declarations).reservationOfConnectorZero;
  const value = await readOptionalKey(cp, 'ReserveConnectorZeroSupported');
  const supported = isTrue(value);
  if (supported !== declared) {
    note(`WARNING: the charge point reports ReserveConnectorZeroSupported = ${value ?? '(not set)'}, the configuration declares reservationOfConnectorZero = ${declared}; the key decides`);
  }
  return supported;
}
