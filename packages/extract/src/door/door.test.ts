// The door's one table of tricky inputs: how bytes decode (BOM, then the
// transport's charset, then <meta>, then sniffing) and what a document is. The
// same inputs through every surface: tests/one-door.test.ts.
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeDocument, isKnownCharset } from './charset.ts';
import { sniffDocument, sniffString } from './kind.ts';

const ascii = (s: string) => new TextEncoder().encode(s);
// 嵩县公安局 and 政府 in GBK (GB18030 agrees).
const GBK: Record<string, number[]> = {
  嵩: [0xe1, 0xd4],
  县: [0xcf, 0xd8],
  公: [0xb9, 0xab],
  安: [0xb0, 0xb2],
  局: [0xbe, 0xd6],
  政: [0xd5, 0xfe],
  府: [0xb8, 0xae],
};
const gbk = (text: string) => new Uint8Array([...text].flatMap((c) => GBK[c] ?? [...ascii(c)]));
const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
const OLE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);

describe('decodeDocument: one order of evidence', () => {
  it.each([
    [
      'a GBK page by its <meta charset>',
      gbk('<meta charset="gbk">嵩县公安局'),
      undefined,
      'meta',
      '嵩县公安局',
    ],
    [
      'an http-equiv meta',
      gbk('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">政府'),
      undefined,
      'meta',
      '政府',
    ],
    ['GBK with no declaration: not UTF-8, so GB18030', gbk('政府'), undefined, 'sniffed', '政府'],
    ['UTF-8 with no declaration', ascii('政府'), undefined, 'sniffed', '政府'],
    [
      'a BOM over a contradicting meta',
      concat(BOM, ascii('<meta charset="gbk">政府')),
      undefined,
      'bom',
      '政府',
    ],
    ['a BOM over a contradicting header', concat(BOM, ascii('政府')), 'gbk', 'bom', '政府'],
    [
      'the header over a contradicting meta',
      gbk('<meta charset="utf-8">政府'),
      'gbk',
      'header',
      '政府',
    ],
    [
      'an unknown meta label is passed over',
      ascii('<meta charset="x-made-up">年报'),
      undefined,
      'sniffed',
      '年报',
    ],
    [
      'an unknown header label is passed over',
      gbk('<meta charset="gbk">政府'),
      'x-made-up',
      'meta',
      '政府',
    ],
  ] as const)('%s', (_, bytes, header, from, contains) => {
    const decoded = decodeDocument(bytes, header);
    expect(decoded.from).toBe(from);
    expect(decoded.text).toContain(contains);
  });

  it('reads charsets from media types and knows the labels it can decode', () => {
    expect(charsetFromContentType('text/html; charset=GBK')).toBe('gbk');
    expect(charsetFromContentType('text/html; charset="gb2312"; q=1')).toBe('gb2312');
    expect(charsetFromContentType('text/html')).toBeUndefined();
    expect(isKnownCharset('GB2312')).toBe(true);
    expect(isKnownCharset('foo')).toBe(false);
  });
});

describe('sniffDocument: what a document is', () => {
  it.each([
    ['empty bytes', new Uint8Array(), {}, 'empty'],
    ['a zip is a .docx', ZIP, {}, 'docx'],
    ['a .docx named .html is a .docx', ZIP, { name: 'report.html' }, 'docx'],
    ['a zip named .xlsx is not', ZIP, { name: 'table.xlsx' }, 'unsupported'],
    ['%PDF- is a PDF, whatever its name', ascii('%PDF-1.7\n'), { name: 'x.html' }, 'pdf'],
    ['an OLE container named .doc', OLE, { name: 'a.doc' }, 'doc'],
    ['an OLE container without a name', OLE, {}, 'doc'],
    ['an OLE container named .xls is not', OLE, { name: 'a.xls' }, 'unsupported'],
    ['an OLE container named .et is not', OLE, { name: 'a.et' }, 'unsupported'],
    ['a zip named .ofd is not', ZIP, { name: 'a.ofd' }, 'unsupported'],
    ['a zip named .zip is not', ZIP, { name: 'a.zip' }, 'unsupported'],
    ['markup', ascii('<table><tr><td>1</td></tr></table>'), {}, 'html'],
    ['text', ascii('一、总体情况\n文字'), {}, 'text'],
    [
      'text posted as text/html stays text',
      ascii('一、总体情况'),
      { contentType: 'text/html' },
      'text',
    ],
    ['markup in a .txt is text', ascii('<p>一、总体情况</p>'), { name: 'a.txt' }, 'text'],
    ['a GBK .txt', gbk('嵩县公安局'), { name: 'a.txt' }, 'text'],
    ['a report JSON', ascii('{"format":"2021"}'), {}, 'report'],
    ['a payload', ascii('{"report":{"format":"2019"},"source":"x"}'), { name: 'p.json' }, 'report'],
    ['JSON that is no report', ascii('{"format":"1999"}'), {}, 'invalid-report'],
    ['a .json that is not JSON', ascii('not json'), { name: 'a.json' }, 'invalid-report'],
    ['control characters', ascii('\u0000\u0001\u0002abc'), {}, 'binary'],
  ] as const)('%s', (_, bytes, hints, kind) => {
    expect(sniffDocument(bytes, hints).kind).toBe(kind);
  });

  it('names what it does not read, and keeps what it read', () => {
    expect(sniffDocument(OLE, { name: 'a.wps' })).toEqual({
      kind: 'unsupported',
      type: 'WPS 文字（.wps）',
    });
    const text = sniffDocument(gbk('嵩县公安局'), { name: 'a.txt' });
    expect(text.kind === 'text' && text.text).toBe('嵩县公安局');
    const payload = sniffString('{"report":{"format":"2019"},"source":"x.html"}');
    expect(payload.kind === 'report' && payload.payload.source).toBe('x.html');
    const invalid = sniffString('{"format":"2021","meta":{"reportYear":"x"}}');
    expect(invalid).toMatchObject({ kind: 'invalid-report', where: 'meta.reportYear' });
  });
});
