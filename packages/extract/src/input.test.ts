import { describe, expect, it } from 'vitest';
import { annotateSourceLines, decodeBytes, sniffBytes, sniffString, stripInert } from './input.ts';

const gb18030 = (text: string) => {
  // 政府 in GB18030/GBK: D5FE B8AE
  const table: Record<string, number[]> = { 政: [0xd5, 0xfe], 府: [0xb8, 0xae] };
  return new Uint8Array([...text].flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
};

describe('input', () => {
  it('decodes by BOM, declared charset, then UTF-8, then GB18030', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    expect(decodeBytes(gb18030('<meta charset="gbk">政府'))).toBe('<meta charset="gbk">政府');
    expect(
      decodeBytes(
        gb18030('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">政府'),
      ),
    ).toContain('政府');
    expect(decodeBytes(gb18030('政府'))).toBe('政府'); // not UTF-8: GB18030
    expect(decodeBytes(new TextEncoder().encode('政府'))).toBe('政府');
  });

  it('sniffs kinds', () => {
    expect(sniffString('  ').kind).toBe('empty');
    expect(sniffString('<table><tr><td>1</td></tr></table>').kind).toBe('html');
    expect(sniffString('一、总体情况\n文字').kind).toBe('text');
    expect(sniffString('{"format":"2021"}').kind).toBe('report');
    expect(sniffString('{"format":"1999"}').kind).toBe('text');
    expect(sniffBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0])).kind).toBe('docx');
    expect(sniffString('\u0000\u0001\u0002abc').kind).toBe('binary');
  });

  it('marks cells with their source line and strips inert markup', () => {
    const html = '<table>\n<tr><td>a</td>\n<TH colspan=2>b</th></tr></table>';
    expect(annotateSourceLines(html)).toBe(
      '<table>\n<tr><td data-nb-line="2">a</td>\n<TH data-nb-line="3" colspan=2>b</th></tr></table>',
    );
    expect(
      stripInert(
        '<p>a</p><script>var s="</p><td>";</script><style>td{}</style><!-- <td> --><p>b</p>',
      ),
    ).toBe('<p>a</p><p>b</p>');
  });
});
