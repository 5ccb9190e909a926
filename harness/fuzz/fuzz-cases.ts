// `ocpp-harness fuzz`: every corpus entry becomes a case of its own (FUZZ_<ENTRY>_CS|CSMS) for the run's
// OCPP version, so a fuzz run is judged, reported and re-judged like any other run. Each case sends the
// entry's hostile frame `rounds` times (variants drawn from the seed), judges what the system under test
// answered by the entry and the version's rules (fuzz-expectation.ts), and checks after every frame that
// the system under test still answers a valid request — on the same connection, or on a new one if the
// entry lets it close.
import { defineCase, type CaseDefinition } from '../dsl/define-case.js';
import type { CaseLink } from '../dsl/case-link.js';
import { readableCallId } from '../checks/rpc-model.js';
import { schemaRegistry } from '../schema/registry.js';
import type { OcppVersion, Sut } from '../trace/types.js';
import { versionFacts } from '../versions/facts-registry.js';
import { CORPUS, corpusEntry, type CorpusEntry, type ExpectedAnswer, type MadeFrame, type Sender } from './corpus.js';
import { seededRng } from './prng.js';

export interface FuzzOptions {
  /** The run is reproducible from it. */
  seed: number;
  /** Frames per entry (each a new variant from the seed). */
  rounds: number;
  /** Only these entries (default: all). */
  entries?: string[];
}

export const FUZZ_PROFILE = 'Fuzz' as const;

export function fuzzCaseId(entry: string, sut: Sut): string {
  return `FUZZ_${entry.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_${sut === 'ChargePoint' ? 'CS' : 'CSMS'}`;
}

export interface Owed {
  owed: ExpectedAnswer;
  answerId?: string;
  acceptedLevel: 'MUST' | 'SHOULD';
}

const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * What the frame is owed in `version`. A well-formed CALL is judged by the version's own schemas (an
 * unknown action: NotImplemented; a payload failing the schema: the code for its first error; a valid one:
 * a CALLRESULT); anything else by the corpus entry's rule for the version.
 */
export function owedFor(frame: MadeFrame, entry: CorpusEntry, version: OcppVersion): Owed {
  const declared = entry.expected[version];
  const facts = versionFacts(version);
  const text = typeof frame.data === 'string' ? frame.data : undefined;
  const readable = text !== undefined && !frame.binary ? messageIdOf(text) : undefined;
  const idFor = (a: ExpectedAnswer) => (a.answer === 'callError' && a.id === '-1' ? '-1' : readable);
  let v: unknown;
  try {
    v = text !== undefined && !frame.binary ? JSON.parse(text) : undefined;
  } catch {
    v = undefined;
  }
  const wellFormed = Array.isArray(v) && v.length === 4 && v[0] === 2 && typeof v[1] === 'string' && v[1].length > 0
    && v[1].length <= 36 && typeof v[2] === 'string' && isObject(v[3]);
  if (!wellFormed || frame.binary) return { owed: declared, answerId: idFor(declared), acceptedLevel: 'SHOULD' };
  const [, id, action, payload] = v as [2, string, string, Record<string, unknown>];
  // 1.6: a request that cannot be processed SHALL be answered with a CALLERROR (errata §3.3); 2.0.1 lets it be dropped.
  const refusalLevel = facts.unansweredInvalidCall(false, true)?.level ?? 'MUST';
  const registry = schemaRegistry(version);
  if (!registry.has(action)) return { owed: { answer: 'callError', codes: ['NotImplemented'], id: 'same' }, answerId: id, acceptedLevel: refusalLevel };
  const check = registry.validate(action, 'req', payload);
  if (!check.ok) {
    const codes = [...new Set([check.rpcErrorCode ?? facts.errorCodes.forKeyword('type'), ...(declared.answer === 'callError' ? declared.codes : [])])];
    return { owed: { answer: 'callError', codes, id: 'same' }, answerId: id, acceptedLevel: refusalLevel };
  }
  return { owed: declared.answer === 'callErrorOrClose' ? declared : { answer: 'callResult' }, answerId: id, acceptedLevel: 'SHOULD' };
}

/** The message id of any frame that reads as `[type, "<id>", …]` (an unknown type's answer carries it too). */
function messageIdOf(text: string): string | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && typeof v[1] === 'string' ? v[1] : undefined;
  } catch {
    return readableCallId(text);
  }
}

/** A short, safe description of a frame for step titles. */
function describe(frame: MadeFrame): string {
  const size = typeof frame.data === 'string' ? Buffer.byteLength(frame.data) : frame.data.length;
  const head = typeof frame.data === 'string' ? frame.data.slice(0, 60).replace(/[\u0000-\u001f]/g, '.') : `${frame.data.subarray(0, 16).toString('hex')}…`;
  return `${frame.binary ? 'binary' : 'text'}, ${size} bytes: ${head}${size > 60 ? '…' : ''}`;
}

/** The frames of one entry, reproducibly from the seed (a seed per entry, so a subset run sends the same frames). */
export function framesOf(entry: CorpusEntry, sender: Sender, opts: FuzzOptions): MadeFrame[] {
  const salt = [...entry.name].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
  const rng = seededRng((opts.seed ^ salt) >>> 0);
  let n = 0;
  const ctx = {
    rng, sender, id: () => `fz${opts.seed.toString(36)}-${(n++).toString(36)}`,
    bigBytes: [2 << 20, 3 << 20] as [number, number], depth: [2_000, 20_000] as [number, number],
  };
  return Array.from({ length: opts.rounds }, () => entry.make(ctx));
}

/** A valid request each side may send in both versions; any answer proves the system under test alive. */
const LIVENESS = { action: 'DataTransfer', payload: { vendorId: 'org.ocpp-harness.fuzz', messageId: 'liveness' } };

export function fuzzCases(version: OcppVersion, sides: Sut[], opts: FuzzOptions): CaseDefinition[] {
  const entries = opts.entries?.length ? opts.entries.map(corpusEntry) : [...CORPUS];
  const facts = versionFacts(version);
  const cases: CaseDefinition[] = [];
  for (const entry of entries) {
    for (const sut of sides) {
      const sender: Sender = sut === 'ChargePoint' ? 'csms' : 'chargePoint';
      const meta = {
        id: fuzzCaseId(entry.name, sut), title: `Fuzz: ${entry.name}`, ocpp: version, profile: FUZZ_PROFILE, sut,
        purpose: `${entry.rule[version]}. The hostile frame is answered as the rule says, and afterwards the ${sut === 'ChargePoint' ? 'charge point' : 'CSMS'} still answers a valid request.`,
        refs: [entry.rule[version], `${facts.ocppJ} §4 (RPC framework)`],
        provenance: `ours: fuzz corpus entry "${entry.name}" (harness/fuzz/corpus.ts), seed ${opts.seed}, ${opts.rounds} round${opts.rounds === 1 ? '' : 's'}; what a well-formed CALL is owed comes from the ${facts.name} schemas`,
      };
      const body = async (link: () => Promise<CaseLink>, reconnect: () => Promise<CaseLink>, t: { step: <T>(n: number, title: string, fn: () => Promise<T>) => Promise<T>; cfg: { timeouts: { responseMs: number } } }) => {
        let current = await t.step(1, 'Connected and booted', link);
        const frames = framesOf(entry, sender, opts);
        for (const [round, frame] of frames.entries()) {
          const owed = owedFor(frame, entry, version);
          await t.step(2 + round * 2, `Round ${round + 1}: send "${entry.name}" (${describe(frame)}); owed: ${owedText(owed)}`, async () => {
            if (!current.isOpen) current = await reconnect();
            const mayEnd = entry.endsConnection === true || owed.owed.answer === 'close' || owed.owed.answer === 'callErrorOrClose';
            const sent = await current.sendHostile(frame, { deliberatelyInvalid: owed.owed.answer !== 'callResult', mayEndConnection: mayEnd });
            const wait = owed.owed.answer === 'none' || owed.owed.answer === 'close' ? Math.min(t.cfg.timeouts.responseMs, 1000) : t.cfg.timeouts.responseMs;
            await current.waitForAnswer(owed.answerId, wait);
            const until = current.mark(`observed the answer to "${entry.name}" (round ${round + 1})`);
            current.expect({
              type: 'fuzz', entry: entry.name, sentSeq: sent.seq, untilSeq: until, owed: owed.owed,
              ...(owed.answerId !== undefined ? { answerId: owed.answerId } : {}),
              acceptedLevel: owed.acceptedLevel, requirement: entry.rule[version], level: 'MUST',
            });
          });
          await t.step(3 + round * 2, `Round ${round + 1}: the system under test still answers a valid ${LIVENESS.action}`, async () => {
            if (!current.isOpen) current = await reconnect();
            await current.callResultOrError(LIVENESS.action, LIVENESS.payload, {
              expect: {}, requirement: `${facts.ocppJ} §4.2: after a hostile frame the system under test keeps working — a valid request is answered (a CALLRESULT, or a CALLERROR it chooses)`,
            });
          });
        }
      };
      cases.push(sut === 'ChargePoint'
        ? defineCase({ ...meta, sut: 'ChargePoint' }, async (t) => body(() => t.csms.booted(), () => t.csms.connection(), t))
        : defineCase({ ...meta, sut: 'Csms' }, async (t) => body(() => t.cp.booted(), () => t.cp.reconnect(), t)));
    }
  }
  return cases;
}

function owedText(o: Owed): string {
  const a = o.owed;
  switch (a.answer) {
    case 'callError': return `CALLERROR ${a.codes.join('/')} with id ${a.id === '-1' ? '"-1"' : 'the frame\'s own'}`;
    case 'callErrorOrClose': return `CALLERROR ${a.codes.join('/')} or close ${a.closeCode}`;
    case 'close': return `close ${a.closeCode}`;
    case 'callResult': return 'a CALLRESULT';
    case 'none': return 'no answer';
  }
}
