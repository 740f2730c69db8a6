// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parsePage } from '../test-dom.ts';
import { groupCells, tableGrid } from './outlines.ts';

/** A table from rows of cell texts; `^` continues a rowspan from above (no cell written). */
function table(html: string): Document {
  return parsePage(`<!DOCTYPE html><html><body><table>${html}</table></body></html>`);
}

const cell = (doc: Document, text: string) =>
  [...doc.querySelectorAll('td')].find((td) => td.textContent === text)!;

const names = (els: Element[]) => els.map((e) => e.textContent).join(' ');

describe('groupCells: one outline per block of touching cells', () => {
  const grid = `
    <tr><td>a1</td><td>b1</td><td>c1</td><td>d1</td></tr>
    <tr><td>a2</td><td>b2</td><td>c2</td><td>d2</td></tr>
    <tr><td>a3</td><td>b3</td><td>c3</td><td>d3</td></tr>
    <tr><td>a4</td><td>b4</td><td>c4</td><td>d4</td></tr>`;

  it('a blank column is one outline: sides only on its border', () => {
    const doc = table(grid);
    const column = ['b1', 'b2', 'b3', 'b4'].map((t) => cell(doc, t));
    const groups = groupCells(column);
    expect(groups).toHaveLength(1);
    expect(names(groups[0]!.elements)).toBe('b1 b2 b3 b4');
    const edges = groups[0]!.edges;
    expect(edges.get(cell(doc, 'b1'))).toEqual(['t', 'r', 'l']);
    expect(edges.get(cell(doc, 'b2'))).toEqual(['r', 'l']);
    expect(edges.get(cell(doc, 'b4'))).toEqual(['r', 'b', 'l']);
  });

  it('a block over rows and columns is one outline; a cell apart is another', () => {
    const doc = table(grid);
    const groups = groupCells(['a1', 'b1', 'a2', 'b2', 'd4'].map((t) => cell(doc, t)));
    expect(groups.map((g) => names(g.elements)).sort()).toEqual(['a1 b1 a2 b2', 'd4']);
    const block = groups.find((g) => g.elements.length === 4)!;
    expect(block.edges.get(cell(doc, 'b2'))).toEqual(['r', 'b']);
    expect(groups.find((g) => g.elements.length === 1)!.edges.get(cell(doc, 'd4'))).toEqual([
      't',
      'r',
      'b',
      'l',
    ]);
  });

  it('cells touching only at a corner are two outlines', () => {
    const doc = table(grid);
    expect(groupCells([cell(doc, 'a1'), cell(doc, 'b2')])).toHaveLength(2);
  });

  it('follows rowspan and colspan as the page lays the table out', () => {
    const doc = table(`
      <tr><td rowspan="2">head</td><td>x1</td><td>y1</td></tr>
      <tr><td>x2</td><td>y2</td></tr>
      <tr><td colspan="2">wide</td><td>y3</td></tr>`);
    const slots = tableGrid(doc.querySelector('table')!);
    expect(slots.get(cell(doc, 'x2'))).toMatchObject({ row: 1, col: 1 });
    expect(slots.get(cell(doc, 'wide'))).toMatchObject({ row: 2, col: 0, cols: 2 });
    // y1, y2, y3 are one column even though row 2 has one cell fewer in the markup
    expect(groupCells(['y1', 'y2', 'y3'].map((t) => cell(doc, t)))).toHaveLength(1);
    // x2 sits on top of the wide cell
    expect(groupCells([cell(doc, 'x2'), cell(doc, 'wide')])).toHaveLength(1);
  });

  it('keeps cells of different tables, and elements outside tables, apart', () => {
    const doc = parsePage(
      '<!DOCTYPE html><html><body><table><tr><td>p</td></tr></table><table><tr><td>q</td></tr></table><p id="r">r</p></body></html>',
    );
    const groups = groupCells([cell(doc, 'p'), cell(doc, 'q'), doc.getElementById('r')!]);
    expect(groups).toHaveLength(3);
  });

  it('ignores the rows of a nested table', () => {
    const doc = table(`
      <tr><td>a1</td><td><table><tr><td>n1</td></tr><tr><td>n2</td></tr></table></td></tr>
      <tr><td>a2</td><td>b2</td></tr>`);
    expect(groupCells([cell(doc, 'a1'), cell(doc, 'a2')])).toHaveLength(1);
    expect(tableGrid(doc.querySelector('table')!).get(cell(doc, 'a2'))).toMatchObject({
      row: 1,
      col: 0,
    });
  });
});
