// The hostile frame corpus: named malformed and edge-case OCPP-J frames, each with the rule it breaks
// and what a conforming receiver answers per OCPP-J version. One seeded generator draws from it, so a
// run is reproducible from its seed. Used by the harness's own tests and `npm run bench` (frames at
// the harness in both roles); a fuzz mode that turns it on a SUT reads the same entries.
//
// Rules cited: OCPP-J 1.6 §4 (RPC framework, Table 7 error codes, as the errata keep them: "do not
// fix" FormationViolation / OccurenceConstraintViolation) and OCPP-J 2.0.1 Part 4 §4 (Table 8, §4.2.3
// "-1" when the MessageId cannot be read, §4.4 MessageTypeNotSupported).
import { between, seededRng, type Rng } from './prng.js';

export type OcppJVersion = '1.6' | '2.0.1';

/** Who sends the frame: a hostile charge point (to the CSMS) or a hostile CSMS (to the charge point). */
export type Sender = 'chargePoint' | 'csms';

export type ExpectedAnswer =
  /** A CALLERROR with one of `codes` (the first is the exemplary one), carrying the CALL's id or "-1". */
  | { answer: 'callError'; codes: string[]; id: 'same' | '-1' }
  /** Nothing is owed: the frame cannot be answered (no readable id) or needs no answer. The connection stays. */
  | { answer: 'none'; why: string }
  /** A CALLERROR with one of `codes`, or the receiver closes with `closeCode` (it may refuse to read the frame). */
  | { answer: 'callErrorOrClose'; codes: string[]; closeCode: number }
  /** The receiver closes the connection with `closeCode` (a WebSocket-level rule). */
  | { answer: 'close'; closeCode: number }
  /** A CALLRESULT (a valid but extreme request: answered correctly and bounded). */
  | { answer: 'callResult' };

export interface MadeFrame {
  data: string | Buffer;
  binary: boolean;
}

export interface MakeContext {
  rng: Rng;
  sender: Sender;
  /** A fresh message id (unique within a run). */
  id(): string;
  /** Size range of the big-frame entry, in bytes. */
  bigBytes: [number, number];
  /** Nesting depth range of the deep-nesting entry. */
  depth: [number, number];
}

export interface CorpusEntry {
  name: string;
  /** The OCPP-J rule the frame breaks (or the edge it probes), per version. */
  rule: Record<OcppJVersion, string>;
  expected: Record<OcppJVersion, ExpectedAnswer>;
  /** The receiver ends the connection (the generator's user must reconnect). */
  endsConnection?: boolean;
  /** Relative draw weight in a mixed run (default 1). */
  weight?: number;
  make(ctx: MakeContext): MadeFrame;
}

const text = (data: string): MadeFrame => ({ data, binary: false });
const unreadable16: ExpectedAnswer = { answer: 'none', why: 'OCPP-J 1.6 §4.1.4: the message id cannot be read, so no CALLERROR can be addressed' };
const rpcFramework201: ExpectedAnswer = { answer: 'callError', codes: ['RpcFrameworkError'], id: '-1' };
const formation16 = (...more: string[]): ExpectedAnswer => ({ answer: 'callError', codes: ['FormationViolation', ...more], id: 'same' });
const format201 = (...more: string[]): ExpectedAnswer => ({ answer: 'callError', codes: ['FormatViolation', ...more], id: 'same' });
const noAnswer = (why: string): Record<OcppJVersion, ExpectedAnswer> => ({ '1.6': { answer: 'none', why }, '2.0.1': { answer: 'none', why } });

/** An action the sender may send and a payload that is valid for it (both versions' names where they agree). */
function validCall(sender: Sender): [string, Record<string, unknown>] {
  return sender === 'chargePoint' ? ['Heartbeat', {}] : ['ClearCache', {}];
}

export const CORPUS: readonly CorpusEntry[] = [
  {
    name: 'not-json',
    rule: { '1.6': 'OCPP-J 1.6 §4.1.2: a message is valid JSON', '2.0.1': 'OCPP-J 2.0.1 §4.1.2: a message is valid JSON' },
    expected: { '1.6': unreadable16, '2.0.1': rpcFramework201 },
    make: ({ rng }) => text(['{[2,"', 'hello', '[2,"a","Heartbeat",{]', '\u0000\u0001', 'null,', '[2,"a" "b"]'][between(rng, 0, 5)]!),
  },
  {
    name: 'json-not-an-array',
    rule: { '1.6': 'OCPP-J 1.6 §4.2: a message is a JSON array', '2.0.1': 'OCPP-J 2.0.1 §4.2: a message is a JSON array' },
    expected: { '1.6': unreadable16, '2.0.1': rpcFramework201 },
    make: ({ rng }) => text(['{"messageTypeId":2}', '"2"', '42', 'true', 'null', '{}'][between(rng, 0, 5)]!),
  },
  {
    name: 'empty-array',
    rule: { '1.6': 'OCPP-J 1.6 §4.2.1: a CALL has 4 elements', '2.0.1': 'OCPP-J 2.0.1 §4.2.1: a CALL has 4 elements' },
    expected: { '1.6': unreadable16, '2.0.1': rpcFramework201 },
    make: () => text('[]'),
  },
  {
    name: 'message-type-not-a-number',
    rule: { '1.6': 'OCPP-J 1.6 §4.1.3: the message type is the number 2, 3 or 4', '2.0.1': 'OCPP-J 2.0.1 §4.1.3: the message type is an integer' },
    expected: { '1.6': unreadable16, '2.0.1': rpcFramework201 },
    make: ({ id }) => text(JSON.stringify(['2', id(), 'Heartbeat', {}])),
  },
  {
    name: 'unknown-message-type',
    rule: { '1.6': 'OCPP-J 1.6 §4.1.3: only message types 2, 3 and 4 exist', '2.0.1': 'OCPP-J 2.0.1 §4.4: an unknown message type is answered MessageTypeNotSupported' },
    expected: { '1.6': { answer: 'none', why: 'OCPP-J 1.6 defines no answer to an unknown message type' }, '2.0.1': { answer: 'callError', codes: ['MessageTypeNotSupported'], id: 'same' } },
    make: ({ rng, id }) => text(JSON.stringify([[0, 1, 5, 6, 7, 99, -1][between(rng, 0, 6)], id(), 'Heartbeat', {}])),
  },
  {
    name: 'message-id-not-a-string',
    rule: { '1.6': 'OCPP-J 1.6 §4.1.4: the message id is a string', '2.0.1': 'OCPP-J 2.0.1 §4.1.4: the message id is a string' },
    expected: { '1.6': unreadable16, '2.0.1': rpcFramework201 },
    make: ({ rng }) => text(JSON.stringify([2, [123, null, {}, [], true][between(rng, 0, 4)], 'Heartbeat', {}])),
  },
  {
    name: 'message-id-too-long',
    rule: { '1.6': 'OCPP-J 1.6 §4.1.4: the message id is at most 36 characters', '2.0.1': 'OCPP-J 2.0.1 §4.2.1 Table 5: MessageId is string[36]' },
    expected: { '1.6': formation16('ProtocolError'), '2.0.1': { answer: 'callError', codes: ['RpcFrameworkError', 'FormatViolation'], id: 'same' } },
    make: ({ rng, id }) => text(JSON.stringify([2, `${id()}-${'x'.repeat(between(rng, 37, 300))}`, 'Heartbeat', {}])),
  },
  {
    name: 'call-without-payload',
    rule: { '1.6': 'OCPP-J 1.6 §4.2.1: a CALL has 4 elements, the last the payload', '2.0.1': 'OCPP-J 2.0.1 §4.2.1: a CALL has 4 elements' },
    expected: { '1.6': formation16('ProtocolError'), '2.0.1': format201('ProtocolError', 'RpcFrameworkError') },
    make: ({ sender, id }) => text(JSON.stringify([2, id(), validCall(sender)[0]])),
  },
  {
    name: 'call-with-extra-element',
    rule: { '1.6': 'OCPP-J 1.6 §4.2.1: a CALL has exactly 4 elements', '2.0.1': 'OCPP-J 2.0.1 §4.2.1: a CALL has exactly 4 elements' },
    expected: { '1.6': formation16('ProtocolError'), '2.0.1': format201('ProtocolError', 'RpcFrameworkError') },
    make: ({ sender, id }) => text(JSON.stringify([2, id(), ...validCall(sender), 'extra'])),
  },
  {
    name: 'payload-not-an-object',
    rule: { '1.6': 'OCPP-J 1.6 §4.1.5: the payload is a JSON object', '2.0.1': 'OCPP-J 2.0.1 §4.1.5: the payload is a JSON object' },
    expected: { '1.6': formation16(), '2.0.1': format201() },
    make: ({ rng, sender, id }) => text(JSON.stringify([2, id(), validCall(sender)[0], [[1, 2], 'text', 7, true][between(rng, 0, 3)]])),
  },
  {
    name: 'action-not-a-string',
    rule: { '1.6': 'OCPP-J 1.6 §4.2.1: the Action is a string', '2.0.1': 'OCPP-J 2.0.1 §4.2.1: the Action is a string' },
    expected: { '1.6': formation16('ProtocolError', 'NotImplemented'), '2.0.1': { answer: 'callError', codes: ['RpcFrameworkError', 'FormatViolation', 'NotImplemented'], id: 'same' } },
    make: ({ rng, id }) => text(JSON.stringify([2, id(), [42, null, {}, ['Heartbeat']][between(rng, 0, 3)], {}])),
  },
  {
    name: 'unknown-action',
    rule: { '1.6': 'OCPP-J 1.6 §4.2.3 Table 7: an unknown Action is answered NotImplemented', '2.0.1': 'OCPP-J 2.0.1 §4.3 Table 8: an unknown Action is answered NotImplemented' },
    expected: { '1.6': { answer: 'callError', codes: ['NotImplemented'], id: 'same' }, '2.0.1': { answer: 'callError', codes: ['NotImplemented'], id: 'same' } },
    make: ({ rng, id }) => text(JSON.stringify([2, id(), ['FrobnicateWidget', '', 'heartbeat', 'Heartbeat ', 'A'.repeat(500)][between(rng, 0, 4)], {}])),
  },
  {
    name: 'wrong-field-type',
    rule: { '1.6': 'OCPP-J 1.6 §4.1.7: all data is of the correct data type', '2.0.1': 'OCPP-J 2.0.1 §4.1.7: all data is of the correct data type' },
    expected: { '1.6': { answer: 'callError', codes: ['TypeConstraintViolation', 'FormationViolation'], id: 'same' }, '2.0.1': { answer: 'callError', codes: ['TypeConstraintViolation', 'FormatViolation'], id: 'same' } },
    make: ({ sender, id }) => text(JSON.stringify(sender === 'chargePoint'
      ? [2, id(), 'StatusNotification', { connectorId: 'one', errorCode: 'NoError', status: 'Available' }]
      : [2, id(), 'ChangeAvailability', { connectorId: 'one', type: 'Operative' }])),
  },
  {
    name: 'missing-required-field',
    rule: { '1.6': 'OCPP-J 1.6 §4.1.7: all required fields are present', '2.0.1': 'OCPP-J 2.0.1 §4.1.7: all required fields are present' },
    expected: { '1.6': { answer: 'callError', codes: ['OccurenceConstraintViolation', 'FormationViolation'], id: 'same' }, '2.0.1': { answer: 'callError', codes: ['OccurrenceConstraintViolation', 'FormatViolation'], id: 'same' } },
    make: ({ sender, id }) => text(JSON.stringify([2, id(), sender === 'chargePoint' ? 'StatusNotification' : 'ChangeAvailability', {}])),
  },
  {
    name: 'null-where-an-object-belongs',
    rule: { '1.6': 'OCPP-J 1.6 §4.1.7: all data is of the correct data type', '2.0.1': 'OCPP-J 2.0.1 §4.1.7: all data is of the correct data type' },
    expected: { '1.6': { answer: 'callError', codes: ['TypeConstraintViolation', 'FormationViolation'], id: 'same' }, '2.0.1': { answer: 'callError', codes: ['TypeConstraintViolation', 'FormatViolation'], id: 'same' } },
    make: ({ sender, id }) => text(JSON.stringify(sender === 'chargePoint'
      ? [2, id(), 'MeterValues', { connectorId: 1, meterValue: [null] }]
      : [2, id(), 'SendLocalList', { listVersion: 1, updateType: 'Full', localAuthorizationList: [null] }])),
  },
  {
    name: 'deep-nesting',
    rule: { '1.6': 'OCPP-J 1.6 §4.1.7: the payload conforms to the PDU (here: an unexpected, deeply nested property)', '2.0.1': 'OCPP-J 2.0.1 §4.1.7: the payload conforms to the schema' },
    expected: { '1.6': formation16('TypeConstraintViolation'), '2.0.1': format201('TypeConstraintViolation') },
    weight: 0.05,
    make: ({ rng, sender, id, depth }) => {
      const d = between(rng, depth[0], depth[1]);
      return text(`[2,"${id()}","${validCall(sender)[0]}",{"nested":${'['.repeat(d)}${']'.repeat(d)}}]`);
    },
  },
  {
    name: 'big-frame',
    rule: { '1.6': 'edge: a frame of several MiB (OCPP-J sets no size; the receiver may refuse what it cannot hold)', '2.0.1': 'edge: a frame of several MiB (OCPP-J sets no size; the receiver may refuse what it cannot hold)' },
    expected: {
      '1.6': { answer: 'callErrorOrClose', codes: ['FormationViolation', 'GenericError'], closeCode: 1009 },
      '2.0.1': { answer: 'callErrorOrClose', codes: ['FormatViolation', 'GenericError'], closeCode: 1009 },
    },
    weight: 0.0005,
    make: ({ rng, id, bigBytes }) => {
      const head = `[2,"${id()}","DataTransfer",{"vendorId":"fuzz","data":"`;
      const size = between(rng, bigBytes[0], bigBytes[1]);
      return text(`${head}${'x'.repeat(Math.max(0, size - head.length - 4))}"}]`);
    },
  },
  {
    name: 'binary-frame',
    rule: { '1.6': 'OCPP-J 1.6 §4.1.2: messages are UTF-8 text frames', '2.0.1': 'OCPP-J 2.0.1 §4.1.2: messages are UTF-8 text frames' },
    expected: noAnswer('a binary frame has no readable message id; the receiver ignores it (or closes)'),
    make: ({ rng }) => ({ data: Buffer.from(Array.from({ length: between(rng, 1, 256) }, () => between(rng, 0, 255))), binary: true }),
  },
  {
    name: 'callresult-unknown-id',
    rule: { '1.6': 'OCPP-J 1.6 §4.1.4: a CALLRESULT answers a CALL with the same id', '2.0.1': 'OCPP-J 2.0.1 §4.1.4: a CALLRESULT answers a CALL with the same id' },
    expected: noAnswer('an answer to nothing is dropped'),
    make: ({ id }) => text(JSON.stringify([3, id(), { status: 'Accepted' }])),
  },
  {
    name: 'callerror-unknown-id',
    rule: { '1.6': 'OCPP-J 1.6 §4.1.4: a CALLERROR answers a CALL with the same id', '2.0.1': 'OCPP-J 2.0.1 §4.1.4: a CALLERROR answers a CALL with the same id' },
    expected: noAnswer('an answer to nothing is dropped'),
    make: ({ id }) => text(JSON.stringify([4, id(), 'GenericError', 'fuzz', {}])),
  },
  {
    name: 'callerror-wrong-shape',
    rule: { '1.6': 'OCPP-J 1.6 §4.2.3: a CALLERROR has 5 elements', '2.0.1': 'OCPP-J 2.0.1 §4.2.3: a CALLERROR has 5 elements' },
    expected: noAnswer('a malformed answer is dropped; it must not be answered'),
    make: ({ id }) => text(JSON.stringify([4, id(), 'GenericError'])),
  },
  {
    name: 'semantic-bomb',
    rule: { '1.6': 'edge: a valid request with extreme values (a bounded, correct answer is owed)', '2.0.1': 'edge: a valid request with extreme values (a bounded, correct answer is owed)' },
    expected: { '1.6': { answer: 'callResult' }, '2.0.1': { answer: 'callResult' } },
    make: ({ sender, id }) => text(JSON.stringify(sender === 'chargePoint'
      ? [2, id(), 'DataTransfer', { vendorId: 'fuzz', data: 'é'.repeat(2000) }]
      : [2, id(), 'GetCompositeSchedule', { connectorId: 0, duration: 864_000_000 }])),
  },
  {
    name: 'invalid-utf8',
    rule: { '1.6': 'OCPP-J 1.6 §4.1.2 / RFC 6455 §8.1: text frames are valid UTF-8', '2.0.1': 'OCPP-J 2.0.1 §4.1.2 / RFC 6455 §8.1: text frames are valid UTF-8' },
    expected: { '1.6': { answer: 'close', closeCode: 1007 }, '2.0.1': { answer: 'close', closeCode: 1007 } },
    endsConnection: true,
    weight: 0,
    make: () => ({ data: Buffer.from([0x5b, 0x32, 0x2c, 0x22, 0xff, 0xfe, 0x22, 0x5d]), binary: false }),
  },
];

export function corpusEntry(name: string): CorpusEntry {
  const entry = CORPUS.find((e) => e.name === name);
  if (!entry) throw new Error(`no corpus entry ${JSON.stringify(name)}; known: ${CORPUS.map((e) => e.name).join(', ')}`);
  return entry;
}

export interface GeneratorOptions {
  seed: number;
  sender: Sender;
  /** How many frames. */
  count: number;
  /** Only these entries (default: every entry with a weight above 0). */
  entries?: readonly string[];
  /** Draw weights by entry name, over the entries' own. */
  weights?: Record<string, number>;
  bigBytes?: [number, number];
  depth?: [number, number];
}

export interface HostileFrame extends MadeFrame {
  entry: CorpusEntry;
  index: number;
}

/** `count` frames drawn from the corpus by weight, reproducibly from `seed`. */
export function* hostileFrames(opts: GeneratorOptions): Generator<HostileFrame> {
  const rng = seededRng(opts.seed);
  const pool = (opts.entries ? opts.entries.map(corpusEntry) : CORPUS)
    .map((entry) => ({ entry, weight: opts.weights?.[entry.name] ?? entry.weight ?? 1 }))
    .filter((p) => p.weight > 0);
  if (!pool.length) throw new Error('no corpus entry to draw from');
  const total = pool.reduce((sum, p) => sum + p.weight, 0);
  let n = 0;
  const ctx: MakeContext = {
    rng, sender: opts.sender,
    id: () => `fz${opts.seed.toString(36)}-${(n++).toString(36)}`,
    bigBytes: opts.bigBytes ?? [2 << 20, 4 << 20],
    depth: opts.depth ?? [2_000, 50_000],
  };
  for (let index = 0; index < opts.count; index++) {
    let pick = rng() * total;
    let chosen = pool[pool.length - 1]!;
    for (const p of pool) {
      pick -= p.weight;
      if (pick < 0) {
        chosen = p;
        break;
      }
    }
    yield { ...chosen.entry.make(ctx), entry: chosen.entry, index };
  }
}
