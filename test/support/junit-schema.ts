// Validates a junit.xml document against the vendored JUnit schema (test/fixtures/junit/junit-10.xsd)
// with libxml2 compiled to WebAssembly (xmllint-wasm): the same check xmllint --schema makes.
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

const XSD = readFileSync(new URL('../fixtures/junit/junit-10.xsd', import.meta.url), 'utf8');

export async function validateJunit(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({
    xml: { fileName: 'junit.xml', contents: xml },
    schema: { fileName: 'junit-10.xsd', contents: XSD },
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
