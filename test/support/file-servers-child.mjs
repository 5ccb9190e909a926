// The harness's file servers in a process of their own, so a test can measure their peak memory
// (process.resourceUsage().maxRSS) while it uploads from its own process.
// Input: env FILE_SERVERS_LIMITS (JSON, optional). Prints `READY {"http":…,"ftp":…}`; on the line
// `STOP` on stdin it closes the servers and prints `MEASURED {"maxRssKb":…,"folder":…,"folderLeft":…,"stored":{path: size}}`.
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { startFileServers } from '../../dist/harness/files/file-servers.js';

const limits = JSON.parse(process.env.FILE_SERVERS_LIMITS ?? '{}');
const servers = await startFileServers({ limits });
process.stdout.write(`READY ${JSON.stringify({ http: servers.httpBase, ftp: servers.ftpBase })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'STOP') continue;
  const folder = servers.store.spool.folder;
  const stored = Object.fromEntries(servers.store.list('/').concat(servers.store.list('/up')).filter((e) => !e.isDirectory).map((e) => [e.name, e.size]));
  await servers.close();
  process.stdout.write(`MEASURED ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, folder, folderLeft: folder ? existsSync(folder) : false, stored, records: servers.log.records.map((r) => ({ request: r.request, status: r.status, outcome: r.outcome, bytes: r.bytes, detail: r.detail })) })}\n`);
  process.exit(0);
}
