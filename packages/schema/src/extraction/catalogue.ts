/**
 * The catalogue of extraction diagnostics: what the extractor says when it
 * cannot read a document, or had to interpret it. Every diagnostic is a
 * `Finding` with `origin: "extraction"`, so surfaces show it like any other
 * finding, but never as the report author's mistake. Where a diagnostic is the
 * extraction side of a spec rule (a table 三 row with the wrong count of
 * numbers is `T3-A-SHAPE`/`T3-B-SHAPE`; the seed's table 四 line with 16
 * numbers is `T4-SHAPE`), it carries that rule's id.
 */
import type { Severity } from '../core/types.ts';

export interface ExtractionDiagnosticMeta {
  /** Key of the diagnostic in this catalogue. */
  id: string;
  /** The `ruleId` findings carry (the spec rule id where there is one, e.g. `T4-SHAPE`). */
  ruleId: string;
  severity: Severity;
  /** Message templates with `{placeholders}`; `default` is required. */
  messages: Record<string, { zh: string; en: string }> & { default: { zh: string; en: string } };
}

function d(
  id: string,
  severity: Severity,
  messages: ExtractionDiagnosticMeta['messages'],
): ExtractionDiagnosticMeta {
  return { id, ruleId: id, severity, messages };
}

const T2_SHAPE = {
  default: {
    zh: '表二“{label}”一行应有{expected}个数值，读到{actual}个（{raw}），该行未读取',
    en: 'Row "{label}" of table 二 should hold {expected} values, {actual} were read ({raw}); the row was not read',
  },
};
const T3_SHAPE = {
  default: {
    zh: '表三“{label}”一行应有{expected}个数值，读到{actual}个（{raw}），该行未读取',
    en: 'Row "{label}" of table 三 should hold {expected} values, {actual} were read ({raw}); the row was not read',
  },
};

export const EXTRACTION_DIAGNOSTICS = {
  'EXTRACT-EMPTY': d('EXTRACT-EMPTY', 'error', {
    default: { zh: '文档为空，没有可读取的内容', en: 'The document is empty: nothing to read' },
  }),
  'EXTRACT-BINARY': d('EXTRACT-BINARY', 'error', {
    default: {
      zh: '文档不是可读的文本、网页或 Word 文件（{reason}）',
      en: 'The document is not readable text, HTML or a Word file ({reason})',
    },
  }),
  'EXTRACT-DOCX-UNREADABLE': d('EXTRACT-DOCX-UNREADABLE', 'error', {
    default: {
      zh: '无法读取该 Word（.docx）文件：{reason}',
      en: 'The Word (.docx) file could not be read: {reason}',
    },
  }),
  'EXTRACT-FAILED': d('EXTRACT-FAILED', 'error', {
    default: {
      zh: '读取文档时出错（{reason}），未能得到报告内容',
      en: 'Reading the document failed ({reason}); no report content was obtained',
    },
  }),
  'EXTRACT-NOT-A-REPORT': d('EXTRACT-NOT-A-REPORT', 'error', {
    default: {
      zh: '未在文档中找到政府信息公开工作年度报告',
      en: 'No annual report on open government information was found in the document',
    },
  }),
  'EXTRACT-NO-TABLES': d('EXTRACT-NO-TABLES', 'warning', {
    default: {
      zh: '页面中未找到报告表格（不是“全部为零”）：无法核对表二、表三、表四',
      en: 'No report tables were found on the page (not "all zeros"): tables 二, 三 and 四 cannot be checked',
    },
    attachment: {
      zh: '页面中未找到报告表格（不是“全部为零”），报告正文可能在附件“{attachment}”中',
      en: 'No report tables were found on the page (not "all zeros"); the report may be in the attachment "{attachment}"',
    },
  }),
  'EXTRACT-TABLE-NOT-FOUND': d('EXTRACT-TABLE-NOT-FOUND', 'warning', {
    default: {
      zh: '未找到表{table}（{title}），其单元格未读取（不是“全部为零”）',
      en: 'Table {table} ({title}) was not found; its cells were not read (not "all zeros")',
    },
  }),
  'EXTRACT-FORMAT-ASSUMED': d('EXTRACT-FORMAT-ASSUMED', 'info', {
    default: {
      zh: '表格中没有可判断格式的标志性标签，也未读到报告年度，按{format}年格式读取',
      en: 'No signature label identifies the format and no report year was read; read as the {format} format',
    },
    year: {
      zh: '表格中没有可判断格式的标志性标签，按报告年度{year}采用{format}年格式',
      en: 'No signature label identifies the format; the {format} format was assumed from the report year {year}',
    },
  }),
  'EXTRACT-FORMAT-MIXED': d('EXTRACT-FORMAT-MIXED', 'warning', {
    default: {
      zh: '表格同时含有2019年格式和2021年格式的标志性标签（{labels}），按{format}年格式读取',
      en: 'The tables hold signature labels of both formats ({labels}); read as the {format} format',
    },
  }),
  'EXTRACT-ROW-UNRECOGNISED': d('EXTRACT-ROW-UNRECOGNISED', 'warning', {
    default: {
      zh: '表{table}中有一行无法识别：“{label}”（{count}个数值未读取）',
      en: 'A row of table {table} was not recognised: "{label}" ({count} values not read)',
    },
    unmatched: {
      zh: '表{table}中有{count}行无法识别（{labels}），未找到的{missing}行（{rows}）可能就是它们：这些行未读取，不作为报告缺行',
      en: '{count} rows of table {table} were not recognised ({labels}); the {missing} rows not found ({rows}) may be these: they were not read and are not reported as missing',
    },
  }),
  // Info: the shape rules (T2/T3-*-SHAPE) report the missing row as the report's defect.
  'EXTRACT-ROW-MISSING': d('EXTRACT-ROW-MISSING', 'info', {
    default: {
      zh: '表{table}中未找到“{label}”这一行',
      en: 'Row "{label}" was not found in table {table}',
    },
  }),
  'EXTRACT-ROW-DUPLICATE': d('EXTRACT-ROW-DUPLICATE', 'warning', {
    default: {
      zh: '“{label}”这一行出现了两次，采用第一次的数值',
      en: 'Row "{label}" appears twice; the first one was used',
    },
  }),
  'EXTRACT-VALUE-UNPARSEABLE': d('EXTRACT-VALUE-UNPARSEABLE', 'warning', {
    default: {
      zh: '{cell}的内容“{raw}”不是数字，未作猜测，按空白处理',
      en: '{cell} holds "{raw}", which is not a number; left blank rather than guessed',
    },
  }),
  'EXTRACT-SPLIT-INFERRED': d('EXTRACT-SPLIT-INFERRED', 'info', {
    default: {
      zh: '“{label}”一行的数字之间缺少分隔（“{raw}”），只有一种拆分（{values}）满足勾稽关系，已按此读取',
      en: 'The numbers of row "{label}" lost their separators ("{raw}"); exactly one split ({values}) satisfies the equations and was used',
    },
    grouped: {
      zh: '{table}有{count}行的数字之间缺少分隔，每行只有一种拆分满足勾稽关系，已按此读取：{rows}',
      en: '{count} rows of {table} lost the separators between their numbers; for each, exactly one split satisfies the equations and was used: {rows}',
    },
  }),
  'EXTRACT-SPLIT-AMBIGUOUS': d('EXTRACT-SPLIT-AMBIGUOUS', 'warning', {
    default: {
      zh: '“{label}”一行的数字之间缺少分隔（“{raw}”），无法唯一确定{count}个数值，该行未读取',
      en: 'The numbers of row "{label}" lost their separators ("{raw}"); {count} values cannot be told apart, so the row was not read',
    },
    none: {
      zh: '“{label}”一行的数字之间缺少分隔（“{raw}”），没有一种拆分满足勾稽关系，该行未读取',
      en: 'The numbers of row "{label}" lost their separators ("{raw}"); no split satisfies the equations, so the row was not read',
    },
  }),
  'T2-A-SHAPE': d('T2-A-SHAPE', 'error', T2_SHAPE),
  'T2-B-SHAPE': d('T2-B-SHAPE', 'error', T2_SHAPE),
  'T3-A-SHAPE': d('T3-A-SHAPE', 'error', T3_SHAPE),
  'T3-B-SHAPE': d('T3-B-SHAPE', 'error', T3_SHAPE),
  'T3-EXTRA-COLUMN': d('T3-EXTRA-COLUMN', 'info', {
    default: {
      zh: '表三多出一列“{label}”（非官方格式），其数值等于五类法人或其他组织之和，已忽略',
      en: 'Table 三 has an extra column "{label}" (not in the official format); it equals the sum of the five organisation columns and was ignored',
    },
    mismatch: {
      zh: '表三多出一列“{label}”（非官方格式），其数值不等于五类法人或其他组织之和（{rows}）',
      en: 'Table 三 has an extra column "{label}" (not in the official format) that does not equal the sum of the five organisation columns ({rows})',
    },
  }),
  'T4-SHAPE': d('T4-SHAPE', 'error', {
    default: {
      zh: '表四应有15个数值，读到{actual}个（{raw}），无法确定多出或缺少的是哪一个，表四未读取',
      en: 'Table 四 should hold 15 values, {actual} were read ({raw}); which one is stray or missing cannot be told, so table 四 was not read',
    },
    unique: {
      zh: '表四应有15个数值，读到{actual}个（{raw}）；只有去掉第{position}个数值这一种读法满足三组总计，已按此读取',
      en: 'Table 四 should hold 15 values, {actual} were read ({raw}); only dropping value {position} satisfies the three totals, and that reading was used',
    },
    certain: {
      zh: '表四应有15个数值，读到{actual}个（{raw}）；无法确定哪一个是多余的，但满足三组总计的{count}种读法得到相同的15个数值，这些数值是确定的',
      en: 'Table 四 should hold 15 values, {actual} were read ({raw}); the stray one cannot be identified, but all {count} readings that satisfy the three totals give the same 15 values, so those values are certain',
    },
  }),
  'EXTRACT-IFRAME-SKIPPED': d('EXTRACT-IFRAME-SKIPPED', 'info', {
    default: {
      zh: '页面中有{count}个跨域内嵌框架无法读取',
      en: '{count} cross-origin frames on the page could not be read',
    },
  }),
  'EXTRACT-UNSUPPORTED': d('EXTRACT-UNSUPPORTED', 'error', {
    default: {
      zh: '无法读取{kind}文件：请在 Word/WPS 中另存为 .docx 或 PDF 后再检查',
      en: 'A {kind} file cannot be read: save it as .docx or PDF (in Word or WPS) and check that',
    },
  }),
  'EXTRACT-PDF-NO-TEXT': d('EXTRACT-PDF-NO-TEXT', 'error', {
    default: {
      zh: '扫描件或无文字层，无法读取（不做文字识别）：该 PDF 没有可用的文字层，请提供由 Word/WPS 导出的 PDF、.docx 或网页版本',
      en: 'A scan or a PDF without a text layer cannot be read (no OCR is done): provide a PDF exported from Word/WPS, a .docx or the web page',
    },
  }),
  'EXTRACT-PDF-ENCRYPTED': d('EXTRACT-PDF-ENCRYPTED', 'error', {
    default: {
      zh: '该 PDF 已加密（需要密码才能打开），无法读取：请提供未加密的版本',
      en: 'The PDF is encrypted (it needs a password to open) and cannot be read: provide an unencrypted copy',
    },
  }),
  'EXTRACT-PDF-BROKEN': d('EXTRACT-PDF-BROKEN', 'error', {
    default: {
      zh: '该 PDF 文件已损坏或不完整，无法读取（{reason}）',
      en: 'The PDF file is damaged or incomplete and cannot be read ({reason})',
    },
  }),
  'EXTRACT-DOC-UNREADABLE': d('EXTRACT-DOC-UNREADABLE', 'error', {
    default: {
      zh: '无法读取该 Word 97–2003（.doc）文件（{reason}）：请在 Word/WPS 中另存为 .docx 或 PDF 后再检查',
      en: 'The Word 97–2003 (.doc) file could not be read ({reason}): save it as .docx or PDF (in Word or WPS) and check that',
    },
    browser: {
      zh: '浏览器中无法读取 Word 97–2003（.doc）文件：请在 Word/WPS 中另存为 .docx 或 PDF 后再导入',
      en: 'Word 97–2003 (.doc) files cannot be read in the browser: save it as .docx or PDF (in Word or WPS) and import that',
    },
  }),
  'EXTRACT-INVALID-REPORT': d('EXTRACT-INVALID-REPORT', 'error', {
    default: {
      zh: '不是有效的年报 JSON（{where}）：{reason}',
      en: 'Not a valid report JSON ({where}): {reason}',
    },
  }),
  'EXTRACT-TOO-LARGE': d('EXTRACT-TOO-LARGE', 'error', {
    default: {
      zh: '文档解压后超过 {limit}（压缩包可能是恶意构造的），未读取',
      en: 'The document inflates to more than {limit} (the archive may be crafted to do so); it was not read',
    },
    ratio: {
      zh: '文档中的一个文件解压后超过压缩大小的 {ratio} 倍且大于 {size}（压缩包可能是恶意构造的），未读取',
      en: 'A file in the document inflates to more than {ratio} times its compressed size and past {size} (the archive may be crafted to do so); it was not read',
    },
    entries: {
      zh: '文档压缩包中的文件超过 {limit} 个（压缩包可能是恶意构造的），未读取',
      en: 'The document archive holds more than {limit} files (it may be crafted to do so); it was not read',
    },
    entity: {
      zh: '文档中的 XML（{entry}）含有 DOCTYPE 或实体声明（可能被用来无限展开），未读取',
      en: 'The XML of the document ({entry}) declares a DOCTYPE or entities (which can be made to expand without end); it was not read',
    },
  }),
  'EXTRACT-FROM-ATTACHMENT': d('EXTRACT-FROM-ATTACHMENT', 'info', {
    default: {
      zh: '页面 {page} 只有标题，报告读自其附件 {href}（标题和发布日期取自页面）',
      en: 'The page {page} holds only the title; the report was read from its attachment {href} (title and publication date from the page)',
    },
  }),
  'EXTRACT-TRUNCATED': d('EXTRACT-TRUNCATED', 'warning', {
    default: {
      zh: '文档过大（{size}），只读取了前{limit}',
      en: 'The document is very large ({size}); only the first {limit} were read',
    },
  }),
} as const satisfies Record<string, ExtractionDiagnosticMeta>;

export type ExtractionDiagnosticId = keyof typeof EXTRACTION_DIAGNOSTICS;
