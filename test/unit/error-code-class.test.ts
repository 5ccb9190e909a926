// The four-way rule every version judges CALLERROR codes by, including names an object inherits.
import { expect } from 'chai';
import { classifyErrorCode, levelOfErrorCodeClass } from '../../harness/schema/error-code-class.js';

const TABLE = ['FormatViolation', 'NotImplemented', 'InternalError'];
const SPELLINGS = { FormationViolation: 'FormatViolation' };

describe('CALLERROR code classes', () => {
  const cases: [string, string, 'MUST' | 'SHOULD' | undefined][] = [
    ['FormatViolation', 'exact', undefined],
    ['InternalError', 'other-code', 'SHOULD'],
    ['FormationViolation', 'later-spelling', 'SHOULD'],
    ['Invented', 'not-a-code', 'MUST'],
    // Inherited property names of a plain object are no spelling: they FAIL like any invented code.
    ['constructor', 'not-a-code', 'MUST'],
    ['toString', 'not-a-code', 'MUST'],
    ['__proto__', 'not-a-code', 'MUST'],
  ];
  for (const [code, cls, level] of cases) {
    it(`${code} → ${cls} (${level ?? 'no finding'})`, () => {
      const c = classifyErrorCode(code, ['FormatViolation'], TABLE, SPELLINGS);
      expect(c).to.equal(cls);
      expect(levelOfErrorCodeClass(c)).to.equal(level);
    });
  }
});
