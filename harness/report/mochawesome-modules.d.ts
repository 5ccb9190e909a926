// Type declarations for the parts of mochawesome (CommonJS, no bundled types) that the bridge uses.
// Under NodeNext these are imported as `import Mochawesome from 'mochawesome'` and
// `import addContext from 'mochawesome/addContext.js'` (the package has no "exports" map, so the
// subpath with its .js extension resolves; module.exports becomes the default import).

declare module 'mochawesome' {
  import type Mocha from 'mocha';
  /** Reporter constructor (a plain function that also works with `new`). */
  const Mochawesome: {
    new (runner: Mocha.Runner, options: Mocha.MochaOptions): Mocha.reporters.Base;
    call(thisArg: unknown, runner: Mocha.Runner, options: Mocha.MochaOptions): void;
  };
  export = Mochawesome;
}

declare module 'mochawesome/addContext.js' {
  import type Mocha from 'mocha';
  function addContext(test: Mocha.Context, context: string | { title: string; value: unknown }): void;
  export = addContext;
}
