/**
 * A portal page that holds only the title and a link to the report (.pdf, .doc,
 * .docx): the CLI follows the link, on the same registrable domain, with the
 * same limits and the same private-address refusal as the page itself, and
 * checks the attachment in the page's name — its title and publication date
 * come from the page, and a reading note says where the report was read.
 */
import type { ExtractResult } from '@nianbao/extract';
import { extractionFinding, type Locale } from '@nianbao/schema';
import type { Input } from './inputs.ts';

/** Second-level names under which the registrable domain has three labels (gov.cn …). */
const SHARED_SUFFIXES = new Set(['gov.cn', 'com.cn', 'org.cn', 'net.cn', 'edu.cn', 'ac.cn']);

/** `www.pingtan.gov.cn` → `pingtan.gov.cn`; `a.example.com` → `example.com`. */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const two = labels.slice(-2).join('.');
  return SHARED_SUFFIXES.has(two) ? labels.slice(-3).join('.') : two;
}

/** The attachment a page names, when the page itself held no report. */
export function attachmentOf(page: readonly ExtractResult[], pageUrl: string): string | undefined {
  if (page.length === 0 || page.some((r) => r.found)) return undefined;
  for (const r of page) {
    for (const d of r.diagnostics) {
      const href = d.params?.href;
      if (d.ruleId !== 'EXTRACT-NO-TABLES' || typeof href !== 'string') continue;
      try {
        const target = new URL(href);
        const from = new URL(pageUrl);
        if (!/^https?:$/.test(target.protocol)) continue;
        if (registrableDomain(target.hostname) !== registrableDomain(from.hostname)) continue;
        return target.href;
      } catch {}
    }
  }
  return undefined;
}

/**
 * Reads the page, and its attachment when the page held no report: the
 * attachment's reports carry the page's title and date and say where they
 * were read. Without a readable attachment the page's own result stands.
 */
export async function readFollowingAttachment(
  input: Input,
  read: (input: Input) => Promise<ExtractResult[]>,
  locale: Locale,
): Promise<ExtractResult[]> {
  const page = await read(input);
  if (input.kind !== 'url') return page;
  const href = attachmentOf(page, input.url);
  if (!href) return page;
  let attached: ExtractResult[];
  try {
    attached = await read({ kind: 'url', source: input.source, url: href });
  } catch {
    return page; // the page's own note (报告在附件中) stands
  }
  if (!attached.some((r) => r.found)) return page;
  const pageMeta = page[0]!.report.meta;
  return attached.map((r) => {
    if (!r.found) return r;
    const meta = { ...r.report.meta };
    if (pageMeta.title && !meta.title) meta.title = pageMeta.title;
    if (pageMeta.agencyName && !meta.agencyName) meta.agencyName = pageMeta.agencyName;
    if (pageMeta.reportYear && !meta.reportYear) meta.reportYear = pageMeta.reportYear;
    if (pageMeta.agencyKind && !meta.agencyKind) meta.agencyKind = pageMeta.agencyKind;
    // The date the page states is the publication date; the file's own dates are not.
    if (pageMeta.publishedAt) {
      meta.publishedAt = pageMeta.publishedAt;
      meta.publishedAtSource = 'linking-page';
    }
    meta.sourceUrl = input.url;
    return {
      ...r,
      report: { ...r.report, meta },
      diagnostics: [
        ...r.diagnostics,
        extractionFinding('EXTRACT-FROM-ATTACHMENT', { params: { href, page: input.url } }, locale),
      ],
    };
  });
}
