/**
 * Errors as `application/problem+json` (RFC 9457). Every problem has a stable `type`
 * URI (`urn:nianbao:problem:<slug>`), a localised `title` and `detail`, the request id,
 * and never a stack trace.
 */
import type { Locale } from '@nianbao/schema';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

type Text = { zh: string; en: string };

/** The catalogue of problems: slug → status, title, default detail (with `{placeholders}`). */
export const PROBLEMS = {
  'malformed-json': {
    status: 400,
    title: { zh: '请求体不是合法的 JSON', en: 'Malformed JSON' },
    detail: {
      zh: '请求体无法按 JSON 解析：{reason}',
      en: 'The request body could not be parsed as JSON: {reason}',
    },
  },
  'bad-request': {
    status: 400,
    title: { zh: '请求有误', en: 'Bad request' },
    detail: { zh: '{reason}', en: '{reason}' },
  },
  'not-found': {
    status: 404,
    title: { zh: '未找到', en: 'Not found' },
    detail: {
      zh: '没有 {method} {path} 这个接口；接口列表见 /docs。',
      en: 'There is no {method} {path}; the endpoints are listed at /docs.',
    },
  },
  'rule-not-found': {
    status: 404,
    title: { zh: '没有这条规则', en: 'No such rule' },
    detail: {
      zh: '规则目录中没有 {id}；全部规则见 GET /api/v1/rules。',
      en: 'The catalogue has no rule {id}; GET /api/v1/rules lists them all.',
    },
  },
  'method-not-allowed': {
    status: 405,
    title: { zh: '不支持该请求方法', en: 'Method not allowed' },
    detail: {
      zh: '{path} 不支持 {method}，支持：{allow}。',
      en: '{path} does not support {method}; it supports {allow}.',
    },
  },
  'payload-too-large': {
    status: 413,
    title: { zh: '请求体过大', en: 'Payload too large' },
    detail: {
      zh: '请求体超过了 {limit} 字节的上限。',
      en: 'The request body exceeds the limit of {limit} bytes.',
    },
  },
  'unsupported-media-type': {
    status: 415,
    title: { zh: '不支持的内容类型', en: 'Unsupported media type' },
    detail: {
      zh: '不支持 Content-Type “{type}”；可用：{accepted}。',
      en: 'Content-Type "{type}" is not supported; use one of: {accepted}.',
    },
  },
  'invalid-report': {
    status: 422,
    title: { zh: '不是合法的年报数据', en: 'Not a report' },
    detail: {
      zh: '请求体不符合年报数据模型（{count} 处问题，见 issues）；模型见 GET /api/v1/schema。',
      en: 'The body does not match the report model ({count} issues, see issues); the model is at GET /api/v1/schema.',
    },
  },
  'invalid-request': {
    status: 422,
    title: { zh: '请求内容不合要求', en: 'Invalid request' },
    detail: {
      zh: '请求内容不合要求（{count} 处问题，见 issues）。',
      en: 'The request does not have the expected shape ({count} issues, see issues).',
    },
  },
  'unreadable-document': {
    status: 422,
    title: { zh: '无法读取该文档', en: 'Unreadable document' },
    detail: {
      zh: '无法读取该文档（{kind}）：{reason}',
      en: 'The document ({kind}) could not be read: {reason}',
    },
  },
  'extraction-timeout': {
    status: 422,
    title: { zh: '文档处理超时', en: 'Document took too long' },
    detail: {
      zh: '读取和校验该文档超过了 {seconds} 秒的上限，已放弃；正常的年报远用不了这么久。',
      en: 'Reading and checking the document took longer than the limit of {seconds} s and was abandoned; a real report takes far less.',
    },
  },
  'document-too-large': {
    status: 422,
    title: { zh: '文档所需内存过大', en: 'Document needs too much memory' },
    detail: {
      zh: '处理该文档所需的内存超过了 {mb} MB 的上限，已放弃；请检查文件是否损坏或异常（例如解压后体积巨大）。',
      en: 'Processing the document needed more than the limit of {mb} MB of memory and was abandoned; check that the file is sound (it may inflate to a huge size).',
    },
  },
  'too-many-documents': {
    status: 422,
    title: { zh: '文档过多', en: 'Too many documents' },
    detail: {
      zh: '一次最多检查 {max} 份文档，本次收到 {count} 份。',
      en: 'A batch holds at most {max} documents; this one has {count}.',
    },
  },
  'too-many-requests': {
    status: 429,
    title: { zh: '请求过于频繁', en: 'Too many requests' },
    detail: {
      zh: '每个客户端每 {window} 秒最多 {max} 个请求，请 {retry} 秒后再试。',
      en: 'Each client may send {max} requests per {window} s; retry in {retry} s.',
    },
  },
  'client-closed': {
    status: 499,
    title: { zh: '客户端已断开连接', en: 'Client closed the connection' },
    detail: {
      zh: '客户端在处理完成前断开了连接，相关文档的处理已取消。',
      en: 'The client closed the connection before the answer was ready; its documents were dropped.',
    },
  },
  'request-header-too-large': {
    status: 431,
    title: { zh: '请求头过大', en: 'Request header fields too large' },
    detail: {
      zh: '请求头超过了服务器的上限，请减少或缩短请求头（例如 Cookie）。',
      en: 'The request headers exceed the server limit; send fewer or shorter headers (cookies, for instance).',
    },
  },
  'malformed-request': {
    status: 400,
    title: { zh: '请求格式有误', en: 'Malformed request' },
    detail: {
      zh: '无法按 HTTP 解析该请求（{reason}）。',
      en: 'The request could not be parsed as HTTP ({reason}).',
    },
  },
  'request-timeout': {
    status: 408,
    title: { zh: '请求超时', en: 'Request timeout' },
    detail: {
      zh: '服务器未能在时限内收到完整的请求。',
      en: 'The server did not receive the complete request in time.',
    },
  },
  'method-not-implemented': {
    status: 501,
    title: { zh: '不支持的请求方法', en: 'Method not implemented' },
    detail: {
      zh: '服务器不认识该请求方法；本接口使用 GET、POST、OPTIONS。',
      en: 'The server does not know the request method; this API uses GET, POST and OPTIONS.',
    },
  },
  internal: {
    status: 500,
    title: { zh: '服务器内部错误', en: 'Internal server error' },
    detail: {
      zh: '服务器处理请求时出错。请求编号 {requestId}，报告问题时请附上。',
      en: 'The server failed to handle the request. Quote request id {requestId} when reporting it.',
    },
  },
  'queue-full': {
    status: 503,
    title: { zh: '排队的文档过多', en: 'Too many documents queued' },
    detail: {
      zh: '该客户端已有 {limit} 份文档在排队或处理中，请 {retry} 秒后再试。',
      en: 'This client already has {limit} documents waiting or in work; retry in {retry} s.',
    },
  },
  'deadline-exceeded': {
    status: 503,
    title: { zh: '请求处理超时', en: 'Request deadline exceeded' },
    detail: {
      zh: '该请求未能在 {seconds} 秒内处理完毕（服务器繁忙或文档过于复杂），已放弃；请稍后重试，或把批量请求拆小。',
      en: 'The request could not be finished within {seconds} s (the server is busy or the documents too complex) and was abandoned; retry later or send smaller batches.',
    },
  },
} as const satisfies Record<string, { status: number; title: Text; detail: Text }>;

export type ProblemSlug = keyof typeof PROBLEMS;

export const problemType = (slug: ProblemSlug) => `urn:nianbao:problem:${slug}`;

/** One validation issue of a 422, localised, with the JSON path and (for cells) the cell's labels. */
export interface ProblemIssue {
  path: string;
  message: string;
  code?: string;
  /** The official row/column labels of the cell at `path`, when it is a cell. */
  cell?: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  issues?: ProblemIssue[];
  [extension: string]: unknown;
}

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, key: string) =>
    params[key] === undefined ? m : String(params[key]),
  );

/** Builds a problem object in a locale. */
export function problem(
  slug: ProblemSlug,
  locale: Locale,
  params: Record<string, string | number> = {},
  extra: Partial<Problem> = {},
): Problem {
  const def = PROBLEMS[slug];
  const lang = locale === 'en' ? 'en' : 'zh';
  return {
    type: problemType(slug),
    title: def.title[lang],
    status: def.status,
    detail: fill(def.detail[lang], params),
    ...extra,
  };
}

/** Sends a problem as `application/problem+json`, with the request path and id filled in. */
export function sendProblem(
  c: Context,
  slug: ProblemSlug,
  params: Record<string, string | number> = {},
  extra: Partial<Problem> = {},
): Response {
  const locale = (c.get('locale') as Locale | undefined) ?? 'zh-CN';
  const requestId = c.get('requestId') as string | undefined;
  const body = problem(
    slug,
    locale,
    { requestId: requestId ?? '-', ...params },
    {
      instance: c.req.path,
      ...(requestId ? { requestId } : {}),
      ...extra,
    },
  );
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Content-Language': locale,
  });
}
