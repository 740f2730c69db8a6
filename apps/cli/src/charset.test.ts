import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBytes, sniffMetaCharset } from './charset.ts';

// "嵩县公安局" in GBK, written out so that the test does not depend on an encoder.
const GBK_NAME = Uint8Array.from([0xe1, 0xd4, 0xcf, 0xd8, 0xb9, 0xab, 0xb0, 0xb2, 0xbe, 0xd6]);
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

describe('decodeBytes', () => {
  it('reads a GBK page by its meta charset', () => {
    const page = concat(
      ascii('<html><head><meta charset="gbk"></head><body>'),
      GBK_NAME,
      ascii('</body></html>'),
    );
    expect(sniffMetaCharset(page)).toBe('gbk');
    expect(decodeBytes(page).text).toContain('嵩县公安局');
  });

  it('prefers the HTTP header charset and accepts http-equiv metas', () => {
    const page = concat(
      ascii('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'),
      GBK_NAME,
    );
    expect(sniffMetaCharset(page)).toBe('gb2312');
    expect(decodeBytes(page).text).toContain('嵩县公安局');
    expect(charsetFromContentType('text/html; charset=GBK')).toBe('gbk');
    expect(decodeBytes(GBK_NAME, 'gbk').text).toBe('嵩县公安局');
  });

  it('falls back to GB18030 for unlabelled bytes that are not UTF-8, else UTF-8', () => {
    expect(decodeBytes(GBK_NAME, undefined, false)).toEqual({
      text: '嵩县公安局',
      charset: 'gb18030',
    });
    const utf8 = new TextEncoder().encode('嵩县公安局');
    expect(decodeBytes(utf8, undefined, false)).toEqual({ text: '嵩县公安局', charset: 'utf-8' });
  });

  it('ignores an unknown declared charset instead of failing', () => {
    const utf8 = new TextEncoder().encode('<meta charset="x-made-up">年报');
    expect(decodeBytes(utf8).text).toContain('年报');
  });
});
