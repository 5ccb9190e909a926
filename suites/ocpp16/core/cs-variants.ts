// The bodies that twin variants of the Core cases with the charge point under test share, each
// parameterised by what tells the variants apart (Hard / Soft reset, …). Each case file keeps its own
// defineCase meta and calls one of these. Not a case (discovery only loads files named TC_… / X…).
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import { expectBootNotification, isTrue, readKey, remoteStartSession, requireKey, setKey, unplug, type KeyChange } from './cs-steps.js';

export type ResetType = 'Hard' | 'Soft';

/**
 * TC_013_CS (Table 17) / TC_014_CS (Table 18): a connector made Unavailable stays Unavailable across a
 * reset of `type` (§5.2, §5.14), and becomes Available again on ChangeAvailability Operative. The
 * steps carry the table's numbers. An accepted Hard reset must be carried out: a new connection whose
 * first request is BootNotification, else FAIL. A Soft reset may restart the software and keep the
 * connection without a BootNotification (Table 18 step 7 "optional"; errata 3.36): steps 7–10 then
 * have nothing to observe, and the case goes on on the same connection.
 */
export async function resetWithoutTransaction({ csms, cfg, step, note }: ChargePointSutContext, type: ResetType): Promise<void> {
  const table = type === 'Hard' ? 17 : 18;
  const connectorId = cfg.connectorIds[0]!;
  const cp = await csms.booted();

  const inoperative = await step(1, `Send ChangeAvailability connector ${connectorId} Inoperative; the charge point accepts it (step 2)`, async () => {
    const res = await cp.call('ChangeAvailability', { connectorId, type: 'Inoperative' }, {
      expect: { status: 'Accepted' },
      requirement: `OCTT Table ${table} step 2; OCPP 1.6 §5.2: with no transaction on the connector, the change to Inoperative is Accepted`,
    });
    return res.call.seq;
  });

  await step(3, 'The charge point reports the connector Unavailable (steps 3–4)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: inoperative,
      match: { status: 'Unavailable' },
      requirement: `OCTT Table ${table} step 3; OCPP 1.6 §5.2: once the availability changed the charge point SHALL report it with StatusNotification; §4.9 (A8): Unavailable`,
    }));

  // Accepted means it will reset (§5.14): after a Hard reset a reboot that never comes is its failure,
  // not an inconclusive case. After a Soft one it is optional (Table 18 step 7).
  let rebooted: CaseLink | undefined;
  const next = type === 'Hard'
    ? csms.nextConnection({ requirement: 'OCPP 1.6 §5.14, errata 3.36: a charge point that answered a Hard Reset Accepted restarts, reconnects and sends BootNotification' })
    : csms.nextConnection();
  next.then((l) => { rebooted = l; }, () => undefined); // awaited in step 7
  await step(5, `Send Reset ${type}; the charge point accepts it (step 6)`, async () => {
    const res = await cp.call('Reset', { type }, {
      expect: { status: 'Accepted' },
      requirement: `OCTT Table ${table} step 6; OCPP 1.6 §5.14: the charge point SHALL answer Reset.req with whether it will attempt to reset itself`,
    });
    if (res.payload.status !== 'Accepted') throw new ExpectationUnmet('the charge point did not accept the Reset: no reboot to observe');
  });

  const resetAt = cp.mark('reset accepted');
  if (type === 'Soft') {
    const down = await waitUntil(() => !cp.isOpen || !!rebooted, cfg.timeouts.messageMs);
    if (!down) {
      note(`the connection stayed open for ${cfg.timeouts.messageMs} ms after the soft reset: no reboot to observe (Table 18 steps 7–10 are optional)`);
      await makeOperativeAgain(cp, connectorId, table, step);
      return;
    }
  }
  const { link, booted } = await step(7, 'The charge point reboots: a new connection whose first request is BootNotification (the harness accepts it: step 8)', async () => {
    const link = await next;
    const { reply } = await expectBootNotification(link, { from: resetAt });
    return { link, booted: reply };
  });

  await step(9, 'The charge point reports the connector Unavailable, connector 0 and the other connectors Available: the availability persisted (steps 9–10)', async () => {
    await link.expectCall('StatusNotification', {
      where: { connectorId }, after: booted.seq,
      match: { status: 'Unavailable' },
      requirement: `OCTT Table ${table} step 9; OCPP 1.6 §5.2: a connector set to Unavailable SHALL stay Unavailable across a reboot (persistent state)`,
    });
    for (const other of [0, ...cfg.connectorIds.filter((c) => c !== connectorId)]) {
      await link.expectCall('StatusNotification', {
        where: { connectorId: other }, after: booted.seq,
        match: { status: 'Available' },
        requirement: `OCTT Table ${table} step 9 (the other StatusNotifications); OCPP 1.6 §4.9: after an accepted boot the charge point reports connector 0 and every connector; these are Available`,
      });
    }
  });

  await makeOperativeAgain(link, connectorId, table, step);
}

/** Steps 11–14 of Tables 17/18: the connector back to Operative, reported Available. */
async function makeOperativeAgain(link: CaseLink, connectorId: number, table: number, step: ChargePointSutContext['step']): Promise<void> {
  const operative = await step(11, `Send ChangeAvailability connector ${connectorId} Operative; the charge point accepts it (step 12)`, async () => {
    const res = await link.call('ChangeAvailability', { connectorId, type: 'Operative' }, {
      expect: { status: 'Accepted' },
      requirement: `OCTT Table ${table} step 12; OCPP 1.6 §5.2: the change back to Operative is Accepted`,
    });
    return res.call.seq;
  });

  await step(13, 'The charge point reports the connector Available (steps 13–14)', () =>
    link.expectCall('StatusNotification', {
      where: { connectorId }, after: operative,
      match: { status: 'Available' },
      requirement: `OCTT Table ${table} step 13; OCPP 1.6 §5.2: once the availability changed the charge point SHALL report it with StatusNotification; §4.9 (H1): Available`,
    }));
}

/** Poll `done` every 25 ms for at most `ms`; true once it holds. Waits without recording anything. */
async function waitUntil(done: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
  return done();
}

/**
 * TC_015_CS (Table 19) / TC_016_CS (Table 20): a reset of `type` during a transaction. Ours: the
 * reusable state Charging (steps 11–15, a remote start) and the clean-up (step 16, unplug).
 * - Hard: StopTransaction (HardReset) before the reboot, with Finishing, or after the accepted boot
 *   (Table 19 step 3 "before or after step 7"; errata 3.36).
 * - Soft: StopTransaction (SoftReset) and Finishing before the restart; the BootNotification and the
 *   statuses after it only if the charge point reboots (Table 20 step 7 "sent optionally"; errata 3.36:
 *   restart the application software).
 * After a boot: the connector reports Finishing or Preparing, every other one and connector 0 Available.
 */
export async function resetWithTransaction({ csms, sut, cfg, step, note }: ChargePointSutContext, type: ResetType): Promise<void> {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const reason = `${type}Reset`;
  const cp = await step(11, 'Reusable state Charging: the charge point is connected, its boot accepted and its connectors reported', () => csms.booted());
  const { transactionId } = await remoteStartSession(cp, sut, step, connectorId, idTag, { numbers: [12, 13, 14, 15] });

  let rebooted: CaseLink | undefined;
  void csms.nextConnection().then((l) => { rebooted = l; }, () => undefined);
  const reset = await step(1, `Send Reset ${type}; the charge point accepts it (step 2)`, async () => {
    const res = await cp.call('Reset', { type }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.14: the charge point SHALL answer Reset.req with whether it will attempt to reset itself',
    });
    if (res.payload.status !== 'Accepted') throw new ExpectationUnmet('the charge point did not accept the Reset: no reset to observe');
    return res.call.seq;
  });

  const stopRequirement = type === 'Hard'
    ? 'OCPP 1.6 §5.14 (errata 3.36): on a hard reset the charge point sends StopTransaction.req for the ongoing transaction, if possible after having restarted and been accepted; §7.36: reason HardReset'
    : 'OCPP 1.6 §5.14 (errata 3.36): at receipt of a soft reset the charge point SHALL stop ongoing transactions gracefully and send StopTransaction.req; §7.36: reason SoftReset';
  const stopMatch = { transactionId, reason, idTag: { oneOf: [idTag], optional: true } };
  const stoppedOn = (l: CaseLink, after: number) => l.link.calls.some((c) => c.frame.action === 'StopTransaction' && c.event.seq > after);

  // Hard: wait for the StopTransaction or the reboot, whichever comes first; Soft: for the StopTransaction.
  const before = await step(3, `The charge point sends StopTransaction with reason ${reason}${type === 'Hard' ? ' (before the reboot, or after it: step 9)' : ''}, and reports Finishing (step 5)`, async () => {
    if (type === 'Hard') {
      await waitUntil(() => stoppedOn(cp, reset) || !!rebooted, cfg.timeouts.connectMs);
      if (!stoppedOn(cp, reset)) {
        note('no StopTransaction before the reboot: it is expected after the accepted boot (Table 19 step 3)');
        return false;
      }
    }
    await cp.expectCall('StopTransaction', { after: reset, match: stopMatch, requirement: stopRequirement });
    // §1.2: Finishing and StopTransaction may come in either order.
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: reset,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing (Table 19/20 step 5, sent with the StopTransaction of step 3)',
    });
    return true;
  });

  // Soft: the restart may keep the connection and send no BootNotification (Table 20 step 7 is optional).
  if (type === 'Soft') {
    const down = await waitUntil(() => !cp.isOpen || !!rebooted, cfg.timeouts.messageMs);
    if (!down) note(`the connection stayed open for ${cfg.timeouts.messageMs} ms after the soft reset: no reboot to observe (Table 20 steps 7–10 are optional)`);
  }
  let link = cp;
  if (type === 'Hard' || !cp.isOpen || rebooted) {
    const booted = await step(7, 'The charge point reboots and sends BootNotification; the harness accepts it (step 8)', async () => {
      const next = rebooted ?? await csms.nextConnection();
      // Frames on the new connection count from the reset on (it may have booted before we look).
      const from = reset;
      if (type === 'Soft') {
        const booting = await waitUntil(() => next.link.calls.some((c) => c.frame.action === 'BootNotification'), cfg.timeouts.messageMs);
        if (!booting) {
          note('the charge point reconnected without a BootNotification (Table 20 step 7 is optional)');
          return { next, reply: undefined };
        }
      }
      const { reply } = await expectBootNotification(next, {
        from,
        requirement: type === 'Hard'
          ? 'OCPP 1.6 §4.2: the charge point SHALL send BootNotification each time it boots (a hard reset restarts all the hardware, errata 3.36)'
          : 'OCPP 1.6 §4.2: the charge point SHALL send BootNotification each time it boots',
      });
      return { next, reply };
    });
    link = booted.next;
    const { next, reply } = booted;
    if (reply) {
      await step(9, 'The charge point reports connector 0 and every other connector Available, the connector of the transaction Finishing or Preparing', async () => {
        for (const id of [0, ...cfg.connectorIds]) {
          await next.expectCall('StatusNotification', {
            where: { connectorId: id }, after: reply.seq,
            match: { status: id === connectorId ? { oneOf: ['Finishing', 'Preparing'] } : 'Available' },
            requirement: id === connectorId
              ? 'OCPP 1.6 §4.9 (errata 3.22): after an accepted boot the charge point reports every connector; the transaction is over and the cable still plugged in: Finishing or Preparing'
              : 'OCPP 1.6 §4.9 (errata 3.22): after an accepted boot the charge point reports every connector, connector 0 included: Available',
          });
        }
        if (!before) {
          await next.expectCall('StopTransaction', { after: reply.seq, match: stopMatch, requirement: stopRequirement });
        }
      });
    }
  }

  await step(16, 'Clean-up (ours): unplug the cable; the charge point reports Available', () => unplug(link, sut, connectorId));
}

/** A transaction of the TC_005_x_CS cases, started and Charging, and the keys changed for it. */
export interface EvSideTransaction {
  cp: CaseLink;
  connectorId: number;
  idTag: string;
  transactionId: number;
  changes: (KeyChange | undefined)[];
}

/**
 * TC_005_1_CS / TC_005_2_CS / TC_005_3_CS (Tables 8–10), ours before the table's steps: the Before
 * configuration state — MinimumStatusDuration 0 when the charge point has it, StopTransactionOnEV-
 * SideDisconnect and UnlockConnectorOnEVSideDisconnect as the variant wants (set when writable; a
 * read-only key with another value leaves the case NOT_APPLICABLE, as the prerequisites say) — and
 * the reusable state Charging, reached with a remote start (§5.11). Steps 11–23.
 */
export async function evSideDisconnectSetUp(
  { csms, sut, cfg, step, notApplicable }: ChargePointSutContext,
  stopOnEVSideDisconnect: 'true' | 'false',
  unlockOnEVSideDisconnect: 'true' | 'false',
): Promise<EvSideTransaction> {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(11, 'Reusable state Charging: the charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const changes = [
    await step(12, 'Before: MinimumStatusDuration = 0 when the charge point has it (GetConfiguration; ChangeConfiguration when it differs)', () =>
      setKey(cp, 'MinimumStatusDuration', '0', { optional: true })),
    await step(14, `Before: StopTransactionOnEVSideDisconnect = ${stopOnEVSideDisconnect}`, () =>
      requireKey(cp, notApplicable, 'StopTransactionOnEVSideDisconnect', stopOnEVSideDisconnect, 'the prerequisite of the table does not hold')),
    await step(16, `Before: UnlockConnectorOnEVSideDisconnect = ${unlockOnEVSideDisconnect}`, () =>
      requireKey(cp, notApplicable, 'UnlockConnectorOnEVSideDisconnect', unlockOnEVSideDisconnect, 'the Before configuration state of the table cannot be set')),
  ];
  const authorizeRemote = await step(18, 'Reusable state Charging: GetConfiguration AuthorizeRemoteTxRequests', async () =>
    isTrue(await readKey(cp, 'AuthorizeRemoteTxRequests')));

  const requested = await step(19, `Reusable state Charging: RemoteStartTransaction for connector ${connectorId} and the valid idTag; the charge point accepts it`, async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: a free connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    return res.call.seq;
  });

  if (authorizeRemote) {
    await step(20, 'AuthorizeRemoteTxRequests is true: the charge point sends Authorize for the idTag (the harness accepts it)', () =>
      cp.expectCall('Authorize', {
        after: requested,
        match: { idTag },
        requirement: 'OCPP 1.6 §5.11, §9.1.3 AuthorizeRemoteTxRequests: with true, the charge point authorises the idTag of a remote start (Authorize.req) before starting',
      }));
  }

  await step(21, 'The charge point reports Preparing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested,
      match: { status: 'Preparing' },
      requirement: 'OCPP 1.6 §4.9 (A2): a remote start waiting for the cable makes the connector Preparing',
    }));

  const plugged = cp.mark('plugging in');
  const transactionId = await step(22, 'Plug in the cable; the charge point sends StartTransaction with the idTag of the request', async () => {
    await sut.do('plugIn', { connectorId });
    const start = await cp.expectCall('StartTransaction', {
      after: requested,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(23, 'The charge point reports Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: plugged,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  return { cp, connectorId, idTag, transactionId, changes };
}

/**
 * TC_005_1_CS / TC_005_2_CS steps 1–4: the cable pulled out at the EV (`unplugEvSide`) stops the
 * transaction with reason EVDisconnected (StopTransactionOnEVSideDisconnect true); the connector
 * reports one of `statuses` (§1.2: in either order). Returns the status it reported.
 */
export async function evSideDisconnectStops(
  { sut, step }: ChargePointSutContext,
  { cp, connectorId, idTag, transactionId }: EvSideTransaction,
  statuses: string[],
  statusRequirement: string,
): Promise<string> {
  const disconnected = await step(1, 'Unplug the cable at the EV side; the charge point sends StopTransaction with reason EVDisconnected (step 2)', async () => {
    const from = cp.mark('unplugging the cable at the EV side');
    await sut.do('unplugEvSide', { connectorId });
    await cp.expectCall('StopTransaction', {
      after: from,
      // idTag is optional (§6.49): a disconnected EV presents none.
      match: { transactionId, reason: 'EVDisconnected', idTag: { oneOf: [idTag], optional: true } },
      requirement: 'OCPP 1.6 §4.10, §9.1.23: with StopTransactionOnEVSideDisconnect true the transaction SHALL be stopped when the cable is disconnected from the EV; §7.36: reason EVDisconnected',
    });
    return from;
  });

  const status = await step(3, `The charge point reports ${statuses.join(' or ')} (step 4)`, () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: disconnected,
      match: { status: statuses.length === 1 ? statuses[0]! : { oneOf: statuses } },
      requirement: statusRequirement,
    }));
  return String((status.frame.payload as Record<string, unknown>).status);
}

/** Clean-up (ours) of the TC_005_x_CS cases: the cable out of the charge point, unless it reported Available already. */
export async function evSideCleanUp({ sut, step }: ChargePointSutContext, cp: CaseLink, connectorId: number, lastStatus: string, n: number): Promise<void> {
  if (lastStatus === 'Available') return;
  await step(n, 'Clean-up (ours): take the cable out of the charge point; it reports Available', () => unplug(cp, sut, connectorId));
}

/** What tells the detachable-cable (fixedCable false) and the fixed-cable (true) variants apart (§7.46, errata 3.87). */
const unlockAnswer = (fixedCable: boolean): { status: 'Unlocked' | 'NotSupported'; requirement: string } => fixedCable
  ? { status: 'NotSupported', requirement: 'OCPP 1.6 §5.18: the charge point SHALL answer whether it was able to unlock the connector; §7.46 (errata 3.87): a fixed cable has no connector lock: NotSupported' }
  : { status: 'Unlocked', requirement: 'OCPP 1.6 §5.18: the charge point SHALL answer whether it was able to unlock the connector; §7.46: a connector lock that opened: Unlocked' };

/**
 * Steps 1–2 of TC_017_x_CS / TC_018_x_CS (Tables 21–24): UnlockConnector for the connector (step 1)
 * and its answer (step 2, the table's tool validation): Unlocked with a detachable cable, NotSupported
 * with a fixed one. Returns the seq just before the request: what the charge point does because of it
 * (a StopTransaction may come before the answer) is looked for from there on.
 */
export async function unlockConnector(
  { step }: Pick<ChargePointSutContext, 'step'>, cp: CaseLink, connectorId: number, fixedCable: boolean, table: number,
): Promise<number> {
  const answer = unlockAnswer(fixedCable);
  const from = cp.mark('unlocking the connector');
  const res = await step(1, `Send UnlockConnector for connector ${connectorId}`, () => cp.call('UnlockConnector', { connectorId }));
  await step(2, `The charge point answers UnlockConnector ${answer.status}`, () =>
    cp.checkAnswer(res, 'UnlockConnector', {
      expect: { status: answer.status },
      requirement: `OCTT Table ${table} step 2; ${answer.requirement}`,
    }));
  return from;
}
