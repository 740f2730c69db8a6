import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { charsetFromContentType } from '@nianbao/extract/door';
import { classifyAddress, isForbiddenAddress } from './address.ts';
import { InputError } from './errors.ts';

export interface FetchLimits {
  /** Whole request, headers and body, in milliseconds. */
  timeoutMs: number;
  /** Body size limit in bytes; the download stops as soon as it is passed. */
  maxBytes: number;
  /** Redirects followed before giving up (loops stop here too). */
  maxRedirects: number;
  /** Connect to loopback, private, link-local and metadata addresses too (--allow-private). */
  allowPrivate?: boolean;
  /** Language of the PRIVATE_ADDRESS message (zh-CN by default). */
  locale?: 'zh-CN' | 'en';
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  timeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
};

export interface Fetched {
  url: string;
  bytes: Uint8Array;
  contentType: string;
  charset?: string;
}

/** The refusal of a loopback/private/link-local/metadata address: says so in Chinese and names the flag. */
export function privateAddressError(address: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return new InputError(
    'PRIVATE_ADDRESS',
    locale === 'en'
      ? `refused to connect to the private or local address ${address} (to check a page on this machine or an intranet on purpose, add --allow-private)`
      : `拒绝访问内网或本机地址 ${address}（如确需检查本机或内网页面，请加 --allow-private）`,
  );
}

/**
 * Test hook: `NIANBAO_TEST_RESOLVE="report.example=127.0.0.1,…"` answers DNS for the
 * names listed, standing in for a public server in tests that cannot reach one (a
 * redirect from a "public" host to 127.0.0.1 must still be refused). Only names
 * under the reserved test domains (.example, .test, .invalid, example.gov.cn) are
 * taken, so it can never change how a real host is treated; every other host, every
 * IP literal and every redirect target is classified as usual.
 */
function testResolutions(): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of (process.env.NIANBAO_TEST_RESOLVE ?? '').split(',')) {
    const [name, address] = entry.split('=').map((s) => s.trim().toLowerCase());
    if (!name || !address || classifyAddress(address) === undefined) continue;
    if (!/(\.example|\.test|\.invalid|(^|\.)example\.gov\.cn)$/.test(name)) continue;
    out.set(name, address);
  }
  return out;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * The DNS lookup every connection goes through: the addresses a name resolves to are
 * classified before the socket connects to one of them, so a name that resolves (or
 * re-resolves, DNS rebinding) to a private address is refused whatever the URL said.
 */
function guardedLookup(limits: FetchLimits) {
  return (
    hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: LookupCallback,
  ) => {
    const answer = (addresses: LookupAddress[]) => {
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    };
    const hooked = testResolutions().get(hostname.toLowerCase());
    if (hooked) {
      answer([{ address: hooked, family: hooked.includes(':') ? 6 : 4 }]);
      return;
    }
    dnsLookup(hostname, { ...options, all: true } as never, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as unknown as LookupAddress[];
      if (list.length === 0)
        return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), []);
      const refused = list.find((a) => isForbiddenAddress(a.address));
      if (refused && !limits.allowPrivate)
        return callback(privateAddressError(`${hostname} (${refused.address})`, limits.locale), []);
      answer(list);
    });
  };
}

const HEADERS = {
  // An honest name; no address of ours to advertise.
  'user-agent': 'nianbao-cli',
  accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.8',
  'accept-language': 'zh-CN,zh;q=0.9',
  'accept-encoding': 'gzip, deflate, br',
};

interface Response {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: http.IncomingMessage;
}

/** One GET, connecting only where the lookup (or the literal address, checked here) allows. */
function get(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<Response> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = classifyAddress(host);
  if (literal !== undefined && literal !== 'public' && !limits.allowPrivate)
    return Promise.reject(privateAddressError(host, limits.locale));
  const hooked = testResolutions().has(host.toLowerCase());
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'GET',
      headers: HEADERS,
      lookup: guardedLookup(limits) as never,
      signal,
      agent: false,
    });
    // The address actually connected to, checked once more (whatever resolved it).
    request.on('socket', (socket: Socket) => {
      socket.once('connect', () => {
        const remote = socket.remoteAddress ?? '';
        if (!hooked && !limits.allowPrivate && isForbiddenAddress(remote))
          request.destroy(privateAddressError(remote, limits.locale));
      });
    });
    request.on('response', (res) =>
      resolve({
        status: res.statusCode ?? 0,
        statusText: res.statusMessage ?? '',
        headers: res.headers,
        body: res,
      }),
    );
    request.on('error', reject);
    request.end();
  });
}

/**
 * GETs a URL with a timeout, a byte limit enforced while streaming (after decompression
 * too), and redirects followed by hand (so that loops and long chains end with a clear
 * error, and every hop's address is checked). Failures are `InputError`s with codes
 * HTTP_<status>, TIMEOUT, TOO_LARGE, REDIRECT_LOOP, TOO_MANY_REDIRECTS, BAD_URL,
 * PRIVATE_ADDRESS or NETWORK.
 */
export async function fetchDocument(
  url: string,
  limits: FetchLimits = DEFAULT_FETCH_LIMITS,
): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const seen = new Set<string>();
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      let parsed: URL;
      try {
        parsed = new URL(current);
      } catch {
        throw new InputError('BAD_URL', `invalid URL: ${current}`);
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new InputError('BAD_URL', `only http(s) URLs can be fetched: ${current}`);
      }
      if (seen.has(parsed.href)) {
        throw new InputError('REDIRECT_LOOP', `redirect loop at ${parsed.href}`);
      }
      seen.add(parsed.href);
      const response = await get(parsed, limits, controller.signal);
      const location = response.headers.location;
      if (response.status >= 300 && response.status < 400 && location) {
        response.body.destroy();
        if (hop >= limits.maxRedirects) {
          throw new InputError(
            'TOO_MANY_REDIRECTS',
            `more than ${limits.maxRedirects} redirects from ${url}`,
          );
        }
        current = new URL(location, parsed).href;
        continue;
      }
      if (response.status < 200 || response.status >= 300) {
        response.body.destroy();
        throw new InputError(
          `HTTP_${response.status}`,
          `HTTP ${response.status} ${response.statusText} for ${parsed.href}`,
        );
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        response.body.destroy();
        throw new InputError(
          'TOO_LARGE',
          `response of ${declared} bytes exceeds the limit of ${limits.maxBytes}`,
        );
      }
      const bytes = await readLimited(response, limits.maxBytes);
      const contentType = response.headers['content-type'] ?? '';
      return { url: parsed.href, bytes, contentType, charset: charsetFromContentType(contentType) };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (controller.signal.aborted) {
      throw new InputError(
        'TIMEOUT',
        `no complete response within ${limits.timeoutMs} ms from ${url}`,
      );
    }
    const e = error as NodeJS.ErrnoException;
    throw new InputError('NETWORK', `${e.code ?? e.message} fetching ${url}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The body, decompressed as labelled, stopped as soon as it passes `maxBytes`. */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const encoding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  let stream: Readable = response.body;
  if (encoding === 'gzip' || encoding === 'x-gzip')
    stream = response.body.pipe(zlib.createGunzip());
  else if (encoding === 'deflate') stream = response.body.pipe(zlib.createInflate());
  else if (encoding === 'br') stream = response.body.pipe(zlib.createBrotliDecompress());
  if (stream !== response.body) response.body.on('error', (e) => stream.destroy(e));
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).byteLength;
      if (size > maxBytes)
        throw new InputError('TOO_LARGE', `response exceeds the limit of ${maxBytes} bytes`);
      chunks.push(chunk as Buffer);
    }
  } finally {
    response.body.destroy();
    if (stream !== response.body) stream.destroy();
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}
