// Splits an FTP control stream into command lines. Robust to what a charger (or a fuzzer) may send:
// LF or CRLF endings, Telnet IAC sequences (clients send "IAC IP IAC DM ABOR"), endless lines.

const LF = 0x0a;
const CR = 0x0d;
const IAC = 0xff;

export class FtpLineReader {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private discarding = false;

  constructor(
    private readonly onLine: (line: string) => void,
    /** A line went over the limit: it is dropped up to its end, and this is called once. */
    private readonly onTooLong: () => void,
    private readonly maxLineBytes = 4096,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(LF, start);
      if (newline < 0) {
        this.append(chunk.subarray(start));
        return;
      }
      this.append(chunk.subarray(start, newline));
      this.emit();
      start = newline + 1;
    }
  }

  private append(part: Buffer): void {
    if (this.discarding || part.length === 0) return;
    if (this.pendingBytes + part.length > this.maxLineBytes) {
      this.discarding = true;
      this.pending = [];
      this.pendingBytes = 0;
      this.onTooLong();
      return;
    }
    this.pending.push(part);
    this.pendingBytes += part.length;
  }

  private emit(): void {
    if (this.discarding) {
      this.discarding = false;
      return;
    }
    let line = withoutTelnetCommands(Buffer.concat(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
    if (line[line.length - 1] === CR) line = line.subarray(0, line.length - 1);
    this.onLine(line.toString('utf8'));
  }
}

/** Drops Telnet commands: IAC x, and IAC WILL/WONT/DO/DONT option; IAC IAC is a literal 0xFF. */
function withoutTelnetCommands(line: Buffer): Buffer {
  if (!line.includes(IAC)) return line;
  const out: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const byte = line[i] ?? 0;
    if (byte !== IAC) {
      out.push(byte);
      continue;
    }
    const command = line[i + 1];
    if (command === IAC) out.push(IAC);
    i += command !== undefined && command >= 0xfb && command <= 0xfe ? 2 : 1;
  }
  return Buffer.from(out);
}
