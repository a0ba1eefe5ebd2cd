// Each way a whole file must be refused, with a crafted file. The reader throws IatiFileError
// with a code, a reason and a position; the import around it rolls back.
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { IatiFileError, type IatiFileErrorCode } from './errors.js';
import type { IatiReadOptions } from './types.js';
import { readAllItems } from './test-helpers.js';

const activity = (id: string): string =>
  `<iati-activity default-currency="EUR"><iati-identifier>${id}</iati-identifier><participating-org role="1" ref="XM-1"/></iati-activity>`;
const valid = `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n${activity('A-1')}\n${activity('A-2')}\n</iati-activities>\n`;

async function rejection(xml: string | Buffer, options: IatiReadOptions = {}, chunkSize?: number): Promise<IatiFileError> {
  try {
    await readAllItems(xml, options, chunkSize);
  } catch (error) {
    if (error instanceof IatiFileError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

async function expectRejected(xml: string | Buffer, code: IatiFileErrorCode, options: IatiReadOptions = {}): Promise<IatiFileError> {
  const error = await rejection(xml, options);
  expect(error.code).toBe(code);
  expect(error.reason.length).toBeGreaterThan(5);
  expect(error.line).toBeGreaterThanOrEqual(1);
  expect(error.column).toBeGreaterThanOrEqual(0);
  return error;
}

describe('refusing whole files', () => {
  it('accepts the well-formed control file', async () => {
    expect(await readAllItems(valid)).toHaveLength(2);
  });

  it('refuses a file that is not well-formed, saying where', async () => {
    const error = await expectRejected(valid.replace('</iati-identifier>', '</iati-identifer>'), 'not-well-formed');
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/close tag/);
  });

  it('refuses a duplicate attribute and an undefined entity', async () => {
    await expectRejected(valid.replace('role="1"', 'role="1" role="2"'), 'not-well-formed');
    await expectRejected(valid.replace('A-2', 'A&nbsp;2'), 'not-well-formed');
  });

  it('refuses a truncated file even after activities were read', async () => {
    const error = await expectRejected(valid.slice(0, valid.indexOf('A-2') + 10), 'truncated');
    expect(error.reason).toMatch(/ends before/);
    await expectRejected(valid.slice(0, valid.lastIndexOf('</iati-act') + 6), 'truncated');
  });

  it('refuses an empty file', async () => {
    await expectRejected('', 'not-well-formed');
  });

  it('refuses a DOCTYPE', async () => {
    await expectRejected(valid.replace('\n<iati-activities', '\n<!DOCTYPE iati-activities>\n<iati-activities'), 'doctype-forbidden');
  });

  it('refuses an external entity (XXE)', async () => {
    const xxe = valid
      .replace('\n<iati-activities', '\n<!DOCTYPE iati-activities [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<iati-activities')
      .replace('A-1', '&xxe;');
    await expectRejected(xxe, 'entity-forbidden');
  });

  it('refuses "billion laughs" before expanding anything', async () => {
    const levels = Array.from({ length: 9 }, (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index};`.repeat(10)}">`).join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE iati-activities [\n<!ENTITY lol0 "lol">\n${levels}\n]>\n<iati-activities version="2.03">${activity('&lol9;')}</iati-activities>`;
    const error = await expectRejected(bomb, 'entity-forbidden');
    expect(error.line).toBeLessThanOrEqual(13);
  });

  it('refuses a file over the configured size', async () => {
    const big = valid.replace('</iati-activities>', `${activity('A-3').repeat(200)}</iati-activities>`);
    await expectRejected(big, 'too-large', { maxBytes: 4096 });
    expect(await readAllItems(big, { maxBytes: big.length })).toHaveLength(202);
  });

  it('refuses a file whose root is not iati-activities', async () => {
    const error = await expectRejected('<iati-organisations version="2.03"><iati-organisation/></iati-organisations>', 'not-iati');
    expect(error.reason).toMatch(/iati-organisations/);
    await expectRejected('<html><body>Not found</body></html>', 'not-iati');
  });

  it('refuses elements nested absurdly deep', async () => {
    const deep = `<iati-activities version="2.03"><iati-activity>${'<result>'.repeat(5000)}${'</result>'.repeat(5000)}</iati-activity></iati-activities>`;
    await expectRejected(deep, 'too-deep');
  });

  it('refuses a huge attribute', async () => {
    const huge = valid.replace('ref="XM-1"', `ref="${'x'.repeat(1_000_000)}"`);
    const error = await expectRejected(huge, 'attribute-too-long');
    expect(error.reason).toMatch(/ref of participating-org/);
  });

  it('refuses a tag made of countless attributes before holding it all', async () => {
    const many = Array.from({ length: 20_000 }, (_, index) => ` a${index}="${index}"`).join('');
    await expectRejected(valid.replace('ref="XM-1"', `ref="XM-1"${many}`), 'attribute-too-long', { maxTextLength: 50_000, maxAttributeLength: 1000 });
    expect(await readAllItems(valid.replace('ref="XM-1"', `ref="XM-1"${many}`))).toHaveLength(2);
  });

  it('refuses a huge text', async () => {
    await expectRejected(valid.replace('A-1', 'y'.repeat(100_000)), 'text-too-long', { maxTextLength: 50_000 });
  });

  it('refuses bytes that are not valid UTF-8, saying where, wherever the chunks split', async () => {
    const text = valid.replace('A-2', 'A-\u00e92');
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf(0xc3);
    bytes[at + 1] = 0x28; // a lead byte followed by a byte that cannot continue it
    for (const chunkSize of [1, 7, 64 * 1024]) {
      const error = await rejection(bytes, {}, chunkSize);
      expect(error.code).toBe('invalid-encoding');
      expect(error.line).toBe(4);
    }
  });

  it('refuses a file cut in the middle of a multi-byte character', async () => {
    const bytes = Buffer.from(valid.replace('</iati-activities>\n', '<!-- é'), 'utf8');
    await expectRejected(bytes.subarray(0, bytes.length - 1), 'invalid-encoding');
  });

  it('refuses an encoding it cannot decode', async () => {
    await expectRejected(valid.replace('UTF-8', 'x-made-up'), 'unsupported-encoding');
  });

  it('reads a file that declares ISO-8859-1', async () => {
    const latin = Buffer.from(valid.replace('UTF-8', 'ISO-8859-1').replace('A-1', 'A-\u00e91'), 'latin1');
    const items = await readAllItems(latin);
    expect(items[0]).toMatchObject({ kind: 'activity', activity: { iatiIdentifier: 'A-\u00e91' } });
  });
});
