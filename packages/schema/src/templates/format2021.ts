import {
  APPEALS_TABLE,
  APPLICATION_ROWS_HEAD,
  APPLICATION_ROWS_TAIL,
  applicationRow,
  applicationsTable,
  KOUJI_STATEMENT,
  OTHER_HANDLING,
  SECTIONS,
} from './shared.ts';
import type {
  ColumnTemplate,
  FormatTemplate,
  Label,
  RowTemplate,
  SubTableTemplate,
} from './types.ts';

const l = (zh: string, en: string): Label => ({ zh, en });
const INFO = l('信息内容', 'Item');
const D = 'activeDisclosure';

function sub(
  id: string,
  caption: Label,
  columns: ColumnTemplate[],
  rows: [string, Label][],
): SubTableTemplate {
  return {
    id,
    caption,
    rowHeader: INFO,
    columns,
    rows: rows.map(
      ([key, label]): RowTemplate => ({
        path: `${D}.${key}`,
        label,
        groups: [caption],
        cells: columns.map((c) => `${D}.${key}.${c.key}`),
      }),
    ),
  };
}

const DECISIONS: ColumnTemplate[] = [
  { key: 'decisions', label: l('本年处理决定数量', 'Decisions this year'), kind: 'count' },
];

/** 2021 format (国办公开办函〔2021〕30号), report years 2021 on (spec §3). */
export const FORMAT_2021: FormatTemplate = {
  format: '2021',
  notice: l(
    '国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》',
    'Notice 国办公开办函〔2021〕30号, current format',
  ),
  years: { from: 2021 },
  sections: SECTIONS,
  activeDisclosure: {
    id: 'activeDisclosure',
    number: '二',
    title: l('主动公开政府信息情况', 'Proactive disclosure'),
    cellCount: 10,
    subTables: [
      sub(
        'item1',
        l('第二十条第（一）项', 'Art. 20 item (1)'),
        [
          { key: 'issued', label: l('本年制发件数', 'Issued this year'), kind: 'count' },
          { key: 'repealed', label: l('本年废止件数', 'Repealed this year'), kind: 'count' },
          { key: 'valid', label: l('现行有效件数', 'Currently in force'), kind: 'count' },
        ],
        [
          ['regulations', l('规章', 'Rules (规章)')],
          ['normativeDocuments', l('行政规范性文件', 'Administrative normative documents')],
        ],
      ),
      sub('item5', l('第二十条第（五）项', 'Art. 20 item (5)'), DECISIONS, [
        ['licensing', l('行政许可', 'Administrative licensing')],
      ]),
      sub('item6', l('第二十条第（六）项', 'Art. 20 item (6)'), DECISIONS, [
        ['penalty', l('行政处罚', 'Administrative penalties')],
        ['coercion', l('行政强制', 'Administrative coercion')],
      ]),
      sub(
        'item8',
        l('第二十条第（八）项', 'Art. 20 item (8)'),
        [
          {
            key: 'amount',
            label: l('本年收费金额（单位：万元）', 'Fees collected this year (10,000 yuan)'),
            kind: 'money',
          },
        ],
        [['fees', l('行政事业性收费', 'Administrative fees')]],
      ),
    ],
  },
  applications: applicationsTable([
    ...APPLICATION_ROWS_HEAD,
    applicationRow(
      'applications.results.other.overdueCorrection',
      l(
        '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        '1. Applicant did not correct in time; no longer processed',
      ),
      [OTHER_HANDLING],
    ),
    applicationRow(
      'applications.results.other.unpaidFee',
      l(
        '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        '2. Applicant did not pay the fee in time; no longer processed',
      ),
      [OTHER_HANDLING],
    ),
    applicationRow('applications.results.other.other', l('3.其他', '3. Other'), [OTHER_HANDLING]),
    ...APPLICATION_ROWS_TAIL,
  ]),
  appeals: APPEALS_TABLE,
  signatureLabels: [
    '本年制发件数',
    '本年废止件数',
    '现行有效件数',
    '本年处理决定数量',
    '本年收费金额（单位：万元）',
    '申请人逾期未按收费通知要求缴纳费用',
  ],
  koujiStatement: KOUJI_STATEMENT,
};
