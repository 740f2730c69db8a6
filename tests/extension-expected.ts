/**
 * What the extension must show for a page, computed independently in Node by
 * the same pipeline (extract on a server-side DOM, then check): counts by
 * severity and the cells that carry a finding's primary mark.
 */
import type { ExtractResult } from '@nianbao/extract';
import { extractAll, parseHtmlDocument } from '@nianbao/extract/node';
import { check, type Finding, type Provenance, summarize } from '@nianbao/schema';
import { readCorpus } from './corpus.ts';

export interface CorpusPage {
  id: string;
  url: string;
  html: string;
}

/** A stored pingtan page at the address in its own `<meta name="Url">`. */
export function pingtanPage(file: string): CorpusPage {
  const html = readCorpus(`pages/${file}`);
  const url = /<meta name="Url" content="([^"]+)"/.exec(html)?.[1];
  if (!url) throw new Error(`${file}: no <meta name="Url">`);
  return { id: file.replace(/\.html$/, ''), url, html };
}

/** The Shanghai article fragment, wrapped in a minimal page at a www.shanghai.gov.cn address. */
export function shanghaiPage(): CorpusPage {
  const fragment = readCorpus('pages/sh-gov-office-2019.fragment.html');
  return {
    id: 'sh-gov-office-2019',
    url: 'https://www.shanghai.gov.cn/nw12344/20200131/sh-gov-office-2019.html',
    html: `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>2019年上海市人民政府办公厅政府信息公开工作年度报告</title></head><body><div class="Article_content">${fragment}</div></body></html>`,
  };
}

/**
 * Findings that depend on when the live page is read, not on the report: whether
 * a cross-origin frame (pingtan's weather widget) has loaded yet. Left out of
 * the comparison on both sides.
 */
export const TIMING_DEPENDENT = new Set(['EXTRACT-IFRAME-SKIPPED']);

/**
 * Counts as every surface shows them (`summarize` of '@nianbao/schema'): the
 * report's findings by severity and the reading notes apart, leaving out the
 * timing-dependent findings.
 */
export function countsOf(findings: readonly Finding[]) {
  const s = summarize(findings.filter((f) => !TIMING_DEPENDENT.has(f.ruleId)));
  return { error: s.errors, warning: s.warnings, info: s.infos, notes: s.notes };
}

export interface Expected {
  found: boolean;
  reports: number;
  /** As `countsOf`: reading notes apart, never errors. */
  counts: { error: number; warning: number; info: number; notes: number };
  findings: Finding[];
  /** Paths of the primary cells that exist on the page (these carry a badge). */
  primaryPaths: Set<string>;
  /** Rule ids of the findings whose primary cell exists on the page. */
  markedRules: Set<string>;
  /** Number of findings whose primary cell exists on the page. */
  markedFindings: number;
  results: ExtractResult[];
}

function located(provenance: Provenance, path: string | undefined): boolean {
  if (!path) return false;
  if (provenance.cells[path]?.location?.element) return true;
  return Boolean(
    provenance.labels?.some((l) => l.path === path && l.kind === 'row' && l.location?.element),
  );
}

export async function expectedFor(
  page: CorpusPage,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<Expected> {
  // A DOM input keeps the elements in the provenance, as the live page does.
  const root = parseHtmlDocument(page.html);
  const results = await extractAll({ kind: 'dom', root }, { url: page.url, locale });
  const found = results.filter((r) => r.found);
  const expected: Expected = {
    found: found.length > 0,
    reports: found.length,
    counts: { error: 0, warning: 0, info: 0, notes: 0 },
    findings: [],
    primaryPaths: new Set(),
    markedRules: new Set(),
    markedFindings: 0,
    results,
  };
  for (const result of found) {
    const findings = [
      ...check(result.report, { locale, provenance: result.provenance }),
      ...result.diagnostics,
    ];
    for (const f of findings) {
      if (TIMING_DEPENDENT.has(f.ruleId)) continue;
      expected.findings.push(f);
      if (located(result.provenance, f.cells[0])) {
        expected.primaryPaths.add(f.cells[0]!);
        expected.markedRules.add(f.ruleId);
        expected.markedFindings++;
      }
    }
  }
  expected.counts = countsOf(expected.findings);
  return expected;
}

/**
 * A stored page with some cells rewritten in its HTML (same URL): the cells are
 * located by the extractor, so the edit follows the page's own layout.
 */
export async function editedPage(
  page: CorpusPage,
  id: string,
  edit: (path: string) => string | undefined,
): Promise<CorpusPage> {
  const root = parseHtmlDocument(page.html);
  const [result] = (await extractAll({ kind: 'dom', root }, { url: page.url })).filter(
    (r) => r.found,
  );
  if (!result) throw new Error(`${page.id}: no report`);
  let edited = 0;
  for (const [path, cell] of Object.entries(result.provenance.cells)) {
    const text = edit(path);
    const element = cell.location?.element as Element | undefined;
    if (text === undefined || !element) continue;
    element.textContent = text;
    edited++;
  }
  if (!edited) throw new Error(`${page.id}: nothing edited`);
  return { id, url: page.url, html: `<!DOCTYPE html>\n${root.documentElement.outerHTML}` };
}
