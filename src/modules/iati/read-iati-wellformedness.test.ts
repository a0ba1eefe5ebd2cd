// The byte scanner under the IATI reader must refuse exactly the documents a conforming XML
// parser refuses, and read the same elements, attributes and text from the others. saxes (the
// parser the reader used before) is the reference: generated documents, valid and broken, are
// given to both, and to the scanner in chunks cut anywhere (inside UTF-8 sequences too).
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { IatiFileError } from './errors.js';
import { readActivities } from './test-helpers.js';
import { XmlScanner } from './xml-scanner.js';

type Outcome = { accepted: boolean; events: string[] };

function merged(events: string[]): string[] {
  const result: string[] = [];
  for (const event of events) {
    const last = result[result.length - 1];
    if (event.startsWith('text ') && last?.startsWith('text ')) result[result.length - 1] = last + event.slice(5);
    else result.push(event);
  }
  return result.filter((event) => event !== 'text ');
}

function withSaxes(document: string): Outcome {
  const parser = new SaxesParser({ xmlns: false });
  const events: string[] = [];
  let depth = 0;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    depth++;
    events.push(`open ${tag.name} ${JSON.stringify(Object.entries(tag.attributes))}`);
  });
  const onText = (text: string): void => {
    if (depth > 0) events.push(`text ${text}`);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    depth--;
    events.push('close');
  });
  try {
    parser.write(document).close();
    return { accepted: true, events: merged(events) };
  } catch {
    return { accepted: false, events: [] };
  }
}

function withScanner(bytes: Buffer, chunkSizes: number[] = [bytes.length || 1]): Outcome {
  const events: string[] = [];
  const scanner: XmlScanner = new XmlScanner(
    {
      open: (name) => events.push(`open ${name} ${JSON.stringify(Object.entries(scanner.attributes()))}`),
      text: (start, end, flags) => events.push(`text ${scanner.text(start, end, flags)}`),
      close: () => events.push('close'),
      settle: () => undefined,
    },
    { maxAttributeLength: 1e6, maxTextLength: 1e6 },
  );
  try {
    let offset = 0;
    for (let index = 0; offset < bytes.length; index++) {
      const size = Math.max(1, chunkSizes[index % chunkSizes.length] as number);
      scanner.write(bytes.subarray(offset, offset + size));
      offset += size;
    }
    scanner.end();
    return { accepted: true, events: merged(events) };
  } catch (error) {
    if (!(error instanceof IatiFileError)) throw error;
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.column).toBeGreaterThanOrEqual(0);
    return { accepted: false, events: [] };
  }
}

const fixed: Array<[string, boolean]> = [
  ['<a/>', true],
  ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a x="1" y=\'2\'>t</a>\n<!-- end -->\n<?pi data?>', true],
  ['<a>&amp;&lt;&gt;&quot;&apos;&#233;&#xE9;&#x10FFFF;</a>', true],
  ['<a><![CDATA[<not a tag> & ]]></a>', true],
  ['<a b="x\ty\r\nz &#10;"/>', true],
  ['<é:ñ ü="1">\u20ac</é:ñ>', true],
  ['<a>]]></a>', false],
  ['<a>&nbsp;</a>', false],
  ['<a>&#0;</a>', false],
  ['<a>&#xD800;</a>', false],
  ['<a>& b</a>', false],
  ['<a b="<"/>', false],
  ['<a b=1/>', false],
  ['<a b/>', false],
  ['<a b="1"c="2"/>', false],
  ['<a b="1" b="2"/>', false],
  ['<a></b>', false],
  ['<a>', false],
  ['<a/><b/>', false],
  ['text<a/>', false],
  ['<a/>text', false],
  [' <?xml version="1.0"?><a/>', false],
  ['<a/><?xml version="1.0"?>', false],
  ['<?xml encoding="UTF-8"?><a/>', false],
  ['<a><!-- a -- b --></a>', false],
  ['<a>\u0001</a>', false],
  ['<a>\uFFFE</a>', false],
  ['<1a/>', false],
  ['<a/ >', false],
  ['<![CDATA[x]]><a/>', false],
  ['', false],
  ['<!-- only a comment -->', false],
];

// Pieces that make valid documents, and pieces that break them.
const text = fc.string({
  unit: fc.constantFrom('a', ' ', 'é', '€', '😀', '\n', '\r\n', '\r', '\t', '&amp;', '&lt;', '&#233;', '&#x1F600;', '>', '"', "'", ']a', '<![CDATA[x<y]]>', '<!-- c -->', '<?p x?>'),
  maxLength: 6,
});
const damage = fc.constantFrom('<', '>', '&', '&x;', '&#0;', ']]>', '"', '=', '/', '</x>', '<!--', '--', '<?xml version="1.0"?>', '\u0001', '\uFFFF', '<![CDATA[', 'é', ' ', '\r');
const name = fc.constantFrom('a', 'b', 'iati-activity', 'x:y', 'é', '_n', 'a.1');
const value = fc.string({ unit: fc.constantFrom('v', ' ', '\t', '\n', '\r\n', '&amp;', '&#10;', '&quot;', 'é', "'", '>'), maxLength: 5 });
const attributes = fc.uniqueArray(fc.tuple(fc.constantFrom('k', 'ref', 'xml:lang', 'é'), value), { selector: ([key]) => key, maxLength: 3 });

const element: fc.Memo<string> = fc.memo((depth) =>
  fc
    .tuple(name, attributes, depth > 1 ? fc.array(fc.oneof(text, element(depth - 1)), { maxLength: 4 }) : fc.array(text, { maxLength: 2 }), fc.boolean())
    .map(([tag, attrs, children, empty]) => {
      const start = `${tag}${attrs.map(([key, raw]) => ` ${key}="${raw.replace(/"/g, '&quot;')}"`).join('')}`;
      return empty && children.length === 0 ? `<${start}/>` : `<${start}>${children.join('')}</${tag}>`;
    }),
);
const document = fc
  .tuple(fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version=\'1.1\'?>'), fc.constantFrom('', '\n', '<!-- head -->\n'), element(4), fc.constantFrom('', '\n', '\n<!-- tail -->\n'))
  .map((parts) => parts.join(''));
const damaged = fc.tuple(document, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), damage), { minLength: 1, maxLength: 2 })).map(([source, edits]) => {
  let result = source;
  for (const [at, remove, insert] of edits) {
    const position = at % (result.length + 1);
    result = result.slice(0, position) + insert + result.slice(position + remove);
  }
  return result;
});

describe('the XML scanner against a reference parser', () => {
  it.each(fixed)('%j: accepted %s', (source, accepted) => {
    expect(withSaxes(source).accepted).toBe(accepted);
    expect(withScanner(Buffer.from(source, 'utf8'))).toEqual(withSaxes(source));
  });

  it('reads generated documents exactly as the reference does', () => {
    fc.assert(
      fc.property(document, (source) => {
        const expected = withSaxes(source);
        expect(expected.accepted).toBe(true);
        expect(withScanner(Buffer.from(source, 'utf8'))).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses and accepts damaged documents as the reference does', () => {
    fc.assert(
      fc.property(damaged, (source) => {
        // An edit may split a surrogate pair, which has no UTF-8 bytes: nothing to compare then.
        if (Buffer.from(source, 'utf8').toString('utf8') !== source) return;
        expect(withScanner(Buffer.from(source, 'utf8'))).toEqual(withSaxes(source));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same result however the bytes are cut into chunks', () => {
    fc.assert(
      fc.property(fc.oneof(document, damaged), fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 5 }), (source, sizes) => {
        const bytes = Buffer.from(source, 'utf8');
        expect(withScanner(bytes, sizes)).toEqual(withScanner(bytes));
      }),
      { numRuns: 500 },
    );
  });
});

describe('positions', () => {
  const xml = [
    '<?xml version="1.0"?>',
    '<iati-activities version="2.03">',
    ' <iati-activity default-currency="EUR">',
    '  <iati-identifier>A-1</iati-identifier>',
    '  <participating-org role="9"',
    '     ref="X"/>',
    '  <title><narrative>caf\u00e9 \u00e0 l\u2019\u00e9cole</narrative></title><participating-org role="8"/>',
    ' </iati-activity>',
    '</iati-activities>',
  ];
  const positions = async (text: string, chunkSize?: number): Promise<string[]> => {
    const [activity] = await readActivities(text, {}, chunkSize);
    return [activity, ...(activity?.warnings ?? [])].map((item) => `${item?.line}:${item?.column}`);
  };

  it('counts lines the same with LF, CR LF and CR line ends, and columns in characters', async () => {
    const expected = await positions(xml.join('\n'));
    // Just after each start tag; line 7 has multi-byte characters before the element (83 characters, 88 bytes).
    expect(expected).toEqual(['3:2', '6:14', '7:83']);
    expect(await positions(xml.join('\r\n'))).toEqual(expected);
    expect(await positions(xml.join('\r'))).toEqual(expected);
    for (const chunkSize of [1, 5, 13]) expect(await positions(xml.join('\r\n'), chunkSize)).toEqual(expected);
  });
});
