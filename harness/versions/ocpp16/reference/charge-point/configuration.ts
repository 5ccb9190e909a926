// GetConfiguration and ChangeConfiguration on the wire (OCPP 1.6 §5.3, §5.8; rules in
// config-store.ts), with the quirks that bite here: garbage frames before the answer, an answer
// with the wrong message id, a late answer, no answer to ChangeConfiguration.

import { NOREPLY, type RpcHandlerArgs } from '../../../../peers/ocpp-rpc.js';
import { newMessageId, str } from '../../../../peers/peer-util.js';
import type { CpCore, Session } from './core.js';
import type { Payload } from './types.js';

export class ConfigurationHandlers {
  constructor(private readonly core: CpCore, private readonly lateResponseMs: number) {
    core.handle('GetConfiguration', (p, args, session) => this.get(p, args, session));
    core.handle('ChangeConfiguration', (p) => {
      if (core.quirks.has('silent-on-change-configuration')) return NOREPLY;
      const key = str(p.key) ?? '';
      // Keys with their own rules (security.ts) answer first; undefined leaves them to the store.
      let status: string | undefined;
      for (const intercept of core.changeInterceptors) status ??= intercept(key, str(p.value) ?? '');
      status ??= core.config.change(key, str(p.value) ?? '');
      core.log(`ChangeConfiguration ${key} = ${str(p.value) ?? ''}: ${status}`);
      return { status };
    });
  }

  private get(p: Payload, args: RpcHandlerArgs, session: Session): unknown {
    const { core } = this;
    if (core.quirks.has('garbage-not-json')) core.sendRaw(session, '{"this is": not json');
    if (core.quirks.has('garbage-wrong-shape')) core.sendRaw(session, '[2,"x"]');
    if (core.quirks.has('garbage-unknown-type')) core.sendRaw(session, [7, newMessageId(), {}]);
    if (core.quirks.has('huge-frame')) core.sendRaw(session, JSON.stringify('x'.repeat(5 * 1024 * 1024 - 2)));

    const keys = Array.isArray(p.key) ? p.key.filter((k): k is string => typeof k === 'string') : [];
    const { result, ignored } = core.config.getConfiguration(keys);
    if (ignored.length) core.log(`GetConfiguration: ${ignored.length} key(s) beyond GetConfigurationMaxKeys not answered`);
    if (core.quirks.has('wrong-message-id-in-result')) {
      // Another id of a valid length (OCPP-J 1.6 §4.1.4: at most 36 characters), so that the only
      // deviation is the pairing: appending to a 36-character UUID would also break the framing.
      const id = String(args.messageId);
      core.sendRaw(session, [3, `${id.slice(0, -1)}${id.endsWith('x') ? 'y' : 'x'}`, result]);
      return NOREPLY;
    }
    if (core.quirks.has('late-response')) {
      core.timers.after(this.lateResponseMs, () => core.sendRaw(session, [3, args.messageId, result]));
      return NOREPLY;
    }
    return result;
  }
}
