import { ruleHelpUri } from '@nianbao/render';
import type { Locale, RuleMeta } from '@nianbao/schema';

const SEVERITY = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const;

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The rule catalogue as a Markdown table (what `nianbao rules` prints by default). */
export function rulesMarkdown(catalogue: readonly RuleMeta[], locale: Locale): string {
  const en = locale === 'en';
  const sev = SEVERITY[en ? 'en' : 'zh-CN'];
  const head = en
    ? '| id | severity | formats | what it checks | basis |\n| --- | --- | --- | --- | --- |'
    : '| 规则 | 级别 | 适用格式 | 检查内容 | 依据 |\n| --- | --- | --- | --- | --- |';
  const rows = catalogue.map(
    (r) =>
      `| [${r.id}](${ruleHelpUri(r.id)}) | ${sev[r.severity]} | ${r.formats.join(', ')} | ${cell(en ? r.docs.en : r.docs.zh)} | ${cell(r.basis)} |`,
  );
  const title = en
    ? `# nianbao rules (${catalogue.length})`
    : `# nianbao 规则目录（${catalogue.length} 条）`;
  return `${title}\n\n${head}\n${rows.join('\n')}\n`;
}
