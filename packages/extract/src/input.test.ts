import { describe, expect, it } from 'vitest';
import { annotateSourceLines, stripInert } from './input.ts';

describe('input', () => {
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
