/**
 * Test helpers for the structure and narrative rules: a report with the six
 * official headings and plausible text, to perturb. Not part of the public API.
 */
import type { Report, Section } from '../model/report.ts';
import { SECTIONS } from '../templates/index.ts';
import { consistentReport } from '../testing.ts';

export const SAMPLE_TEXT: Record<number, string> = {
  1: [
    '（一）主动公开',
    '全年主动公开政府信息120条。',
    '（二）依申请公开',
    '规范依申请公开办理流程。',
    '（三）政府信息管理',
    '开展公开前保密审查。',
    '（四）平台建设',
    '加强政府网站和政务新媒体建设。',
    '（五）监督保障',
    '将政务公开纳入年度考核，开展业务培训。',
  ].join('\n'),
  2: '',
  3: '',
  4: '',
  5: '存在的主要问题：一是公开内容不够全面；二是解读形式单一。下一步将进一步加强培训，完善工作机制。',
  6: '本年度未收取信息处理费。',
};

export function officialSections(texts: Partial<Record<number, string>> = {}): Section[] {
  return SECTIONS.map((tpl) => ({
    ordinal: tpl.ordinal,
    heading: tpl.heading.zh,
    text: texts[tpl.number] ?? SAMPLE_TEXT[tpl.number]!,
  }));
}

/** A consistent report of the format with the six sections and a title. */
export function textReport(
  format: '2019' | '2021' = '2021',
  patch: { sections?: Section[]; meta?: Report['meta']; preamble?: string } = {},
): Report {
  const report = consistentReport(format);
  const year = format === '2019' ? 2020 : 2023;
  report.meta = {
    reportYear: year,
    title: `某某区政务服务局${year}年政府信息公开工作年度报告`,
    agencyName: '某某区政务服务局',
    agencyKind: 'dept',
    publishedAt: `${year + 1}-01-20`,
    ...patch.meta,
  };
  report.sections = patch.sections ?? officialSections();
  if (patch.preamble !== undefined) report.preamble = patch.preamble;
  return report;
}
