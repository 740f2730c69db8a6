import { describe, expect, it } from 'vitest';
import { isCellBlock, parseClipboardTable } from './clipboard.ts';

describe('parseClipboardTable', () => {
  it('reads Excel text: tabs between cells, CRLF between rows, a trailing line break', () => {
    expect(parseClipboardTable('1\t2\t3\r\n4\t\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '', '6'],
    ]);
  });

  it('keeps quoted cells with tabs, quotes and line breaks whole', () => {
    expect(parseClipboardTable('"a\tb"\t"say ""hi"""\n"two\nlines"\t5')).toEqual([
      ['a\tb', 'say "hi"'],
      ['two\nlines', '5'],
    ]);
  });

  it('tells a block from a single value', () => {
    expect(isCellBlock('12')).toBe(false);
    expect(isCellBlock('12\n')).toBe(false);
    expect(isCellBlock('1\t2')).toBe(true);
    expect(isCellBlock('1\n2')).toBe(true);
  });
});
