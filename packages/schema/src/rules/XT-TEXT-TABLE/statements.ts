/**
 * Finding the numbers a report's text states about applications, results,
 * reviews and lawsuits ("共收到政府信息公开申请749件，其中自然人申请741件"),
 * and the table cells each one denotes.
 */

export type Topic =
  | 'received'
  | 'newReceived'
  | 'carriedOver'
  | 'naturalPerson'
  | 'organisations'
  | 'handled'
  | 'carriedForward'
  | 'granted'
  | 'partiallyGranted'
  | 'denied'
  | 'unavailable'
  | 'notProcessed'
  | 'review'
  | 'litigation'
  | 'appealsAll'
  | 'unknown';

export interface Statement {
  topic: Topic;
  value: number;
  /** The clause as written, ending with the number and its unit. */
  quote: string;
}

const A = 'applications';
const R = `${A}.results`;
const ORGS = ['commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'];
const rowCells = (rows: string[], col: string) => rows.map((r) => `${r}.${col}`);
const DENIED = [
  'stateSecret',
  'prohibitedByLaw',
  'safetyStability',
  'thirdPartyRights',
  'internalAffairs',
  'processInformation',
  'enforcementFiles',
  'administrativeQuery',
].map((k) => `${R}.denied.${k}`);
const UNAVAILABLE = ['notHeld', 'needsCreation', 'unclearAfterCorrection'].map(
  (k) => `${R}.unavailable.${k}`,
);
const NOT_PROCESSED = ['petition', 'duplicate', 'publication', 'massRepeated', 'confirmation'].map(
  (k) => `${R}.notProcessed.${k}`,
);

export interface Alternative {
  cells: string[];
  /** How to name a sum of cells in a message (a single cell is named by its labels). */
  label?: { zh: string; en: string };
}

const T3 = (zh: string, en: string) => ({ zh: `表三${zh}`, en: `table 3, ${en}` });

/**
 * The cells a topic denotes, as alternatives: the text may count only new
 * applications (row 一) or new plus carried over (一 + 二). The first
 * alternative is the one named when the text disagrees with all of them.
 */
export const TOPIC_CELLS: Record<Exclude<Topic, 'unknown'>, Alternative[]> = {
  received: [
    { cells: [`${A}.newReceived.total`] },
    {
      cells: [`${A}.newReceived.total`, `${A}.carriedOver.total`],
      label: T3(
        '“一、本年新收”与“二、上年结转”两行「总计」之和',
        'the "Total" of rows I and II together',
      ),
    },
  ],
  newReceived: [{ cells: [`${A}.newReceived.total`] }],
  carriedOver: [{ cells: [`${A}.carriedOver.total`] }],
  naturalPerson: [
    { cells: [`${A}.newReceived.naturalPerson`] },
    {
      cells: [`${A}.newReceived.naturalPerson`, `${A}.carriedOver.naturalPerson`],
      label: T3('“一”“二”两行「自然人」之和', 'the "Natural persons" of rows I and II together'),
    },
  ],
  organisations: [
    {
      cells: ORGS.map((c) => `${A}.newReceived.${c}`),
      label: T3(
        '「一、本年新收政府信息公开申请数量」行法人或其他组织五列之和',
        'row I, the five columns of legal persons and other organisations',
      ),
    },
    {
      cells: [
        ...ORGS.map((c) => `${A}.newReceived.${c}`),
        ...ORGS.map((c) => `${A}.carriedOver.${c}`),
      ],
      label: T3(
        '“一”“二”两行法人或其他组织五列之和',
        'rows I and II, the five organisation columns',
      ),
    },
  ],
  handled: [{ cells: [`${R}.total.total`] }],
  carriedForward: [{ cells: [`${A}.carriedForward.total`] }],
  granted: [{ cells: [`${R}.granted.total`] }],
  partiallyGranted: [{ cells: [`${R}.partiallyGranted.total`] }],
  denied: [
    {
      cells: rowCells(DENIED, 'total'),
      label: T3(
        '「（三）不予公开」各行「总计」之和',
        'the "Total" of the rows under "(3) Not disclosed"',
      ),
    },
  ],
  unavailable: [
    {
      cells: rowCells(UNAVAILABLE, 'total'),
      label: T3(
        '「（四）无法提供」各行「总计」之和',
        'the "Total" of the rows under "(4) Cannot be provided"',
      ),
    },
  ],
  notProcessed: [
    {
      cells: rowCells(NOT_PROCESSED, 'total'),
      label: T3(
        '「（五）不予处理」各行「总计」之和',
        'the "Total" of the rows under "(5) Not processed"',
      ),
    },
  ],
  review: [{ cells: ['appeals.review.total'] }],
  litigation: [
    {
      cells: ['appeals.litigationDirect.total', 'appeals.litigationAfterReview.total'],
      label: {
        zh: '表四两类行政诉讼「总计」之和',
        en: 'table 4, the "Total" of both kinds of lawsuit',
      },
    },
  ],
  appealsAll: [
    {
      cells: [
        'appeals.review.total',
        'appeals.litigationDirect.total',
        'appeals.litigationAfterReview.total',
      ],
      label: {
        zh: '表四行政复议与两类行政诉讼「总计」之和',
        en: 'table 4, the "Total" of reviews and both kinds of lawsuit',
      },
    },
  ],
};

/** Leads about other procedures (licensing, petitions, hotlines, proposals) are not about disclosure applications. */
const OTHER_PROCEDURES =
  /行政许可|许可事项|审批|政务服务|热线|12345|提案|建议|信访件|来信|来访|咨询/;

/** Classifies the words before a number; the most specific cue wins. */
function classify(lead: string, sentence: string): Topic | undefined {
  const review = /复议/.test(lead);
  const suit = /诉讼|起诉/.test(lead);
  if (review && suit) return 'appealsAll';
  if (review) return 'review';
  if (suit) return 'litigation';
  // The result categories of table 三 are named by their own words.
  if (/部分公开/.test(lead)) return 'partiallyGranted';
  if (/不予公开/.test(lead)) return 'denied';
  if (/予以公开|同意公开|全部公开/.test(lead)) return 'granted';
  if (/无法提供|不掌握|信息不存在/.test(lead)) return 'unavailable';
  if (/不予处理/.test(lead)) return 'notProcessed';
  // The rest are about applications only when the sentence says so.
  if (!/申请/.test(sentence)) return undefined;
  if (/自然人/.test(lead)) return 'naturalPerson';
  if (/法人|其他组织/.test(lead)) return 'organisations';
  if (/结转(?:至|到)?下一?年|转入下一?年|结转下年|继续办理/.test(lead)) return 'carriedForward';
  if (/上一?年度?结转|上一?年度?转结|上年遗留/.test(lead)) return 'carriedOver';
  if (OTHER_PROCEDURES.test(lead)) return undefined;
  if (/新收|新增/.test(lead) && /申请/.test(lead)) return 'newReceived';
  if (/收到|受理|接收|接到|收悉|申请总数|申请量/.test(lead)) return 'received';
  if (/办结|办理|答复|处理/.test(lead)) return 'handled';
  if (/申请/.test(lead)) return 'unknown';
  return undefined;
}

const NUMBER = /(?<![\d.])(\d+)(件|起|宗)/g;
const ANY_NUMBER = /\d+(?:\.\d+)?/g;

/** Every statement of a count about applications, results, reviews or lawsuits in the text. */
export function statementsIn(text: string): Statement[] {
  const out: Statement[] = [];
  // Join digits split from their words ("申请 749 件") and drop layout spaces.
  const flat = text.normalize('NFKC').replace(/[ \t\u3000\u00a0]+/g, '');
  for (const sentence of flat.split(/[。！？!?\n]/)) {
    const numberEnds = [...sentence.matchAll(ANY_NUMBER)].map((m) => m.index! + m[0].length);
    for (const m of sentence.matchAll(NUMBER)) {
      const start = m.index!;
      const from = Math.max(0, ...numberEnds.filter((end) => end <= start));
      const lead = sentence.slice(from, start);
      const topic = classify(lead, sentence);
      if (!topic) continue;
      const quote = sentence
        .slice(from, start + m[0].length)
        .replace(/^[\d.件起宗次条个，,；;：:、]+/, '');
      out.push({ topic, value: Number(m[1]), quote: [...quote].slice(-80).join('') });
    }
  }
  return out;
}
