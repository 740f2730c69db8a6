import type { Report } from '@nianbao/schema';
import { memo, useState } from 'react';
import { useUi } from '../i18n/context.tsx';
import { fill } from '../i18n/strings.ts';
import { downloadText, reportFileName } from '../lib/download.ts';
import { reportToJson } from '../lib/report-json.ts';

/** The report's tables as an HTML fragment in the official layout, for a portal CMS. */
export async function officialTablesHtml(report: Report, locale: 'zh-CN' | 'en'): Promise<string> {
  // Loaded on demand: the renderer is not needed to fill in the form.
  const { renderOfficialTables } = await import('@nianbao/render');
  // A clean fragment: the report as it will be published, without finding marks.
  return renderOfficialTables(report, [], locale);
}

/** Export the report JSON, the CMS fragment, or print. */
export const ExportPanel = memo(function ExportPanel({ getReport }: { getReport(): Report }) {
  const { locale, t } = useUi();
  const [note, setNote] = useState<string>();
  const name = (ext: string) => {
    const { meta } = getReport();
    return reportFileName(meta.agencyName, meta.reportYear, ext);
  };

  function exportJson() {
    const report = getReport();
    try {
      downloadText(name('json'), 'application/json', reportToJson(report));
      setNote(undefined);
    } catch (error) {
      setNote(fill(t.exportInvalid, { reason: (error as Error).message }));
    }
  }

  return (
    <section className="export" aria-labelledby="export-title">
      <h2 id="export-title">{t.exportTitle}</h2>
      <div className="buttons">
        <button type="button" data-export="json" title={t.exportJsonHint} onClick={exportJson}>
          {t.exportJson}
        </button>
        <button
          type="button"
          data-export="html"
          title={t.exportHtmlHint}
          onClick={async () => {
            const html = await officialTablesHtml(getReport(), locale);
            downloadText(name('html'), 'text/html', `${html}\n`);
          }}
        >
          {t.exportHtml}
        </button>
        <button
          type="button"
          data-export="copy-html"
          onClick={async () => {
            try {
              const html = await officialTablesHtml(getReport(), locale);
              await navigator.clipboard.write([
                new ClipboardItem({
                  'text/html': new Blob([html], { type: 'text/html' }),
                  'text/plain': new Blob([html], { type: 'text/plain' }),
                }),
              ]);
              setNote(t.copied);
            } catch {
              setNote(t.copyFailed);
            }
          }}
        >
          {t.copyHtml}
        </button>
        <button type="button" data-export="print" onClick={() => window.print()}>
          {t.print}
        </button>
      </div>
      <p className="hint">
        {t.exportJsonHint} {t.exportHtmlHint}
      </p>
      {note && (
        <p role="status" className="export-note">
          {note}
        </p>
      )}
    </section>
  );
});
