import { expect } from 'chai';
import { parseFrame, serialise } from '../../harness/rpc/frame.js';

describe('rpc/frame: parse order JSON → array → type → id → shape', () => {
  const table: [string, string, string | null][] = [
    ['a CALL', '[2,"a","Heartbeat",{}]', null],
    ['a CALLRESULT', '[3,"a",{"currentTime":"x"}]', null],
    ['a CALLERROR', '[4,"a","NotImplemented","",{}]', null],
    ['not JSON', '[2,"a",', 'rpc.json'],
    ['an object', '{"a":1}', 'rpc.shape'],
    ['a string', '"hello"', 'rpc.shape'],
    ['type not a number', '["2","a","Heartbeat",{}]', 'rpc.shape'],
    ['unknown type 7', '[7,"a",{}]', 'rpc.messageType'],
    ['type 5 (2.1 only) in 1.6', '[5,"a",{}]', 'rpc.messageType'],
    ['id not a string', '[2,1,"Heartbeat",{}]', 'rpc.shape'],
    ['id of 37 characters', `[2,"${'x'.repeat(37)}","Heartbeat",{}]`, 'rpc.shape'],
    ['CALL with 3 elements', '[2,"a","Heartbeat"]', 'rpc.shape'],
    ['CALL payload null (OCPP-J §4.2.1 allows null for no payload)', '[2,"a","Heartbeat",null]', null],
    ['CALLRESULT payload null (§4.2.2 likewise)', '[3,"a",null]', null],
    ['CALL action a number', '[2,"a",5,{}]', 'rpc.shape'],
    ['CALLRESULT with 4 elements', '[3,"a",{},{}]', 'rpc.shape'],
    ['CALLERROR without details', '[4,"a","GenericError",""]', 'rpc.shape'],
    ['CALLERROR details an array', '[4,"a","GenericError","",[]]', 'rpc.shape'],
  ];
  for (const [name, raw, problem] of table) {
    it(`${name} → ${problem ?? 'ok'}`, () => {
      const parsed = parseFrame(raw);
      if (problem === null) expect(parsed.ok).to.equal(true);
      else expect(parsed.ok ? 'ok' : parsed.problem).to.equal(problem);
    });
  }

  it('a 36-character id is fine', () => {
    expect(parseFrame(`[2,"${'x'.repeat(36)}","Heartbeat",{}]`).ok).to.equal(true);
  });

  it('serialise round-trips every type', () => {
    for (const raw of ['[2,"a","Heartbeat",{}]', '[3,"a",{"x":1}]', '[4,"a","GenericError","d",{"k":1}]']) {
      const parsed = parseFrame(raw);
      if (!parsed.ok) throw new Error('parse failed');
      expect(serialise(parsed.frame)).to.equal(raw);
    }
  });
});
