import { strings } from '@nianbao/render';
import type { Locale, Severity } from '@nianbao/schema';

const zh = {
  title: '年报检查',
  language: '语言',
  recheck: '重新检查',
  hideMarks: '隐藏页面标记',
  showMarks: '显示页面标记',
  checking: '正在检查……',
  idle: '点击工具栏按钮检查当前页面。',
  noReport: '本页未找到可读的年度报告。',
  failed: '检查失败：',
  report: '报告',
  format: '格式',
  format2019: '2019 年试行格式（国办公开办函〔2019〕60号）',
  format2021: '2021 年格式（国办公开办函〔2021〕30号）',
  year: '报告年度',
  agency: '机关',
  published: '发布日期',
  deadline: '公布期限',
  unknown: '未知',
  deadlineStatus: {
    'on-time': '按时发布',
    late: '逾期发布',
    'too-early': '早于年度结束发布',
    'no-date': '未读到发布日期',
    'unknown-kind': '机关类别未知，无法确定期限',
  },
  localDeadline: '（地方期限，默认值）',
  filter: '按严重程度筛选',
  severity: { error: '错误', warning: '警告', info: '提示' },
  tables: {
    activeDisclosure: '表二 主动公开',
    applications: '表三 依申请公开',
    appeals: '表四 复议诉讼',
    other: '其他（章节、日期、读取）',
  },
  noFindings: '没有发现问题。',
  notesHint: '读取时的说明，不是报告的错误',
  untitled: '（未读到报告标题）',
  export: '导出',
  openInForm: '在表单中打开',
  findings: '条问题',
} as const;

type Strings = {
  [K in keyof typeof zh]: (typeof zh)[K] extends string
    ? string
    : { [P in keyof (typeof zh)[K]]: string };
};

const en: Strings = {
  title: 'nianbao report check',
  language: 'Language',
  recheck: 'Check again',
  hideMarks: 'Hide marks on the page',
  showMarks: 'Show marks on the page',
  checking: 'Checking…',
  idle: 'Click the toolbar button to check this page.',
  noReport: 'No readable annual report on this page.',
  failed: 'The check failed: ',
  report: 'Report',
  format: 'Format',
  format2019: '2019 trial format (国办公开办函〔2019〕60号)',
  format2021: '2021 format (国办公开办函〔2021〕30号)',
  year: 'Report year',
  agency: 'Agency',
  published: 'Published',
  deadline: 'Deadline',
  unknown: 'unknown',
  deadlineStatus: {
    'on-time': 'published on time',
    late: 'published late',
    'too-early': 'published before the year ended',
    'no-date': 'no publication date found',
    'unknown-kind': 'agency kind unknown: deadline undetermined',
  },
  localDeadline: ' (local deadline, default)',
  filter: 'Filter by severity',
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  tables: {
    activeDisclosure: 'Table 2 (proactive disclosure)',
    applications: 'Table 3 (applications)',
    appeals: 'Table 4 (review and litigation)',
    other: 'Other (sections, dates, reading)',
  },
  noFindings: 'No problems found.',
  notesHint: 'what we noticed reading the page; not errors of the report',
  untitled: '(no report title found)',
  export: 'Export',
  openInForm: 'Open in the form',
  findings: 'findings',
};

export type UiStrings = Strings;

export function ui(locale: Locale): UiStrings {
  return locale === 'en' ? en : zh;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A count with its word, in the words of '@nianbao/render' (the same as the CLI
 * and the HTML report): `错误 2`, `1 error`, `2 errors`; `notes` are the reading notes.
 */
export function countLabel(locale: Locale, kind: Severity | 'notes', n: number): string {
  const s = strings(locale);
  if (locale === 'en') return plural(n, kind === 'notes' ? 'reading note' : s.severity[kind]);
  return `${kind === 'notes' ? s.origin.extraction : s.severity[kind]} ${n}`;
}
