/**
 * Measures the Node DOM candidates on the corpus pages: parse time and how
 * faithfully each one gives the tables (cell count, rowspan/colspan
 * attributes, cell text), compared with jsdom (parse5, the spec's parsing
 * algorithm) as the reference. Run: npm run bench -- extract
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { corpusPath } from '../../../tests/corpus.ts';

type Parse = (html: string) => Document;

export const CANDIDATES: Record<string, Parse> = {
  linkedom: (html) => parseHTML(html).document as unknown as Document,
  'happy-dom': (html) => {
    const window = new Window({
      settings: {
        disableJavaScriptEvaluation: true,
        disableJavaScriptFileLoading: true,
        disableCSSFileLoading: true,
      },
    });
    window.document.write(html);
    return window.document as unknown as Document;
  },
  jsdom: (html) => new JSDOM(html).window.document,
};

function tableSignature(doc: Document): string[] {
  const out: string[] = [];
  for (const cell of Array.from(doc.querySelectorAll('td, th'))) {
    const text = (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
    out.push(`${cell.getAttribute('rowspan') ?? 1}x${cell.getAttribute('colspan') ?? 1}:${text}`);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function measureCandidates(rounds = 5): void {
  const dir = corpusPath('pages');
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ name: f, html: readFileSync(`${dir}/${f}`, 'utf8') }));
  const reference = new Map(pages.map((p) => [p.name, tableSignature(CANDIDATES.jsdom!(p.html))]));
  console.log(
    `DOM candidates on ${pages.length} corpus pages (median of ${rounds} rounds, parse only):`,
  );
  const rows: { name: string; ms: number; mismatches: number; cells: number }[] = [];
  for (const [name, parse] of Object.entries(CANDIDATES)) {
    parse(pages[0]!.html); // warm up
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const start = performance.now();
      for (const p of pages) parse(p.html);
      times.push(performance.now() - start);
    }
    let mismatches = 0;
    let cells = 0;
    for (const p of pages) {
      const got = tableSignature(parse(p.html));
      const want = reference.get(p.name)!;
      cells += want.length;
      if (got.length !== want.length) mismatches += Math.abs(got.length - want.length);
      for (let i = 0; i < Math.min(got.length, want.length); i++)
        if (got[i] !== want[i]) mismatches++;
    }
    rows.push({ name, ms: median(times), mismatches, cells });
  }
  const fastest = Math.min(...rows.map((r) => r.ms));
  for (const r of rows) {
    console.log(
      `  ${r.name.padEnd(10)} ${r.ms.toFixed(1).padStart(8)} ms for all pages  ${(r.ms / fastest).toFixed(2)}× the fastest  table cells differing from parse5: ${r.mismatches}/${r.cells}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) measureCandidates();
