import type {
  ColumnTemplate,
  GridTableTemplate,
  HeaderCell,
  Label,
  RowTemplate,
  SectionTemplate,
} from './types.ts';

const l = (zh: string, en: string): Label => ({ zh, en });

/** Top-level headings, identical in both formats (spec §2.2, §3.2). */
export const SECTIONS: SectionTemplate[] = [
  {
    number: 1,
    ordinal: '一',
    heading: l('一、总体情况', '1. Overview'),
    keywords: ['总体情况', '基本情况', '概述'],
  },
  {
    number: 2,
    ordinal: '二',
    heading: l('二、主动公开政府信息情况', '2. Proactive disclosure'),
    keywords: ['主动公开政府信息情况', '主动公开'],
  },
  {
    number: 3,
    ordinal: '三',
    heading: l('三、收到和处理政府信息公开申请情况', '3. Applications received and handled'),
    keywords: ['收到和处理政府信息公开申请情况', '政府信息公开申请', '依申请公开'],
  },
  {
    number: 4,
    ordinal: '四',
    heading: l(
      '四、政府信息公开行政复议、行政诉讼情况',
      '4. Administrative reviews and lawsuits about disclosure',
    ),
    keywords: ['行政复议、行政诉讼', '行政复议', '行政诉讼'],
  },
  {
    number: 5,
    ordinal: '五',
    heading: l('五、存在的主要问题及改进情况', '5. Main problems and improvements'),
    keywords: ['存在的主要问题及改进情况', '主要问题', '改进情况', '存在问题'],
  },
  {
    number: 6,
    ordinal: '六',
    heading: l('六、其他需要报告的事项', '6. Other matters to report'),
    keywords: ['其他需要报告的事项', '其他需要报告'],
  },
];

export const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Columns of table 三, in order (spec §2.4). */
export const APPLICANT_COLUMNS: ColumnTemplate[] = [
  { key: 'naturalPerson', label: l('自然人', 'Natural persons'), kind: 'count' },
  { key: 'commercial', label: l('商业企业', 'Businesses'), kind: 'count' },
  { key: 'research', label: l('科研机构', 'Research institutions'), kind: 'count' },
  {
    key: 'publicInterest',
    label: l('社会公益组织', 'Public-interest organisations'),
    kind: 'count',
  },
  { key: 'legalService', label: l('法律服务机构', 'Legal-service institutions'), kind: 'count' },
  { key: 'otherOrg', label: l('其他', 'Other organisations'), kind: 'count' },
  { key: 'total', label: l('总计', 'Total'), kind: 'count' },
];

export const KOUJI_STATEMENT =
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

const APPLICATIONS_HEADER: HeaderCell[][] = [
  [
    {
      label: l(KOUJI_STATEMENT, '(In each column: item 1 + item 2 = item 3 + item 4)'),
      colspan: 3,
      rowspan: 3,
    },
    { label: l('申请人情况', 'Applicants'), colspan: 7 },
  ],
  [
    { label: l('自然人', 'Natural persons'), rowspan: 2 },
    { label: l('法人或其他组织', 'Legal persons or other organisations'), colspan: 5 },
    { label: l('总计', 'Total'), rowspan: 2 },
  ],
  [
    { label: l('商业企业', 'Businesses') },
    { label: l('科研机构', 'Research institutions') },
    { label: l('社会公益组织', 'Public-interest organisations') },
    { label: l('法律服务机构', 'Legal-service institutions') },
    { label: l('其他', 'Other organisations') },
  ],
];

function row(path: string, label: Label, groups: Label[], columns: ColumnTemplate[]): RowTemplate {
  return { path, label, groups, cells: columns.map((c) => `${path}.${c.key}`) };
}

const RESULTS = l('三、本年度办理结果', 'III. Results this year');
const DENIED = l('（三）不予公开', '(3) Not disclosed');
const UNAVAILABLE = l('（四）无法提供', '(4) Cannot be provided');
const NOT_PROCESSED = l('（五）不予处理', '(5) Not processed');
export const OTHER_HANDLING = l('（六）其他处理', '(6) Other handling');

const A = 'applications';
const R = `${A}.results`;
const cols = APPLICANT_COLUMNS;

/** Rows of table 三 before （六）其他处理; identical in both formats. */
export const APPLICATION_ROWS_HEAD: RowTemplate[] = [
  row(
    `${A}.newReceived`,
    l('一、本年新收政府信息公开申请数量', 'I. New applications received this year'),
    [],
    cols,
  ),
  row(
    `${A}.carriedOver`,
    l('二、上年结转政府信息公开申请数量', 'II. Applications carried over from last year'),
    [],
    cols,
  ),
  row(`${R}.granted`, l('（一）予以公开', '(1) Disclosed'), [RESULTS], cols),
  row(
    `${R}.partiallyGranted`,
    l(
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '(2) Partly disclosed (counted here only)',
    ),
    [RESULTS],
    cols,
  ),
  row(`${R}.denied.stateSecret`, l('1.属于国家秘密', '1. State secret'), [RESULTS, DENIED], cols),
  row(
    `${R}.denied.prohibitedByLaw`,
    l('2.其他法律行政法规禁止公开', '2. Prohibited by other laws or regulations'),
    [RESULTS, DENIED],
    cols,
  ),
  row(
    `${R}.denied.safetyStability`,
    l('3.危及“三安全一稳定”', '3. Endangers the "three securities and one stability"'),
    [RESULTS, DENIED],
    cols,
  ),
  row(
    `${R}.denied.thirdPartyRights`,
    l('4.保护第三方合法权益', "4. Protects a third party's lawful rights"),
    [RESULTS, DENIED],
    cols,
  ),
  row(
    `${R}.denied.internalAffairs`,
    l('5.属于三类内部事务信息', '5. Internal-affairs information (three kinds)'),
    [RESULTS, DENIED],
    cols,
  ),
  row(
    `${R}.denied.processInformation`,
    l('6.属于四类过程性信息', '6. Process information (four kinds)'),
    [RESULTS, DENIED],
    cols,
  ),
  row(
    `${R}.denied.enforcementFiles`,
    l('7.属于行政执法案卷', '7. Administrative enforcement files'),
    [RESULTS, DENIED],
    cols,
  ),
  row(
    `${R}.denied.administrativeQuery`,
    l('8.属于行政查询事项', '8. Administrative query matters'),
    [RESULTS, DENIED],
    cols,
  ),
  row(
    `${R}.unavailable.notHeld`,
    l('1.本机关不掌握相关政府信息', '1. Not held by this agency'),
    [RESULTS, UNAVAILABLE],
    cols,
  ),
  row(
    `${R}.unavailable.needsCreation`,
    l('2.没有现成信息需要另行制作', '2. Would need to be created'),
    [RESULTS, UNAVAILABLE],
    cols,
  ),
  row(
    `${R}.unavailable.unclearAfterCorrection`,
    l('3.补正后申请内容仍不明确', '3. Still unclear after correction'),
    [RESULTS, UNAVAILABLE],
    cols,
  ),
  row(
    `${R}.notProcessed.petition`,
    l('1.信访举报投诉类申请', '1. Petitions, reports and complaints'),
    [RESULTS, NOT_PROCESSED],
    cols,
  ),
  row(
    `${R}.notProcessed.duplicate`,
    l('2.重复申请', '2. Duplicate applications'),
    [RESULTS, NOT_PROCESSED],
    cols,
  ),
  row(
    `${R}.notProcessed.publication`,
    l('3.要求提供公开出版物', '3. Requests for published materials'),
    [RESULTS, NOT_PROCESSED],
    cols,
  ),
  row(
    `${R}.notProcessed.massRepeated`,
    l('4.无正当理由大量反复申请', '4. Massive repeated applications without good reason'),
    [RESULTS, NOT_PROCESSED],
    cols,
  ),
  row(
    `${R}.notProcessed.confirmation`,
    l(
      '5.要求行政机关确认或重新出具已获取信息',
      '5. Requests to confirm or re-issue information already obtained',
    ),
    [RESULTS, NOT_PROCESSED],
    cols,
  ),
];

/** Rows of table 三 after （六）其他处理; identical in both formats. */
export const APPLICATION_ROWS_TAIL: RowTemplate[] = [
  row(`${R}.total`, l('（七）总计', '(7) Total'), [RESULTS], cols),
  row(
    `${A}.carriedForward`,
    l('四、结转下年度继续办理', 'IV. Carried forward to next year'),
    [],
    cols,
  ),
];

export function applicationRow(path: string, label: Label, groups: Label[]): RowTemplate {
  return row(path, label, [RESULTS, ...groups], cols);
}

export function applicationsTable(rows: RowTemplate[]): GridTableTemplate {
  return {
    id: 'applications',
    number: '三',
    title: l('收到和处理政府信息公开申请情况', 'Applications received and handled'),
    columns: APPLICANT_COLUMNS,
    header: APPLICATIONS_HEADER,
    rows,
    cellCount: rows.length * APPLICANT_COLUMNS.length,
  };
}

/** The five outcome columns repeated under each of the three groups of table 四. */
export const APPEAL_COLUMNS: ColumnTemplate[] = [
  { key: 'upheld', label: l('结果维持', 'Upheld'), kind: 'count' },
  { key: 'corrected', label: l('结果纠正', 'Corrected'), kind: 'count' },
  { key: 'other', label: l('其他结果', 'Other outcome'), kind: 'count' },
  { key: 'pending', label: l('尚未审结', 'Pending'), kind: 'count' },
  { key: 'total', label: l('总计', 'Total'), kind: 'count' },
];

const outcomeHeaders = (): HeaderCell[] => APPEAL_COLUMNS.map((c) => ({ label: c.label }));

/** Table 四, identical in both formats (spec §2.5): one unlabelled row of 15 cells. */
export const APPEALS_TABLE: GridTableTemplate = {
  id: 'appeals',
  number: '四',
  title: l('政府信息公开行政复议、行政诉讼情况', 'Administrative reviews and lawsuits'),
  columns: APPEAL_COLUMNS,
  header: [
    [
      { label: l('行政复议', 'Administrative review'), colspan: 5 },
      { label: l('行政诉讼', 'Administrative litigation'), colspan: 10 },
    ],
    [
      ...APPEAL_COLUMNS.map((c) => ({ label: c.label, rowspan: 2 })),
      { label: l('未经复议直接起诉', 'Sued directly, without review'), colspan: 5 },
      { label: l('复议后起诉', 'Sued after review'), colspan: 5 },
    ],
    [...outcomeHeaders(), ...outcomeHeaders()],
  ],
  rows: [
    row('appeals.review', l('行政复议', 'Administrative review'), [], APPEAL_COLUMNS),
    row(
      'appeals.litigationDirect',
      l('未经复议直接起诉', 'Lawsuits without prior review'),
      [l('行政诉讼', 'Administrative litigation')],
      APPEAL_COLUMNS,
    ),
    row(
      'appeals.litigationAfterReview',
      l('复议后起诉', 'Lawsuits after review'),
      [l('行政诉讼', 'Administrative litigation')],
      APPEAL_COLUMNS,
    ),
  ],
  cellCount: 15,
};
