/**
 * Which IP addresses a URL fetch must not connect to (server-side request forgery):
 * loopback, private, link-local, carrier-grade NAT, unspecified, cloud metadata,
 * multicast and reserved ranges, in every notation an address can be written in —
 * `::1`, `::ffff:127.0.0.1`, `[::ffff:7f00:1]`, `2130706433`, `0x7f.1`,
 * `017700000001`, `127.1` (the inet_aton forms), IPv4 inside IPv6 (mapped,
 * compatible, NAT64, 6to4). The fetcher classifies the address it actually
 * connects to, so DNS answers and redirects are covered by the same function.
 */

export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'unspecified'
  | 'metadata'
  | 'multicast'
  | 'reserved';

/**
 * An IPv4 address in any notation inet_aton accepts (1 to 4 parts, each decimal,
 * octal with a leading 0 or hex with 0x; the last part fills the remaining bytes),
 * as a 32-bit number; undefined when the text is not one.
 */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  // A trailing dot is allowed ("127.0.0.1.") as in URLs.
  if (parts.length > 1 && parts.at(-1) === '') parts.pop();
  if (parts.length === 0 || parts.length > 4) return undefined;
  const values: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : Number.parseInt(part, 16);
    else if (/^0[0-7]+$/.test(part)) value = Number.parseInt(part, 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) value = Number(part);
    else return undefined;
    if (!Number.isSafeInteger(value)) return undefined;
    values.push(value);
  }
  const last = values.pop()!;
  if (values.some((v) => v > 255)) return undefined;
  if (last >= 256 ** (4 - values.length)) return undefined;
  let n = 0;
  for (const v of values) n = n * 256 + v;
  return n * 256 ** (4 - values.length) + last;
}

/** An IPv6 address (brackets, zone and embedded dotted IPv4 allowed) as 16 bytes. */
export function parseIPv6(text: string): Uint8Array | undefined {
  let s = text.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!s.includes(':')) return undefined;
  const words: number[] = [];
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parse = (half: string): number[] | undefined => {
    if (half === '') return [];
    const out: number[] = [];
    const groups = half.split(':');
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      if (i === groups.length - 1 && g.includes('.')) {
        if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(g)) return undefined;
        const v4 = parseIPv4(g.replace(/\b0+(\d)/g, '$1'));
        if (v4 === undefined) return undefined;
        out.push(Math.floor(v4 / 65536), v4 % 65536);
      } else if (/^[0-9a-f]{1,4}$/i.test(g)) out.push(Number.parseInt(g, 16));
      else return undefined;
    }
    return out;
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 2) {
    const fill = 8 - head.length - tail.length;
    if (fill < 1) return undefined;
    words.push(...head, ...new Array<number>(fill).fill(0), ...tail);
  } else {
    if (head.length !== 8) return undefined;
    words.push(...head);
  }
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => {
    bytes[2 * i] = w >> 8;
    bytes[2 * i + 1] = w & 0xff;
  });
  return bytes;
}

const v4 = (a: number, b: number, c: number, d: number) => ((a * 256 + b) * 256 + c) * 256 + d;
const inV4 = (n: number, base: number, bits: number) =>
  Math.floor(n / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits));

/** The kind of an IPv4 address given as a 32-bit number. */
export function classifyIPv4(n: number): AddressKind {
  if (n === v4(169, 254, 169, 254) || n === v4(100, 100, 100, 200)) return 'metadata';
  if (n === 0) return 'unspecified';
  if (inV4(n, v4(0, 0, 0, 0), 8)) return 'unspecified'; // "this network"
  if (inV4(n, v4(127, 0, 0, 0), 8)) return 'loopback';
  if (inV4(n, v4(10, 0, 0, 0), 8)) return 'private';
  if (inV4(n, v4(172, 16, 0, 0), 12)) return 'private';
  if (inV4(n, v4(192, 168, 0, 0), 16)) return 'private';
  if (inV4(n, v4(100, 64, 0, 0), 10)) return 'cgnat';
  if (inV4(n, v4(169, 254, 0, 0), 16)) return 'link-local';
  if (inV4(n, v4(224, 0, 0, 0), 4)) return 'multicast';
  if (inV4(n, v4(240, 0, 0, 0), 4)) return 'reserved'; // and 255.255.255.255
  if (inV4(n, v4(192, 0, 0, 0), 24)) return 'reserved'; // IETF protocol assignments
  if (inV4(n, v4(198, 18, 0, 0), 15)) return 'reserved'; // benchmarking
  return 'public';
}

const embeddedV4 = (b: Uint8Array, at: number) => v4(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);
const zero = (b: Uint8Array, from: number, to: number) =>
  b.subarray(from, to).every((x) => x === 0);

/** The kind of an IPv6 address given as 16 bytes (IPv4 inside it classified as IPv4). */
export function classifyIPv6(b: Uint8Array): AddressKind {
  if (zero(b, 0, 16)) return 'unspecified';
  if (zero(b, 0, 15) && b[15] === 1) return 'loopback';
  // fd00:ec2::254, the AWS metadata service over IPv6.
  if (b[0] === 0xfd && b[1] === 0 && b[2] === 0x0e && b[3] === 0xc2 && zero(b, 4, 14)) {
    if (b[14] === 0x02 && b[15] === 0x54) return 'metadata';
  }
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), ::ffff:0:a.b.c.d (translated).
  if (zero(b, 0, 10) && ((b[10] === 0xff && b[11] === 0xff) || (b[10] === 0 && b[11] === 0)))
    return classifyIPv4(embeddedV4(b, 12));
  if (zero(b, 0, 8) && b[8] === 0xff && b[9] === 0xff && b[10] === 0 && b[11] === 0)
    return classifyIPv4(embeddedV4(b, 12));
  // 64:ff9b::/96 and 64:ff9b:1::/48 (NAT64) carry an IPv4 address in their last 32 bits.
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b)
    return classifyIPv4(embeddedV4(b, 12));
  // 2002::/16 (6to4) carries one in bytes 2–5.
  if (b[0] === 0x20 && b[1] === 0x02) return classifyIPv4(embeddedV4(b, 2));
  if ((b[0]! & 0xfe) === 0xfc) return 'private'; // fc00::/7 unique local
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) return 'link-local'; // fe80::/10
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0xc0) return 'private'; // fec0::/10 site-local (deprecated)
  if (b[0] === 0xff) return 'multicast';
  if (b[0] === 0x01 && zero(b, 1, 8)) return 'reserved'; // 100::/64 discard
  return 'public';
}

/**
 * The kind of an address written in any notation (IPv4 inet_aton forms, IPv6 with or
 * without brackets); undefined when the text is not an IP address (a host name).
 */
export function classifyAddress(text: string): AddressKind | undefined {
  const s = text.trim().toLowerCase();
  const six = parseIPv6(s);
  if (six) return classifyIPv6(six);
  const four = parseIPv4(s);
  if (four !== undefined) return classifyIPv4(four);
  return undefined;
}

/** True when a fetch must not connect to this address (anything but a public address). */
export function isForbiddenAddress(text: string): boolean {
  const kind = classifyAddress(text);
  return kind !== undefined && kind !== 'public';
}
