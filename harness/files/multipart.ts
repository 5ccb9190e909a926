// Just enough multipart/form-data (RFC 7578) to take the file out of a charger's diagnostics upload:
// many chargers POST a form with one file field rather than PUT the raw bytes.

export interface FormPart {
  /** The form field name (Content-Disposition name). */
  name?: string;
  /** The file name the uploader gave, when the part is a file. */
  filename?: string;
  contentType?: string;
  content: Buffer;
}

export type MultipartResult = { ok: true; parts: FormPart[] } | { ok: false; reason: string };

/** The boundary of a multipart/form-data Content-Type, or undefined when it is not one. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

export function parseMultipart(body: Buffer, boundary: string): MultipartResult {
  const delimiter = Buffer.from(`--${boundary}`);
  // The first delimiter may follow a preamble; later ones are preceded by CRLF (LF tolerated).
  let at = body.indexOf(delimiter);
  if (at < 0) return { ok: false, reason: `no boundary "${boundary}" in the body` };
  const parts: FormPart[] = [];
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString('latin1') === '--') return { ok: true, parts };
    at = skipLineBreak(body, at);
    const headerEnd = findHeaderEnd(body, at);
    if (!headerEnd) return { ok: false, reason: 'a part without the blank line that ends its headers' };
    const headers = parseHeaders(body.subarray(at, headerEnd.start).toString('utf8'));
    const contentStart = headerEnd.end;
    const next = body.indexOf(Buffer.concat([Buffer.from('\n'), delimiter]), contentStart);
    if (next < 0) return { ok: false, reason: 'the body ends inside a part (no closing boundary): truncated upload?' };
    const contentEnd = body[next - 1] === 0x0d ? next - 1 : next;
    parts.push({ ...describePart(headers), content: body.subarray(contentStart, contentEnd) });
    at = next + 1;
  }
}

/** The file of an upload form: the first part with a file name, else the first part. */
export function uploadedFile(parts: readonly FormPart[]): FormPart | undefined {
  return parts.find((p) => p.filename !== undefined) ?? parts[0];
}

/** The filename parameter of a Content-Disposition header value. */
export function dispositionFilename(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const extended = /;\s*filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(value);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain parameter
    }
  }
  const m = /;\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(value);
  const raw = m?.[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m?.[2]?.trim();
  return raw;
}

export function describePart(headers: Map<string, string>): Omit<FormPart, 'content'> {
  const disposition = headers.get('content-disposition');
  const part: Omit<FormPart, 'content'> = {};
  const name = disposition ? /;\s*name\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(disposition) : null;
  if (name) part.name = name[1] ?? name[2]?.trim();
  const filename = dispositionFilename(disposition);
  if (filename !== undefined) part.filename = filename;
  const contentType = headers.get('content-type');
  if (contentType) part.contentType = contentType;
  return part;
}

export function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function skipLineBreak(body: Buffer, at: number): number {
  if (body[at] === 0x0d && body[at + 1] === 0x0a) return at + 2;
  if (body[at] === 0x0a) return at + 1;
  return at;
}

export function findHeaderEnd(body: Buffer, from: number): { start: number; end: number } | undefined {
  // A part without headers starts right with the blank line.
  if (body[from] === 0x0d && body[from + 1] === 0x0a) return { start: from, end: from + 2 };
  const crlf = body.indexOf('\r\n\r\n', from, 'latin1');
  const lf = body.indexOf('\n\n', from, 'latin1');
  if (crlf >= 0 && (lf < 0 || crlf <= lf)) return { start: crlf, end: crlf + 4 };
  if (lf >= 0) return { start: lf, end: lf + 2 };
  return undefined;
}
