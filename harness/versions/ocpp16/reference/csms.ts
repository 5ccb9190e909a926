// The built-in reference central system (CSMS) for OCPP 1.6J, built on ocpp-rpc's RPCServer (not
// on the harness's own transport/RPC code). Each quirk (quirks.ts) is one switch at the one place
// where it bites.

import type { AddressInfo } from 'node:net';
import { startFileServers, type FileServers } from '../../../files/file-servers.js';
import { firmwareImage } from '../../../files/firmware-image.js';
import { describeTransfer } from '../../../files/transfer-log.js';
import type { StimulusOutcome } from '../../../sut/control.js';
import { checkCsr, loadSigningCa, signCsr } from '../../../security/csr.js';
import { loadFirmwareSigning, makeFirmwareSigning, signFirmware, type FirmwareSigning } from '../../../security/firmware-signature.js';
import type { ServerSecurity } from '../../../security/security-settings.js';
import { admit, createCsmsHttpServer, type HttpLikeServer } from '../../../peers/csms-http-server.js';
import { checkPayload16 } from './error-codes.js';
import { isCsmsQuirk, quirkSet, type CsmsQuirk } from './quirks.js';
import {
  NOREPLY,
  RPCServer,
  createRPCError,
  type RpcHandlerArgs,
  type RpcServerClientLike,
  type RpcServerLike,
} from '../../../peers/ocpp-rpc.js';
import { answerBadMessagesAs16, strictValidator16 } from './rpc16.js';
import { FrameLog, TimerBag, asRecord, errText, newMessageId, str, type FrameListener, type FrameRecord } from '../../../peers/peer-util.js';

export interface IdTagLists {
  accepted?: string[];
  invalid?: string[];
  blocked?: string[];
  expired?: string[];
}

export type BootStatus = 'Accepted' | 'Pending' | 'Rejected';

export interface ReferenceCsmsOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Heartbeat interval given in BootNotification.conf (default 2 s). */
  heartbeatIntervalS?: number;
  /** Authorisation lists; an idTag on none of them is Invalid. */
  idTags?: IdTagLists;
  /** When set, the WebSocket upgrade needs HTTP Basic auth `identity:password` (else 401). */
  password?: string;
  quirks?: Iterable<CsmsQuirk>;
  /** Delay of the `late-response` quirk (default 1500 ms). */
  lateResponseMs?: number;
  log?: (line: string) => void;
  /** Registration status answered to BootNotification (default Accepted; changeable via `bootStatus`). */
  bootStatus?: BootStatus;
  /** Timeout for the CALLs this CSMS sends (default 30 s). */
  callTimeoutMs?: number;
  /** Group (IdTagInfo.parentIdTag, §3.10) of the accepted idTags (default `GROUP01`). */
  acceptedParentIdTag?: string;
  /** Version carried by the firmware image it hosts for UpdateFirmware (default `2.0.0`). */
  firmwareVersion?: string;
  /**
   * Security profile 1–3 (Security Whitepaper ed. 3): Basic auth with `basicAuthPassword` (1, 2), wss://
   * with `tls` (2, 3), client certificates (3). Absent: `password` and plain ws:// as before.
   */
  security?: ServerSecurity;
  /** A PKI directory (`pki init`): the CPO root it signs CSRs with, the firmware signing certificate. */
  pkiDir?: string;
  /** O a charge point's CSR must carry (the CpoName), when set. */
  cpoName?: string;
}

/** Where its own file servers keep the firmware it offers and the diagnostics it receives. */
const FIRMWARE_DIR = '/firmware/';
const DIAGNOSTICS_DIR = '/diagnostics/';
const LOG_DIR = '/logs/';
const SIGNED_FIRMWARE_PATH = '/firmware/signed/ocpp-harness-signed.bin';
const FIRMWARE_IMAGE_BYTES = 48 * 1024;

type Payload = Record<string, unknown>;

/** The OCPP 1.6 requests a central system sends to a charge point. */
const CSMS_ACTIONS = new Set([
  'CancelReservation',
  'ChangeAvailability',
  'ChangeConfiguration',
  'ClearCache',
  'ClearChargingProfile',
  'DataTransfer',
  'GetCompositeSchedule',
  'GetConfiguration',
  'GetDiagnostics',
  'GetLocalListVersion',
  'RemoteStartTransaction',
  'RemoteStopTransaction',
  'ReserveNow',
  'Reset',
  'SendLocalList',
  'SetChargingProfile',
  'TriggerMessage',
  'UnlockConnector',
  'UpdateFirmware',
  // Security Whitepaper ed. 3 (CertificateSigned follows a SignCertificate.req by itself).
  'ExtendedTriggerMessage',
  'InstallCertificate',
  'DeleteCertificate',
  'GetInstalledCertificateIds',
  'GetLog',
  'SignedUpdateFirmware',
]);

const KNOWN_VENDOR = 'ocpp-harness';
/** The idTag the `remote-start-own-id-tag` quirk starts with, and accepts. */
const OWN_REMOTE_ID_TAG = 'REMOTE01';

export class ReferenceCsms {
  /** Registration status answered to BootNotification. */
  bootStatus: BootStatus;

  private readonly host: string;
  private readonly port: number;
  private readonly heartbeatIntervalS: number;
  private readonly lists: Required<IdTagLists>;
  private readonly password?: string;
  private readonly quirks: ReadonlySet<CsmsQuirk>;
  private readonly lateResponseMs: number;
  private readonly logLine: (line: string) => void;
  private readonly callTimeoutMs: number;
  private readonly acceptedParentIdTag: string;
  /** listVersion of the last SendLocalList sent, per charge point. */
  private readonly listVersions = new Map<string, number>();

  private readonly timers = new TimerBag();
  private readonly frameLog = new FrameLog();
  private readonly clients = new Map<string, RpcServerClientLike>();
  private nextTransactionId = 1;
  /** Its own reservation numbers (quirk reservation-id-own-numbering). */
  private nextReservationId = 9001;
  private server?: RpcServerLike;
  private httpServer?: HttpLikeServer;
  private readonly security?: ServerSecurity;
  private readonly pkiDir?: string;
  private readonly cpoName?: string;
  /** Basic-auth passwords per identity, once a ChangeConfiguration AuthorizationKey was accepted. */
  private readonly passwords = new Map<string, string>();
  private firmwareSigning?: Promise<FirmwareSigning>;
  private nextRequestId = 1;
  private fileServers?: FileServers;
  private readonly firmwareVersion: string;

  constructor(options: ReferenceCsmsOptions = {}) {
    this.host = options.host ?? '127.0.0.1';
    this.port = options.port ?? 0;
    this.heartbeatIntervalS = options.heartbeatIntervalS ?? 2;
    this.lists = {
      accepted: options.idTags?.accepted ?? ['ACCEPTED01'],
      invalid: options.idTags?.invalid ?? [],
      blocked: options.idTags?.blocked ?? ['BLOCKED01'],
      expired: options.idTags?.expired ?? ['EXPIRED01'],
    };
    this.password = options.password;
    this.quirks = quirkSet(options.quirks, isCsmsQuirk, 'CSMS');
    this.lateResponseMs = options.lateResponseMs ?? 1500;
    this.logLine = options.log ?? (() => {});
    this.bootStatus = options.bootStatus ?? 'Accepted';
    this.callTimeoutMs = options.callTimeoutMs ?? 30_000;
    this.acceptedParentIdTag = options.acceptedParentIdTag ?? 'GROUP01';
    this.firmwareVersion = options.firmwareVersion ?? '2.0.0';
    this.security = options.security && options.security.profile > 0 ? options.security : undefined;
    this.pkiDir = options.pkiDir;
    this.cpoName = options.cpoName;
  }

  /** The password a charge point must send now (profiles 1, 2; else the plain `password` option). */
  private passwordFor(identity: string): string | undefined {
    return this.passwords.get(identity) ?? (this.security ? this.security.basicAuthPassword : this.password);
  }

  // ---------------------------------------------------------------- public API

  /** Start listening; the URL is the base a charge point appends its identity to. */
  async listen(): Promise<{ url: string }> {
    if (this.server) throw new Error('already listening');
    await this.startFiles();
    const server = new RPCServer({
      protocols: ['ocpp1.6'],
      strictMode: true,
      strictModeValidators: [strictValidator16],
      callConcurrency: 1,
      callTimeoutMs: this.callTimeoutMs,
      pingIntervalMs: 0,
      respondWithDetailedErrors: false,
    });
    server.on('error', (err) => this.log(`server error: ${err.message}`));
    server.on('upgradeAborted', (ev) => this.log(`upgrade from '${ev.identity}' aborted: ${errText(ev.error)}`));
    server.auth((accept, reject, handshake) => {
      if (this.security) {
        const verdict = admit(this.security, handshake.request, handshake.identity, this.passwordFor(handshake.identity), this.quirks);
        if (!verdict.ok) {
          this.log(`rejecting '${handshake.identity}': ${verdict.why}`);
          reject(verdict.status, verdict.status === 401 ? 'Unauthorized' : 'Forbidden');
          return;
        }
      } else if (this.password !== undefined && handshake.password?.toString('utf8') !== this.password) {
        this.log(`rejecting '${handshake.identity}': bad or missing basic auth`);
        reject(401, 'Unauthorized');
        return;
      }
      if (this.quirks.has('no-subprotocol')) {
        accept({}, false);
        return;
      }
      if (handshake.protocols.has('ocpp1.6')) {
        accept({}, 'ocpp1.6');
        return;
      }
      if (this.quirks.has('refuses-unsupported-subprotocol')) {
        reject(400, 'Bad Request');
        return;
      }
      // OCPP-J 1.6 §3.2: finish the handshake without a subprotocol, then close at once.
      accept({ noSubprotocol: true }, false);
    });
    server.on('client', (client) => this.onClient(client));
    try {
      // Our own HTTP server: ocpp-rpc's listen() leaves a listen error (port in use) unhandled.
      const { server: http, upgradeTarget } = createCsmsHttpServer(this.security, this.quirks, (_req, res) => res.writeHead(404).end());
      for (const target of upgradeTarget) target.on('upgrade', server.handleUpgrade);
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(this.port, this.host, () => {
          http.off('error', reject);
          resolve();
        });
      });
      this.httpServer = http;
    } catch (err) {
      await this.closeFiles();
      throw err;
    }
    this.server = server;
    const { port } = this.httpServer.address() as AddressInfo;
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    const url = `${this.security?.tls ? 'wss' : 'ws'}://${host}:${port}/ocpp`;
    this.log(`listening on ${url}`);
    return { url };
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.timers.clearAll();
    await this.closeFiles();
    if (!server) return;
    const clients = [...this.clients.values()];
    this.clients.clear();
    let t: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.allSettled(clients.map((c) => c.close({ code: 1001, reason: 'CSMS closing' }))),
        new Promise<void>((resolve) => {
          t = setTimeout(resolve, 1000);
        }),
      ]);
    } finally {
      if (t) clearTimeout(t);
    }
    await Promise.allSettled(clients.map((c) => c.close({ force: true })));
    await server.close({ force: true });
    const http = this.httpServer;
    this.httpServer = undefined;
    if (http) {
      (http as { closeAllConnections?: () => void }).closeAllConnections?.();
      if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  }

  /** The SUT-control vocabulary (served at GET /actions by `simulate --control`). */
  readonly actions: readonly string[] = [...CSMS_ACTIONS];

  knowsAction(action: string): boolean {
    return CSMS_ACTIONS.has(action);
  }

  /** Its file servers (firmware offered, diagnostics received), while listening. */
  get files(): FileServers | undefined {
    return this.fileServers;
  }

  /** Where it offers its firmware image (what UpdateFirmware carries when no location is asked for). */
  firmwareLocation(transport: 'http' | 'ftp' = 'http'): string {
    const files = this.requireFiles();
    const path = this.firmwarePath();
    return transport === 'ftp' ? files.ftpUrl(path) : files.httpUrl(path);
  }

  /** Where a charge point uploads diagnostics (what GetDiagnostics carries when no location is asked for). */
  diagnosticsLocation(transport: 'http' | 'ftp' = 'http'): string {
    const files = this.requireFiles();
    return transport === 'ftp' ? files.ftpUrl(DIAGNOSTICS_DIR) : files.httpUrl(DIAGNOSTICS_DIR);
  }

  /** The diagnostics files charge points uploaded, by path on its file servers. */
  receivedDiagnostics(): Map<string, Buffer> {
    const received = new Map<string, Buffer>();
    const store = this.fileServers?.store;
    for (const entry of store?.list(DIAGNOSTICS_DIR) ?? []) {
      const content = entry.isDirectory ? undefined : store?.upload(DIAGNOSTICS_DIR + entry.name);
      if (content) received.set(DIAGNOSTICS_DIR + entry.name, content);
    }
    return received;
  }

  /**
   * Send the OCPP request `action` to a charge point (params: payload fields plus optional
   * `identity`, default the most recently connected). Resolves done as soon as the CALL is written;
   * its answer is only logged.
   */
  async perform(action: string, params: Record<string, unknown>): Promise<StimulusOutcome> {
    if (!this.knowsAction(action)) return { outcome: 'unsupported', detail: `unknown action '${action}'` };
    const { identity: rawIdentity, ocpp: _ocpp, ...asked } = params;
    const identity = str(rawIdentity) ?? [...this.clients.keys()].pop();
    const client = identity === undefined ? undefined : this.clients.get(identity);
    if (!client || identity === undefined) {
      return { outcome: 'failed', detail: `no charge point connected${identity ? ` as '${identity}'` : ''}` };
    }
    if (action === 'RemoteStartTransaction' && this.quirks.has('remote-start-ignored')) {
      this.log('quirk remote-start-ignored: RemoteStartTransaction not sent');
      return { outcome: 'done', detail: 'sent' };
    }
    if (action === 'RemoteStopTransaction' && this.quirks.has('remote-stop-ignored')) {
      this.log('quirk remote-stop-ignored: RemoteStopTransaction not sent');
      return { outcome: 'done', detail: 'sent' };
    }
    const own = action === 'GetLog' || action === 'SignedUpdateFirmware' ? await this.withOwnSecurityDefaults(action, asked) : this.withOwnLocations(action, asked);
    if ('failed' in own) return { outcome: 'failed', detail: own.failed };
    const payload = this.applyRequestQuirks(identity, action, own.payload);
    const problem = checkPayload16(action, 'req', payload);
    if (problem) return { outcome: 'failed', detail: `invalid ${action} payload: ${problem.description}` };

    if (action === 'GetConfiguration' && this.quirks.has('two-outstanding-calls')) {
      try {
        client.sendRaw(JSON.stringify([2, newMessageId(), action, payload]));
        client.sendRaw(JSON.stringify([2, newMessageId(), action, payload]));
      } catch (err) {
        return { outcome: 'failed', detail: errText(err) };
      }
      return { outcome: 'done', detail: 'sent twice' };
    }
    return this.callAndReportSent(client, identity, action, payload, (answer) => {
      // A new AuthorizationKey the charge point accepted is its password from its next connection on.
      if (action === 'ChangeConfiguration' && payload.key === 'AuthorizationKey' && asRecord(answer).status === 'Accepted') {
        this.passwords.set(identity, String(payload.value));
      }
    });
  }

  /**
   * GetLog and SignedUpdateFirmware without the fields a CSMS fills in itself: a requestId, its own upload
   * location for the log, its own signed firmware image (signed with the PKI's firmware signing key).
   */
  private async withOwnSecurityDefaults(action: string, asked: Payload): Promise<{ payload: Payload } | { failed: string }> {
    if (!this.fileServers) return { failed: 'not listening: no file servers' };
    const payload: Payload = { ...asked };
    if (payload.requestId === undefined) payload.requestId = this.nextRequestId++;
    if (action === 'GetLog') {
      const log = asRecord(payload.log);
      payload.log = { ...log, remoteLocation: log.remoteLocation ?? this.fileServers.httpUrl(LOG_DIR) };
      payload.logType ??= 'SecurityLog';
      return { payload };
    }
    if (payload.firmware === undefined) {
      try {
        const signing = await this.signing();
        const image = firmwareImage({ bytes: FIRMWARE_IMAGE_BYTES, version: this.firmwareVersion, seed: 80 });
        this.fileServers.store.serve(SIGNED_FIRMWARE_PATH, image);
        payload.firmware = {
          location: this.fileServers.httpUrl(SIGNED_FIRMWARE_PATH), retrieveDateTime: new Date().toISOString(),
          signingCertificate: signing.certificate, signature: signFirmware(image, signing.keyPem),
        };
      } catch (err) {
        return { failed: `cannot sign a firmware image: ${errText(err)}` };
      }
    }
    return { payload };
  }

  /** Its firmware signing certificate: from its PKI, else one made on first use. */
  private signing(): Promise<FirmwareSigning> {
    return (this.firmwareSigning ??= this.pkiDir ? loadFirmwareSigning(this.pkiDir) : makeFirmwareSigning());
  }

  /** The security logs charge points uploaded (GetLog), by path on its file servers. */
  receivedLogs(): Map<string, Buffer> {
    const received = new Map<string, Buffer>();
    const store = this.fileServers?.store;
    for (const entry of store?.list(LOG_DIR) ?? []) {
      const content = entry.isDirectory ? undefined : store?.upload(LOG_DIR + entry.name);
      if (content) received.set(LOG_DIR + entry.name, content);
    }
    return received;
  }

  /**
   * UpdateFirmware and GetDiagnostics carry the location asked for; without one they point at its own
   * file servers (`transport: 'ftp'` for FTP, else HTTP; `transport` itself is not sent). UpdateFirmware without a
   * retrieveDate may be retrieved at once.
   */
  private withOwnLocations(action: string, asked: Payload): { payload: Payload } | { failed: string } {
    if (action !== 'UpdateFirmware' && action !== 'GetDiagnostics') return { payload: asked };
    if (!this.fileServers) return { failed: 'not listening: no file servers' };
    const { transport = 'http', ...payload } = asked;
    if (transport !== 'http' && transport !== 'ftp') return { failed: `transport '${String(transport)}': http or ftp` };
    // The two location quirks send its own (broken) location even when another one is asked for.
    const ownAnyway = action === 'UpdateFirmware' ? this.quirks.has('firmware-location-not-served') : this.quirks.has('diagnostics-location-refuses-upload');
    if (payload.location === undefined || ownAnyway) {
      payload.location = action === 'UpdateFirmware' ? this.firmwareLocation(transport) : this.diagnosticsLocation(transport);
    }
    if (action === 'UpdateFirmware' && payload.retrieveDate === undefined) payload.retrieveDate = new Date().toISOString();
    return { payload };
  }

  /** The request as sent: what was asked, except where a quirk deviates (one place per quirk). */
  private applyRequestQuirks(identity: string, action: string, asked: Payload): Payload {
    const payload: Payload = { ...asked };
    if (action === 'SendLocalList') {
      const last = this.listVersions.get(identity);
      if (this.quirks.has('send-local-list-stale-version') && payload.updateType === 'Differential' && last !== undefined) payload.listVersion = last;
      if (typeof payload.listVersion === 'number') this.listVersions.set(identity, payload.listVersion);
    }
    if (action === 'ReserveNow' && this.quirks.has('reserve-now-without-parent-id-tag')) delete payload.parentIdTag;
    if (action === 'ReserveNow' && this.quirks.has('reservation-id-own-numbering')) payload.reservationId = this.nextReservationId++;
    if (action === 'TriggerMessage' && this.quirks.has('trigger-message-without-connector-id')) delete payload.connectorId;
    if (action === 'ExtendedTriggerMessage' && this.quirks.has('extended-trigger-with-connector-id')) payload.connectorId = 1;
    if (action === 'InstallCertificate' && this.quirks.has('install-certificate-wrong-type')) payload.certificateType = 'CentralSystemRootCertificate';
    if (action === 'GetLog' && this.quirks.has('get-log-diagnostics-type')) payload.logType = 'DiagnosticsLog';
    const hash = asRecord(payload.certificateHashData);
    if (action === 'DeleteCertificate' && this.quirks.has('delete-certificate-wrong-serial') && typeof hash.serialNumber === 'string') {
      payload.certificateHashData = { ...hash, serialNumber: hash.serialNumber.endsWith('1') ? `${hash.serialNumber.slice(0, -1)}2` : `${hash.serialNumber.slice(0, -1)}1` };
    }
    const firmware = asRecord(payload.firmware);
    if (action === 'SignedUpdateFirmware' && this.quirks.has('signed-firmware-other-signature') && typeof firmware.signature === 'string') {
      payload.firmware = { ...firmware, signature: Buffer.from(firmware.signature, 'base64').reverse().toString('base64') };
    }
    if (action === 'Reset' && this.quirks.has('reset-type-swapped')) payload.type = payload.type === 'Hard' ? 'Soft' : 'Hard';
    if (action === 'RemoteStartTransaction' && this.quirks.has('remote-start-own-id-tag')) payload.idTag = OWN_REMOTE_ID_TAG;
    if (action === 'RemoteStopTransaction' && this.quirks.has('remote-stop-unknown-transaction') && typeof payload.transactionId === 'number') payload.transactionId += 1000;
    if (action === 'UnlockConnector' && this.quirks.has('unlock-next-connector') && typeof payload.connectorId === 'number') payload.connectorId += 1;
    const profile = asRecord(payload.csChargingProfiles);
    if (action === 'SetChargingProfile' && this.quirks.has('tx-profile-without-transaction-id') && profile.chargingProfilePurpose === 'TxProfile') {
      const { transactionId: _dropped, ...rest } = profile;
      payload.csChargingProfiles = rest;
    }
    const remoteProfile = asRecord(payload.chargingProfile);
    if (action === 'RemoteStartTransaction' && this.quirks.has('remote-start-profile-absolute') && remoteProfile.chargingProfileKind === 'Relative') {
      const schedule = asRecord(remoteProfile.chargingSchedule);
      payload.chargingProfile = { ...remoteProfile, chargingProfileKind: 'Absolute', chargingSchedule: { ...schedule, startSchedule: new Date().toISOString() } };
    }
    return payload;
  }

  /** Identities of the charge points connected now. */
  get connectedIdentities(): string[] {
    return [...this.clients.keys()];
  }

  /** Frames sent and received on all connections (raw text cut to 2000 characters). */
  get frames(): readonly FrameRecord[] {
    return this.frameLog.frames;
  }

  onFrame(listener: FrameListener): () => void {
    return this.frameLog.subscribe(listener);
  }

  // ---------------------------------------------------------------- internals

  private log(line: string): void {
    this.logLine(`[csms] ${line}`);
  }

  private firmwarePath(): string {
    return `${FIRMWARE_DIR}ocpp-harness-${this.firmwareVersion}.bin`;
  }

  /** HTTP and FTP servers on its own host: the firmware image it offers, the diagnostics it keeps. */
  private async startFiles(): Promise<void> {
    const files = await startFileServers({
      host: this.host,
      onTransfer: (r) => this.log(`file transfer: ${describeTransfer(r)}`),
      onNote: (text) => this.log(`file servers: ${text}`),
    });
    files.store.serve(this.firmwarePath(), firmwareImage({ bytes: FIRMWARE_IMAGE_BYTES, version: this.firmwareVersion, seed: 16 }));
    if (this.quirks.has('firmware-location-not-served')) files.store.refuseDownloads(FIRMWARE_DIR, { httpStatus: 404, ftpCode: 550 });
    if (this.quirks.has('diagnostics-location-refuses-upload')) files.store.refuseUploads(DIAGNOSTICS_DIR, { httpStatus: 403, ftpCode: 550 });
    this.fileServers = files;
  }

  private async closeFiles(): Promise<void> {
    const files = this.fileServers;
    this.fileServers = undefined;
    await files?.close().catch((err: unknown) => this.log(`closing the file servers: ${errText(err)}`));
  }

  private requireFiles(): FileServers {
    if (!this.fileServers) throw new Error('the reference CSMS is not listening: no file servers');
    return this.fileServers;
  }

  private callAndReportSent(
    client: RpcServerClientLike,
    identity: string,
    action: string,
    payload: Payload,
    onAnswer?: (answer: unknown) => void,
  ): Promise<StimulusOutcome> {
    return new Promise((resolve) => {
      let settled = false;
      const listener = (ev: { outbound: boolean; payload: unknown[] }): void => {
        if (ev.outbound && ev.payload[3] === payload) finish({ outcome: 'done', detail: 'sent' });
      };
      const finish = (outcome: StimulusOutcome): void => {
        if (settled) return;
        settled = true;
        client.off('call', listener);
        resolve(outcome);
      };
      client.on('call', listener);
      client.call(action, payload).then(
        (res) => {
          this.log(`${identity}: ${action} answered ${JSON.stringify(res)}`);
          onAnswer?.(res);
          finish({ outcome: 'done', detail: 'sent' });
        },
        (err: unknown) => {
          this.log(`${identity}: ${action} failed: ${errText(err)}`);
          finish({ outcome: 'failed', detail: `${action} could not be sent: ${errText(err)}` });
        },
      );
    });
  }

  private onClient(client: RpcServerClientLike): void {
    const identity = client.identity;
    client.on('message', (ev) => this.frameLog.record(identity, ev.outbound, ev.message));
    client.on('badMessage', (ev) => this.log(`${identity}: bad message: ${ev.error.message}`));
    answerBadMessagesAs16(client, (text) => this.log(`${identity}: ${text}`), {
      emptyId: this.quirks.has('call-error-without-id'),
      ignoreCalls: this.quirks.has('ignores-incomplete-call'),
    });
    client.on('strictValidationFailure', (ev) =>
      this.log(`${identity}: strict validation failed (${ev.outbound ? 'ours' : 'theirs'}) for ${ev.method}: ${ev.error.message}`),
    );
    if (client.session.noSubprotocol === true) {
      this.log(`${identity}: no common subprotocol; closing`);
      void client.close({ code: 1002, reason: 'ocpp1.6 subprotocol required' }).catch(() => undefined);
      return;
    }
    const previous = this.clients.get(identity);
    if (previous && previous !== client) void previous.close({ code: 1001, reason: 'replaced' }).catch(() => undefined);
    // Re-inserted so that the map's last key is always the most recently connected charge point.
    this.clients.delete(identity);
    this.clients.set(identity, client);
    client.on('close', () => {
      if (this.clients.get(identity) === client) this.clients.delete(identity);
      this.log(`${identity}: disconnected`);
    });
    this.log(`${identity}: connected (subprotocol '${client.protocol ?? ''}')`);
    this.attachHandlers(client);
  }

  private idTagInfo(idTag: string | undefined): Payload {
    const l = this.lists;
    if (idTag !== undefined) {
      if (l.accepted.includes(idTag) || (idTag === OWN_REMOTE_ID_TAG && this.quirks.has('remote-start-own-id-tag'))) {
        return { status: 'Accepted', parentIdTag: this.acceptedParentIdTag };
      }
      if (l.blocked.includes(idTag)) return { status: 'Blocked' };
      if (l.expired.includes(idTag)) return { status: 'Expired' };
    }
    return { status: 'Invalid' };
  }

  private attachHandlers(client: RpcServerClientLike): void {
    const on = (action: string, fn: (p: Payload, args: RpcHandlerArgs) => unknown): void => {
      client.handle(action, (args) => this.inbound(client, action, args, fn));
    };
    on('BootNotification', (_p, args) => {
      const result: Payload = {
        status: this.bootStatus,
        currentTime: new Date().toISOString(),
        interval: this.heartbeatIntervalS,
      };
      if (this.quirks.has('sends-custom-operation')) {
        // Written before the answer, so it is on the wire while the boot is being handled: a function OCPP
        // lacks, not wrapped in DataTransfer (§5.6). Its CALLERROR is only logged.
        this.sendRaw(client, [2, newMessageId(), 'CustomOperation', { widget: 'frobnicate' }]);
      }
      if (this.quirks.has('non-rfc3339-time')) {
        // Bypasses ocpp-rpc's strict check of our own answer, which would refuse it.
        result.currentTime = new Date().toISOString().slice(0, 19).replace('T', ' ');
        this.sendRaw(client, [3, args.messageId, result]);
        return NOREPLY;
      }
      return result;
    });
    on('Heartbeat', (_p, args) => {
      const result = { currentTime: new Date().toISOString() };
      if (this.quirks.has('late-response')) {
        this.timers.after(this.lateResponseMs, () => this.sendRaw(client, [3, args.messageId, result]));
        return NOREPLY;
      }
      return result;
    });
    on('StatusNotification', (_p, args) => {
      if (this.quirks.has('wrong-message-id-in-result')) {
        // Another id of a valid length (OCPP-J 1.6 §4.1.4: at most 36 characters), so that the only
        // deviation is the pairing: appending to a 36-character UUID would also break the framing.
        const id = String(args.messageId);
        this.sendRaw(client, [3, `${id.slice(0, -1)}${id.endsWith('x') ? 'y' : 'x'}`, {}]);
        return NOREPLY;
      }
      return {};
    });
    on('Authorize', (p) => ({
      idTagInfo: this.quirks.has('authorize-accepts-invalid')
        || (this.quirks.has('authorize-expired-as-accepted') && this.lists.expired.includes(str(p.idTag) ?? ''))
        ? { status: 'Accepted' } : this.idTagInfo(str(p.idTag)),
    }));
    on('StartTransaction', (p) => ({
      transactionId: this.nextTransactionId++,
      idTagInfo: this.quirks.has('start-transaction-accepts-invalid') ? { status: 'Accepted' } : this.idTagInfo(str(p.idTag)),
    }));
    on('StopTransaction', (p) => {
      const idTag = str(p.idTag);
      return idTag === undefined ? {} : { idTagInfo: this.idTagInfo(idTag) };
    });
    on('MeterValues', () => ({}));
    on('DataTransfer', (p) => {
      if (this.quirks.has('data-transfer-not-implemented')) throw createRPCError('NotImplemented', 'no DataTransfer handler');
      return {
        status: str(p.vendorId) === KNOWN_VENDOR || this.quirks.has('data-transfer-accepts-unknown-vendor') ? 'Accepted' : 'UnknownVendorId',
      };
    });
    on('DiagnosticsStatusNotification', () => ({}));
    // Security Whitepaper ed. 3: as CA it checks the CSR (A02.FR.03), answers, then sends the signed certificate.
    on('SignCertificate', (p) => this.onSignCertificate(client, str(p.csr) ?? ''));
    on('SecurityEventNotification', (p) => {
      this.log(`${client.identity}: security event ${str(p.type) ?? '?'}${str(p.techInfo) ? ` (${str(p.techInfo)})` : ''}`);
      return {};
    });
    on('LogStatusNotification', () => ({}));
    on('SignedFirmwareStatusNotification', () => ({}));
    on('FirmwareStatusNotification', () => ({}));

    client.handle(({ method }) => {
      if (this.quirks.has('accepts-unknown-action')) return {};
      throw createRPCError('NotImplemented', `unknown action ${method}`);
    });
  }

  private async onSignCertificate(client: RpcServerClientLike, csr: string): Promise<Payload> {
    if (!this.pkiDir) {
      this.log(`${client.identity}: SignCertificate rejected: no PKI to sign with`);
      return { status: 'Rejected' };
    }
    const check = await checkCsr(csr, { commonName: client.identity, ...(this.cpoName ? { organization: this.cpoName } : {}) });
    if (!check.ok || this.quirks.has('sign-certificate-rejected')) {
      this.log(`${client.identity}: SignCertificate rejected: ${check.problems.join('; ') || 'quirk sign-certificate-rejected'}`);
      return { status: 'Rejected' };
    }
    if (!this.quirks.has('certificate-signed-not-sent')) {
      // After the answer is on the wire: CertificateSigned.req is a CALL of its own (A02.FR.06).
      this.timers.after(50, () => {
        void (async () => {
          const signed = await signCsr(check, await loadSigningCa(this.pkiDir!));
          const answer = await client.call('CertificateSigned', { certificateChain: signed.certificateChain });
          this.log(`${client.identity}: CertificateSigned answered ${JSON.stringify(answer)}`);
        })().catch((err: unknown) => this.log(`${client.identity}: CertificateSigned failed: ${errText(err)}`));
      });
    }
    return { status: 'Accepted' };
  }

  /** Common front of every handled CALL: payload validation with our own error codes. */
  private inbound(
    client: RpcServerClientLike,
    action: string,
    args: RpcHandlerArgs,
    fn: (p: Payload, args: RpcHandlerArgs) => unknown,
  ): unknown {
    if (!this.quirks.has('lenient-validation')) {
      const problem = checkPayload16(action, 'req', args.params, { doubleR: this.quirks.has('double-r-error-code') });
      if (problem) {
        const id = this.quirks.has('call-error-without-id') ? '' : args.messageId;
        this.sendRaw(client, [4, id, problem.code, problem.description, {}]);
        return NOREPLY;
      }
    }
    return fn(asRecord(args.params), args);
  }

  private sendRaw(client: RpcServerClientLike, frame: unknown[]): void {
    try {
      client.sendRaw(JSON.stringify(frame));
    } catch (err) {
      this.log(`${client.identity}: raw send failed: ${errText(err)}`);
    }
  }
}
