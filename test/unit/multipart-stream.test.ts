// The streaming form reader takes the same file out of a multipart body as parseMultipart, however the
// body is cut into chunks, without holding it: each part goes to a spool file of its own.
import { expect } from 'chai';
import { MultipartStream } from '../../harness/files/multipart-stream.js';
import { parseMultipart, uploadedFile } from '../../harness/files/multipart.js';
import { UploadSpool } from '../../harness/files/upload-spool.js';

const forms: Record<string, string> = {
  crlf: '--B\r\nContent-Disposition: form-data; name="file"; filename="diag.log"\r\nContent-Type: text/plain\r\n\r\nline 1\r\nline 2 --B not yet\r\n--B--\r\n',
  lf: 'preamble\n--B\nContent-Disposition: form-data; name="a"\n\nfirst\n--B\nContent-Disposition: form-data; name="f"; filename="x.bin"\n\n\u0000\u0001binary\n--B--',
  noFile: '--B\r\nContent-Disposition: form-data; name="only"\r\n\r\njust a field\r\n--B--',
};

function streamed(body: Buffer, chunk: number, spool: UploadSpool) {
  const form = new MultipartStream('B', () => spool.begin());
  for (let at = 0; at < body.length; at += chunk) form.write(body.subarray(at, at + chunk));
  form.end();
  const file = form.parts.find((p) => p.filename !== undefined) ?? form.parts[0];
  const content = file ? spool.read(file.writer.commit()) : undefined;
  form.discardAll(file);
  return { failure: form.failure, filename: file?.filename, content };
}

describe('multipart forms read as they arrive', () => {
  const spool = new UploadSpool();
  after(() => spool.dispose());

  for (const [name, text] of Object.entries(forms)) {
    it(`${name}: the same file as parseMultipart, in chunks of 1, 7 and 4096 bytes`, () => {
      const body = Buffer.from(text, 'latin1');
      const whole = parseMultipart(body, 'B');
      expect(whole.ok).to.equal(true);
      const expected = uploadedFile((whole as { ok: true; parts: Parameters<typeof uploadedFile>[0] }).parts)!;
      for (const chunk of [1, 7, 4096]) {
        const got = streamed(body, chunk, spool);
        expect(got.failure, `chunk ${chunk}`).to.equal(undefined);
        expect(got.filename, `chunk ${chunk}`).to.equal(expected.filename);
        expect(got.content?.toString('latin1'), `chunk ${chunk}`).to.equal(expected.content.toString('latin1'));
      }
    });
  }

  it('a body cut before its closing boundary is a failure, as parseMultipart says', () => {
    const body = Buffer.from('--B\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n\r\nhalf of it', 'latin1');
    expect(parseMultipart(body, 'B').ok).to.equal(false);
    expect(streamed(body, 5, spool).failure).to.match(/no closing boundary/);
  });

  it('a part past limits.uploadBytesPerFile is refused while it streams', () => {
    const small = new UploadSpool({ uploadBytesPerFile: 10 });
    try {
      const form = new MultipartStream('B', () => small.begin());
      form.write(Buffer.from(`--B\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n\r\n${'x'.repeat(100)}`));
      expect(form.refusal).to.deep.equal({ limit: 'uploadBytesPerFile', max: 10 });
      form.discardAll();
    } finally {
      small.dispose();
    }
  });
});
