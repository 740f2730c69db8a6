/**
 * Keyword tests for the content rules. Each topic is a list of patterns because
 * reports word the same topic differently (e.g. 政府信息管理 is often written
 * 政府信息资源的规范化、标准化管理).
 */
import type { Label } from '../templates/types.ts';
import { memoByString } from './memo.ts';
import { simplifiedText } from './script.ts';

export interface Topic {
  id: string;
  label: Label;
  patterns: RegExp[];
}

/** Per text: its whitespace-free form and the topics already looked up. */
const reading = memoByString(
  (text: string) => ({
    flat: simplifiedText(text).replace(/\s+/g, ''),
    topics: new Map<string, boolean>(),
  }),
  64,
);

export function mentions(text: string, topic: Topic): boolean {
  const r = reading(text);
  let found = r.topics.get(topic.id);
  if (found === undefined) {
    found = topic.patterns.some((p) => p.test(r.flat));
    r.topics.set(topic.id, found);
  }
  return found;
}

/** The five aspects of section 一 (国办公开办函〔2021〕30号; S17 for the 2019 format). */
export const OVERALL_ASPECTS: Topic[] = [
  { id: 'active', label: { zh: '主动公开', en: 'proactive disclosure' }, patterns: [/主动公开/] },
  {
    id: 'request',
    label: { zh: '依申请公开', en: 'disclosure on request' },
    patterns: [/依申请/, /政府信息公开申请/],
  },
  {
    id: 'management',
    label: { zh: '政府信息管理', en: 'information management' },
    patterns: [
      /政府信息(?:资源)?[^。；]{0,16}管理/,
      /信息(?:资源)?管理/,
      /公开(?:前)?(?:保密)?审查/,
      /(?:发布|保密)审[查核]/,
      /先审后发/,
      /分级审核/,
      /(?:信息|文件)[^。；]{0,6}清理/,
      /公开(?:标准)?目录/,
    ],
  },
  {
    id: 'platform',
    label: { zh: '政府信息公开平台建设', en: 'disclosure platforms' },
    patterns: [/平台建设/, /公开平台/, /政府网站/, /门户网站/, /政务新媒体/],
  },
  {
    id: 'oversight',
    label: { zh: '监督保障', en: 'oversight and safeguards' },
    patterns: [/监督保障/, /监督检查/, /考核/, /培训/, /社会评议/, /责任追究/],
  },
];

/** What the report of a 人民政府 must add (条例第五十条（四）). */
export const ACCOUNTABILITY: Topic[] = [
  { id: 'assessment', label: { zh: '工作考核', en: 'performance assessment' }, patterns: [/考核/] },
  {
    id: 'review',
    label: { zh: '社会评议', en: 'public evaluation' },
    patterns: [/社会评议/, /评议/, /群众评价/, /满意度测评/],
  },
  {
    id: 'accountability',
    label: { zh: '责任追究', en: 'accountability' },
    patterns: [/责任追究/, /追究责任/, /问责/, /追责/],
  },
];

export const PROBLEM: Topic = {
  id: 'problem',
  label: { zh: '存在的问题', en: 'a problem' },
  patterns: [/问题/, /不足/, /差距/, /短板/, /薄弱/, /有待/, /不够/, /欠缺/, /不到位/, /不平衡/],
};

export const IMPROVEMENT: Topic = {
  id: 'improvement',
  label: { zh: '改进措施', en: 'an improvement measure' },
  patterns: [
    /改进/,
    /下一步/,
    /下步/,
    /措施/,
    /将(?:进一步|继续|持续|加强|加大|不断|着力|切实)/,
    /(?:进一步|持续|继续)(?:加强|提升|完善|推进|强化|深化|规范|提高)/,
    /(?:加强|完善|强化|提升|提高)[^。；]{0,10}(?:工作|机制|制度|能力|质量|水平|建设)/,
  ],
};

/** 信息处理费 (条例第四十二条; 《政府信息公开信息处理费管理办法》). */
export const FEE: Topic = {
  id: 'fee',
  label: { zh: '信息处理费', en: 'information processing fees' },
  patterns: [/信息处理费/, /处理费/],
};

/** A statement of whether the fee was collected: an amount, or "none collected". */
export const FEE_STATEMENT: Topic = {
  id: 'feeStatement',
  label: { zh: '收取情况', en: 'whether fees were collected' },
  patterns: [
    /(?:未|没有|不|无)(?:收取|收|产生|发生)/,
    /(?:收取|收费)[^。；]{0,20}(?:\d|零)/,
    /\d+(?:\.\d+)?(?:万)?元/,
    /(?:费用|处理费|收费)[^。；]{0,6}(?:为|计)?(?:0|零|无)/,
    /无[^。；]{0,6}(?:收取|收费)/,
  ],
};

/** Items recalled but not confirmed for section 六 of the 2021 format ([I]). */
export const SEC6_OTHER: Topic[] = [
  {
    id: 'keyPoints',
    label: {
      zh: '落实上级年度政务公开工作要点情况',
      en: 'the annual key points of open government',
    },
    patterns: [/工作要点/],
  },
  {
    id: 'proposals',
    label: {
      zh: '人大代表建议和政协提案办理结果公开情况',
      en: "deputies' suggestions and CPPCC proposals",
    },
    patterns: [/建议[^。；]{0,4}提案/, /人大代表建议/, /政协提案/, /建议提案/],
  },
  {
    id: 'innovation',
    label: { zh: '年度政务公开工作创新情况', en: 'innovation in open government' },
    patterns: [/创新/],
  },
];
