/**
 * Finding the numbers a report's text states about applications, results,
 * reviews and lawsuits ("共收到政府信息公开申请749件，其中自然人申请741件"),
 * and the table cells each one denotes.
 */

import { memoByString } from '../../text/memo.ts';
import { simplifiedText } from '../../text/script.ts';

export type Topic =
  | 'received'
  | 'newReceived'
  | 'carriedOver'
  | 'naturalPerson'
  | 'organisations'
  | 'commercial'
  | 'research'
  | 'publicInterest'
  | 'legalService'
  | 'handled'
  | 'carriedForward'
  | 'granted'
  | 'partiallyGranted'
  | 'grantedOrPartial'
  | 'denied'
  | 'unavailable'
  | 'notProcessed'
  | 'otherHandling'
  | 'review'
  | 'litigation'
  | 'appealsAll'
  | 'unknown';

export interface Statement {
  topic: Topic;
  value: number;
  /** The clause as written, ending with the number and its unit (never empty). */
  quote: string;
  /**
   * True when the clause that holds the number names its quantity itself
   * ("其中自然人申请741件"); false when the topic came from words further back
   * in the sentence, which may be about something else.
   */
  certain: boolean;
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

/** One applicant column: row 一, or rows 一 + 二. */
function column(key: string, zh: string, en: string): Alternative[] {
  return [
    { cells: [`${A}.newReceived.${key}`] },
    {
      cells: [`${A}.newReceived.${key}`, `${A}.carriedOver.${key}`],
      label: T3(`“一”“二”两行「${zh}」之和`, `the "${en}" of rows I and II together`),
    },
  ];
}

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
  commercial: column('commercial', '商业企业', 'Businesses'),
  research: column('research', '科研机构', 'Research institutions'),
  publicInterest: column('publicInterest', '社会公益组织', 'Public-interest organisations'),
  legalService: column('legalService', '法律服务机构', 'Legal-service institutions'),
  handled: [{ cells: [`${R}.total.total`] }],
  carriedForward: [{ cells: [`${A}.carriedForward.total`] }],
  granted: [{ cells: [`${R}.granted.total`] }],
  partiallyGranted: [{ cells: [`${R}.partiallyGranted.total`] }],
  grantedOrPartial: [
    {
      cells: [`${R}.granted.total`, `${R}.partiallyGranted.total`],
      label: T3(
        '「（一）予以公开」与「（二）部分公开」两行「总计」之和',
        'the "Total" of rows (1) and (2) together',
      ),
    },
  ],
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
    // "因本机关不掌握等原因无法提供265件" may count the first row only.
    { cells: [`${R}.unavailable.notHeld.total`] },
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
  // (六) is one row in the 2019 format and three in the 2021 format; a missing row counts as absent.
  otherHandling: [
    { cells: [`${R}.other.total`] },
    {
      cells: ['overdueCorrection', 'unpaidFee', 'other'].map((k) => `${R}.other.${k}.total`),
      label: T3(
        '「（六）其他处理」各行「总计」之和',
        'the "Total" of the rows under "(6) Other handling"',
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

/** Classifies the words before a number (or, failing that, right after it); the most specific cue wins. */
function classify(lead: string, aboutApplications: boolean): Topic | undefined {
  const review = /复议/.test(lead);
  const suit = /诉讼|起诉/.test(lead);
  if (review && suit) return 'appealsAll';
  if (review) return 'review';
  if (suit) return 'litigation';
  // The result categories of table 三 are named by their own words.
  if (/予以公开/.test(lead) && /部分公开/.test(lead)) return 'grantedOrPartial';
  if (/部分公开/.test(lead)) return 'partiallyGranted';
  if (/不予公开/.test(lead)) return 'denied';
  if (/予以公开|同意公开|全部公开/.test(lead)) return 'granted';
  if (/无法提供|不掌握|信息不存在/.test(lead)) return 'unavailable';
  if (/不予处理/.test(lead)) return 'notProcessed';
  if (/其他处理/.test(lead)) return 'otherHandling';
  // The rest are about applications only when the sentence says so.
  if (!aboutApplications) return undefined;
  if (/自然人/.test(lead)) return 'naturalPerson';
  if (/法人|其他组织/.test(lead)) return 'organisations';
  if (/商业企业|企业/.test(lead)) return 'commercial';
  if (/科研机构/.test(lead)) return 'research';
  if (/社会公益组织|公益组织/.test(lead)) return 'publicInterest';
  if (/法律服务机构|律师事务所/.test(lead)) return 'legalService';
  if (/结转(?:至|到)?下一?年|转入下一?年|结转下年|继续办理|顺延(?:至|到)?下一?年/.test(lead)) {
    return 'carriedForward';
  }
  if (/上一?年度?结转|上一?年度?转结|上年遗留|结转上一?年度?/.test(lead)) return 'carriedOver';
  if (OTHER_PROCEDURES.test(lead)) return undefined;
  if (/新收|新增/.test(lead) && /申请/.test(lead)) return 'newReceived';
  if (/收到|受理|接收|接到|收悉|申请总数|申请量/.test(lead)) return 'received';
  if (/办结|办理|答复|处理/.test(lead)) return 'handled';
  return undefined;
}

/**
 * More statements than this in one section is not a report's prose (a pasted
 * table, or hostile input): the rule checks this many and says so.
 */
export const MAX_STATEMENTS = 200;

const NUMBER = /(?<![\d.])(\d+)(件|起|宗)/g;
const ANY_NUMBER = /\d+(?:\.\d+)?/g;

/** Every statement of a count about applications, results, reviews or lawsuits in the text. */
export const statementsIn = memoByString(findStatements, 64);

/** Clause separators: a count belongs to the words of its own clause. */
const CLAUSE = /[，,；;：:]/g;

function findStatements(text: string): Statement[] {
  const out: Statement[] = [];
  // Join digits split from their words ("申请 749 件") and drop layout spaces.
  const flat = simplifiedText(text)
    .normalize('NFKC')
    .replace(/[ \t\u3000\u00a0]+/g, '');
  for (const sentence of flat.split(/[。！？!?\n]/)) {
    const aboutApplications = /申请/.test(sentence);
    const numberEnds = [...sentence.matchAll(ANY_NUMBER)].map((m) => m.index! + m[0].length);
    const clauseEnds = [...sentence.matchAll(CLAUSE)].map((m) => m.index! + 1);
    const phraseEnds = [...sentence.matchAll(/[；;]/g)].map((m) => m.index! + 1);
    let next = 0; // numberEnds[next - 1] is the last number ending before the current one
    let clause = 0; // clauseEnds[clause - 1] is the last separator before the current number
    let phrase = 0;
    for (const m of sentence.matchAll(NUMBER)) {
      if (out.length > MAX_STATEMENTS) return out;
      const start = m.index!;
      const end = start + m[0].length;
      while (next < numberEnds.length && numberEnds[next]! <= start) next++;
      while (clause < clauseEnds.length && clauseEnds[clause]! <= start) clause++;
      while (phrase < phraseEnds.length && phraseEnds[phrase]! <= start) phrase++;
      const afterNumber = next > 0 ? numberEnds[next - 1]! : 0;
      const clauseStart = Math.max(afterNumber, clause > 0 ? clauseEnds[clause - 1]! : 0);
      // A wider look stays inside the phrase (up to the last ；): "…不予公开…；结转上年度申请1件"
      // must not lend 不予公开 to the carried-over count.
      const phraseStart = Math.max(afterNumber, phrase > 0 ? phraseEnds[phrase - 1]! : 0);
      const near = sentence.slice(clauseStart, start);
      const wide = sentence.slice(Math.max(phraseStart, start - 120), start);
      // "另有72件申请……顺延到下年度答复": the words may follow the number.
      const trail = sentence.slice(end, end + 40).split(/[，,；;：:（(]/)[0] ?? '';
      const byNear = classify(near, aboutApplications);
      const byTrail = byNear ? undefined : classify(trail, aboutApplications);
      const byWide = byNear || byTrail ? undefined : classify(wide, aboutApplications);
      let topic = byNear ?? byTrail ?? byWide;
      // A count in a sentence about applications that names no cell is still reported.
      if (!topic && aboutApplications && !OTHER_PROCEDURES.test(wide + trail)) topic = 'unknown';
      if (!topic) continue;
      const from = byWide ? Math.max(phraseStart, start - 120) : clauseStart;
      const raw = sentence.slice(from, end + (byTrail ? trail.length : 0));
      const cleaned = raw.replace(/^[\d.%年月日件起宗次条个，,；;：:、）)（(]+/, '');
      // Never an empty quote: at least the count itself, with what follows it.
      const quote = cleaned.length > m[0].length ? cleaned : `${m[0]}${trail}`;
      out.push({
        topic,
        value: Number(m[1]),
        quote: [...quote].slice(-80).join(''),
        certain: byWide === undefined,
      });
    }
  }
  return out;
}
