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

const ITEM_COLUMNS: ColumnTemplate[] = [
  { key: 'previousCount', label: l('上一年项目数量', 'Items last year'), kind: 'count' },
  { key: 'change', label: l('本年增/减', 'Change this year'), kind: 'signed' },
  { key: 'decisions', label: l('处理决定数量', 'Decisions'), kind: 'count' },
];

/** 2019 trial format (国办公开办函〔2019〕60号), report years 2019–2020 (spec §2). */
export const FORMAT_2019: FormatTemplate = {
  format: '2019',
  notice: l(
    '国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》',
    'Notice 国办公开办函〔2019〕60号, trial format',
  ),
  years: { from: 2019, to: 2020 },
  sections: SECTIONS,
  activeDisclosure: {
    id: 'activeDisclosure',
    number: '二',
    title: l('主动公开政府信息情况', 'Proactive disclosure'),
    cellCount: 22,
    subTables: [
      sub(
        'item1',
        l('第二十条第（一）项', 'Art. 20 item (1)'),
        [
          { key: 'newlyMade', label: l('本年新制作数量', 'Made this year'), kind: 'count' },
          {
            key: 'newlyPublished',
            label: l('本年新公开数量', 'Published this year'),
            kind: 'count',
          },
          { key: 'totalPublic', label: l('对外公开总数量', 'Total public'), kind: 'count' },
        ],
        [
          ['regulations', l('规章', 'Rules (规章)')],
          ['normativeDocuments', l('规范性文件', 'Normative documents')],
        ],
      ),
      sub('item5', l('第二十条第（五）项', 'Art. 20 item (5)'), ITEM_COLUMNS, [
        ['licensing', l('行政许可', 'Administrative licensing')],
        ['otherServices', l('其他对外管理服务事项', 'Other external management services')],
      ]),
      sub('item6', l('第二十条第（六）项', 'Art. 20 item (6)'), ITEM_COLUMNS, [
        ['penalty', l('行政处罚', 'Administrative penalties')],
        ['coercion', l('行政强制', 'Administrative coercion')],
      ]),
      sub('item8', l('第二十条第（八）项', 'Art. 20 item (8)'), ITEM_COLUMNS.slice(0, 2), [
        ['fees', l('行政事业性收费', 'Administrative fees')],
      ]),
      sub(
        'item9',
        l('第二十条第（九）项', 'Art. 20 item (9)'),
        [
          { key: 'projects', label: l('采购项目数量', 'Procurement projects'), kind: 'count' },
          { key: 'amount', label: l('采购总金额', 'Total procurement amount'), kind: 'money' },
        ],
        [['procurement', l('政府集中采购', 'Centralised government procurement')]],
      ),
    ],
  },
  applications: applicationsTable([
    ...APPLICATION_ROWS_HEAD,
    applicationRow('applications.results.other', OTHER_HANDLING, []),
    ...APPLICATION_ROWS_TAIL,
  ]),
  appeals: APPEALS_TABLE,
  signatureLabels: [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增/减',
    '其他对外管理服务事项',
    '第二十条第（九）项',
    '政府集中采购',
    '采购总金额',
  ],
  koujiStatement: KOUJI_STATEMENT,
};
