// What the Core cases with the charge point under test share: reading, setting and restoring
// configuration keys (OCPP 1.6 §5.3, §5.8), the cable and the statuses it leads to (§4.9), and the
// remote stop that ends a transaction a case started. Not a case (discovery only loads files named
// TC_… / X…).
import type { CaseLink, ExpectCallOptions } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import type { InboundCall } from '../../../harness/rpc/session.js';
import type { FrameEvent } from '../../../harness/trace/types.js';

type Sut = ChargePointSutContext['sut'];

/** A configuration key a case changed, and the value to give it back. */
export interface KeyChange {
  key: string;
  value: string;
  /** What the charge point reported before the change (undefined: nothing to restore). */
  original: string | undefined;
}

function valueIn(payload: Record<string, unknown>, key: string): string | undefined {
  const list = Array.isArray(payload.configurationKey) ? payload.configurationKey as Array<Record<string, unknown>> : [];
  const entry = list.find((k) => k.key === key);
  return typeof entry?.value === 'string' ? entry.value : undefined;
}

/** GetConfiguration of one key the charge point must support: its value. */
export async function readKey(cp: CaseLink, key: string): Promise<string | undefined> {
  const res = await cp.call('GetConfiguration', { key: [key] }, {
    expect: { 'configurationKey.0.key': key, 'configurationKey.0.value': { present: true } },
    requirement: `OCPP 1.6 §5.8: a key the charge point supports (§9.1 ${key}) is returned with its value`,
  });
  return valueIn(res.payload, key);
}

/** GetConfiguration of a key the charge point may lack (an optional key of §9.1): its value, if any. */
export async function readOptionalKey(cp: CaseLink, key: string): Promise<string | undefined> {
  const res = await cp.call('GetConfiguration', { key: [key] }, {
    requirement: `OCPP 1.6 §5.8: GetConfiguration is answered; §9.1 ${key} is optional`,
  });
  return valueIn(res.payload, key);
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Give `key` the value `value`: read it (GetConfiguration) and, when it has another value, change it
 * (ChangeConfiguration, Accepted) — the OCTT's "if it is not already …" pair of steps. Returns the
 * change to undo with restoreKeys, or undefined when the key had the value already (or, `optional`,
 * when the charge point does not have that optional key).
 */
export async function setKey(cp: CaseLink, key: string, value: string, opts: { optional?: boolean } = {}): Promise<KeyChange | undefined> {
  const original = opts.optional ? await readOptionalKey(cp, key) : await readKey(cp, key);
  // An optional key the charge point does not have: there is nothing to set.
  if (opts.optional && original === undefined) return undefined;
  if (original !== undefined && same(original, value)) return undefined;
  await cp.call('ChangeConfiguration', { key, value }, {
    expect: { status: 'Accepted' },
    requirement: `OCPP 1.6 §5.3: ${key} = ${value}, a supported, writable key set to a valid value, effective at once: Accepted`,
  });
  return { key, value, original };
}

/** Give every changed key its value from before the case back, the last change first. */
export async function restoreKeys(cp: CaseLink, changes: (KeyChange | undefined)[]): Promise<void> {
  for (const c of [...changes].reverse()) {
    if (!c || c.original === undefined) continue;
    await cp.call('ChangeConfiguration', { key: c.key, value: c.original }, {
      expect: { status: 'Accepted' },
      requirement: `OCPP 1.6 §5.3: setting ${c.key} back to the value the charge point reported is Accepted`,
    });
  }
}

/** A boolean configuration value as §9 writes it. */
export const isTrue = (v: string | undefined): boolean => v !== undefined && same(v, 'true');

/** Plug the cable in at a free connector: it reports Preparing (§4.9 A2). Returns the seq of the stimulus. */
export async function plugIn(cp: CaseLink, sut: Sut, connectorId: number): Promise<number> {
  const from = cp.mark('plugging in');
  await sut.do('plugIn', { connectorId });
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: from,
    match: { status: 'Preparing' },
    requirement: 'OCPP 1.6 §4.9 (A2): usage initiated by inserting the plug makes the connector Preparing',
  });
  return from;
}

/** Unplug the cable at a connector without a transaction: it reports Available (§4.9 F1 / B1). */
export async function unplug(cp: CaseLink, sut: Sut, connectorId: number): Promise<void> {
  const from = cp.mark('unplugging');
  await sut.do('unplug', { connectorId });
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: from,
    match: { status: 'Available' },
    requirement: 'OCPP 1.6 §4.9 (F1, B1): the cable removed with no transaction left: Available',
  });
}

/**
 * Clean-up of a transaction the case started, with the cable still plugged in: RemoteStopTransaction
 * (Accepted), its StopTransaction with reason Remote, and Finishing (§5.12, §4.10, §7.36, §4.9 C6).
 */
export async function remoteStop(cp: CaseLink, connectorId: number, transactionId: number): Promise<void> {
  const res = await cp.call('RemoteStopTransaction', { transactionId }, {
    expect: { status: 'Accepted' },
    requirement: 'OCPP 1.6 §5.12: a RemoteStopTransaction for an ongoing transaction is Accepted',
  });
  await cp.expectCall('StopTransaction', {
    after: res.call.seq,
    match: { transactionId, reason: 'Remote' },
    requirement: 'OCPP 1.6 §5.12, §4.10: the transaction is stopped and StopTransaction.req sent for it; §6.49, §7.36: reason may be omitted only when it is Local — a remote stop is Remote',
  });
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: res.call.seq,
    match: { status: 'Finishing' },
    requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
  });
}

/**
 * The driver ends the transaction with the idTag that started it: StopTransaction for the transaction
 * with that idTag, and Finishing with the cable still plugged in (§4.10, §6.49, §4.9 C6).
 */
export async function localStop(cp: CaseLink, sut: Sut, connectorId: number, idTag: string, transactionId: number): Promise<void> {
  const from = cp.mark('presenting idTag to stop');
  await sut.do('presentIdTag', { connectorId, idTag });
  await cp.expectCall('StopTransaction', {
    after: from,
    match: { transactionId, idTag },
    requirement: 'OCPP 1.6 §4.10, §6.49: StopTransaction.req for the transaction, with the idTag that stopped it',
  });
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: from,
    match: { status: 'Finishing' },
    requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
  });
}

/**
 * The end of a regular session (TC_003_CS, TC_004_1_CS), ours after the table's last step: the same
 * idTag stops it (StopTransaction for the transaction, reason Local or none), Finishing (either order,
 * OCTT §1.2), then the cable out: Available. No OCTT tool validation covers these (octt not-checked);
 * an Authorize for the idTag that started the transaction is reported at SHOULD (§4.1 lets a charge
 * point with the idTag cached send one). Steps `first` … `first + 2`.
 */
export async function stopByIdTagThenUnplug(
  cp: CaseLink, sut: Sut, step: ChargePointSutContext['step'],
  s: { first: number; connectorId: number; idTag: string; transactionId: number },
): Promise<void> {
  const { connectorId, idTag, transactionId } = s;
  const stopping = await step(s.first, 'Present the same idTag again; the charge point stops the transaction (ours)', async () => {
    const from = cp.mark('presenting idTag to stop');
    await sut.do('presentIdTag', { connectorId, idTag });
    const stop = await cp.expectCall('StopTransaction', {
      after: from, octt: 'not-checked',
      // reason may be absent (the default is Local) or "Local" (§4.10, §6.49).
      match: { transactionId, idTag, reason: { oneOf: ['Local'], optional: true } },
      requirement: 'OCPP 1.6 §4.10, §6.49: StopTransaction.req carries the transactionId of StartTransaction.conf and the idTag that stopped it (SHALL send the idTag if known)',
    });
    cp.expectQuiet({
      afterSeq: from, beforeSeq: stop.event.seq, octt: 'not-checked',
      forbid: { actions: ['Authorize'], why: 'the idTag that stops the transaction is the one that started it' },
      requirement: 'OCPP 1.6 §3.4, §4.1: a Charge Point MUST NOT send an Authorize.req before stopping a transaction if the presented idTag is the same as the one that started it',
    });
    return from;
  });

  await step(s.first + 1, 'The charge point reports Finishing (ours)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping, octt: 'not-checked',
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    }));

  await step(s.first + 2, 'Unplug the cable; the charge point reports Available (ours)', async () => {
    const from = cp.mark('unplugging');
    await sut.do('unplug', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from, octt: 'not-checked',
      match: { status: 'Available' },
      requirement: 'OCPP 1.6 §4.9 (F1): the cable removed after the transaction: Available',
    });
  });
}

/**
 * The remote start of the meter-value cases (TC_070_CS, TC_071_CS), steps 7–12: read
 * AuthorizeRemoteTxRequests, plug in, RemoteStartTransaction Accepted, Authorize when that key is
 * true, StartTransaction with the request's idTag and connector, Charging. Returns the seq of the
 * request (readings count from there) and the transactionId the harness gave.
 */
export async function remoteStartForMeterValues(
  cp: CaseLink, sut: Sut, step: ChargePointSutContext['step'], connectorId: number, idTag: string,
): Promise<{ requested: number; transactionId: number }> {
  const authorizeRemote = await step(7, 'GetConfiguration AuthorizeRemoteTxRequests', async () =>
    isTrue(await readKey(cp, 'AuthorizeRemoteTxRequests')));

  await step(8, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const requested = await step(9, 'Send RemoteStartTransaction for the connector and the valid idTag; the charge point accepts it', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: a free, plugged-in connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    return res.call.seq;
  });

  if (authorizeRemote) {
    await step(10, 'AuthorizeRemoteTxRequests is true: the charge point sends Authorize for the idTag (the harness accepts it)', () =>
      cp.expectCall('Authorize', {
        after: requested,
        match: { idTag },
        requirement: 'OCPP 1.6 §5.11, §9.1.3 AuthorizeRemoteTxRequests: with true, the charge point authorises the idTag of a remote start (Authorize.req) before starting',
      }));
  }

  const transactionId = await step(11, 'The charge point sends StartTransaction with the idTag and connector of the request', async () => {
    const start = await cp.expectCall('StartTransaction', {
      after: requested,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(12, 'The charge point reports Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));
  return { requested, transactionId };
}

/** What tells the remote starts of remoteStartSession apart: step numbers, titles, requirement texts. */
export interface RemoteStartSteps {
  /** The numbers of its four steps: plug in, RemoteStartTransaction, StartTransaction, Charging. */
  numbers: readonly [plug: number, request: number, start: number, charging: number];
  /** Default: `Plug in the cable on connector <id>; the charge point reports Preparing`. */
  plugTitle?: string;
  /** Default: 'Send RemoteStartTransaction for the connector and the valid idTag; the charge point accepts it'. */
  requestTitle?: string;
  /** Default: '… a free, plugged-in connector and a valid idTag: RemoteStartTransaction Accepted'. */
  requestRequirement?: string;
  /** Default: 'The charge point sends StartTransaction with the idTag and connector of the request'. */
  startTitle?: string;
  /** Default: '… SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)'. */
  startRequirement?: string;
  /** CALLs that must not come before the StartTransaction (none by default). */
  startForbid?: ExpectCallOptions['forbid'];
}

/**
 * Four numbered steps with the cable first (TC_010_CS and the cases built like it): plug in → Preparing
 * (§4.9 A2), RemoteStartTransaction for `connectorId` and `idTag` → Accepted (§5.11), StartTransaction
 * with that idTag and connector (§4.8; returns the transactionId the harness assigned), Charging
 * (§4.9 B3). Also returns the seq of the RemoteStartTransaction.req.
 */
export async function remoteStartSession(
  cp: CaseLink, sut: Sut, step: ChargePointSutContext['step'], connectorId: number, idTag: string, s: RemoteStartSteps,
): Promise<{ transactionId: number; requested: number }> {
  const [plugStep, requestStep, startStep, chargingStep] = s.numbers;
  await step(plugStep, s.plugTitle ?? `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const requested = await step(requestStep, s.requestTitle ?? 'Send RemoteStartTransaction for the connector and the valid idTag; the charge point accepts it', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: s.requestRequirement ?? 'OCPP 1.6 §5.11: a free, plugged-in connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    return res.call.seq;
  });

  const transactionId = await step(startStep, s.startTitle ?? 'The charge point sends StartTransaction with the idTag and connector of the request', async () => {
    const start = await cp.expectCall('StartTransaction', {
      after: requested,
      match: { idTag, connectorId },
      ...(s.startForbid ? { forbid: s.startForbid } : {}),
      requirement: s.startRequirement ?? 'OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(chargingStep, 'The charge point reports Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  return { transactionId, requested };
}

/**
 * The BootNotification a charge point sends first on `link` (§4.2), and the answer the harness gave
 * it. From `from` (the connection's start) until that answer the charge point SHALL NOT send any
 * other request: checked as a quiet span (§4.2 MUST; no tool validation of the tables: octt not-checked).
 */
export async function expectBootNotification(
  link: CaseLink, opts: { from: number; requirement?: string; window?: ExpectCallOptions['window'] },
): Promise<{ boot: InboundCall; reply: FrameEvent }> {
  const boot = await link.expectCall('BootNotification', {
    after: opts.from,
    ...(opts.window ? { window: opts.window } : {}),
    requirement: opts.requirement ?? 'OCPP 1.6 §4.2: the charge point SHALL send BootNotification each time it boots',
  });
  const reply = await boot.replied;
  link.expectQuiet({
    afterSeq: opts.from, beforeSeq: reply.seq,
    forbid: { actions: '*', except: ['BootNotification'], why: 'between the (re)boot and the answer to its BootNotification the charge point SHALL NOT send any other request (§4.2)' },
    requirement: 'OCPP 1.6 §4.2: between the physical power-on/reboot and the successful completion of a BootNotification the charge point SHALL NOT send any other request',
    octt: 'not-checked',
  });
  return { boot, reply };
}

/** A configuration key as GetConfiguration reports it: its value and whether it is read-only. */
export interface KeyReading {
  key: string;
  value: string | undefined;
  readonly: boolean;
  /** The charge point does not know the key (unknownKey, or not listed). */
  unknown: boolean;
}

/** GetConfiguration of one key: value and accessibility (§5.8, §7.29 KeyValue.readonly). */
export async function readKeyAccess(cp: CaseLink, key: string, opts: { requirement?: string; octt?: 'fails' | 'not-checked' } = {}): Promise<KeyReading> {
  const res = await cp.call('GetConfiguration', { key: [key] }, {
    requirement: opts.requirement ?? `OCPP 1.6 §5.8: GetConfiguration is answered with the key (${key}) and its accessibility`,
    ...(opts.octt ? { octt: opts.octt } : {}),
  });
  const list = Array.isArray(res.payload.configurationKey) ? res.payload.configurationKey as Array<Record<string, unknown>> : [];
  const entry = list.find((k) => k.key === key);
  return { key, value: typeof entry?.value === 'string' ? entry.value : undefined, readonly: entry?.readonly === true, unknown: !entry };
}

/**
 * A Before configuration state "key is value" for a key the charge point may keep read-only (§9:
 * "R or RW"): read it; a writable key with another value is changed (Accepted); a read-only key with
 * another value, or a key the charge point lacks, leaves the case NOT_APPLICABLE with the reason.
 */
export async function requireKey(
  cp: CaseLink, notApplicable: (reason: string) => never, key: string, value: string, why: string,
): Promise<KeyChange | undefined> {
  const r = await readKeyAccess(cp, key);
  if (r.value !== undefined && same(r.value, value)) return undefined;
  if (r.unknown) notApplicable(`the charge point does not report ${key}; ${why}`);
  if (r.readonly) notApplicable(`${key} is read-only with the value ${r.value ?? '(none)'}; ${why}`);
  await cp.call('ChangeConfiguration', { key, value }, {
    expect: { status: 'Accepted' },
    requirement: `OCPP 1.6 §5.3: ${key} = ${value}, a supported, writable key set to a valid value, effective at once: Accepted`,
  });
  return { key, value, original: r.value };
}

/**
 * Reusable state Authorized (OCTT Table 104) in one step: present the valid idTag; Authorize.req for
 * it (step 1) and, when the connector was not Preparing already, StatusNotification Preparing (step 3),
 * in either order. Returns the seq of the stimulus and of the Preparing.
 */
export async function reusableAuthorized(
  cp: CaseLink, sut: Sut, connectorId: number, idTag: string, opts: { expectPreparing?: boolean } = {},
): Promise<{ presented: number; preparing: number | undefined }> {
  const from = cp.mark('presenting idTag');
  await sut.do('presentIdTag', { connectorId, idTag });
  await cp.expectCall('Authorize', {
    after: from,
    match: { idTag },
    requirement: 'OCTT Table 104 step 1; OCPP 1.6 §4.1: an idTag not in a local list or cache SHALL be authorised with Authorize.req',
  });
  let preparing: number | undefined;
  if (opts.expectPreparing !== false) {
    preparing = (await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from,
      match: { status: 'Preparing' },
      requirement: 'OCTT Table 104 step 3; OCPP 1.6 §4.9 (A2): usage initiated by presenting an idTag makes the connector Preparing',
    })).event.seq;
  }
  return { presented: from, preparing };
}
