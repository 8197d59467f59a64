// Which addresses a followed source may be fetched from. A corpus server that fetches URLs other people
// give it must not become a way into the machine's own network (loopback services, cloud metadata at
// 169.254.169.254, the office LAN), so only public unicast addresses are allowed unless the caller says
// otherwise. Pure: no DNS here (see fetch.ts for where resolved addresses are checked and connected to).
import ipaddr from "ipaddr.js";

/** Why an address is refused ("private", "IPv4-mapped loopback"…), for a message; null when it is public unicast. */
export function refusedAddress(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // parse, not process: an IPv4-mapped IPv6 address is classified below by what it maps to.
    ip = ipaddr.parse(address.replace(/^\[|\]$/g, ""));
  } catch {
    return "not an IP address";
  }
  if (ip.kind() === "ipv6") {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) {
      const inner = refusedAddress(v6.toIPv4Address().toString());
      return inner && `IPv4-mapped ${inner}`;
    }
  }
  const range = ip.range();
  return range === "unicast" ? null : RANGE_WORDS[range] ?? `special-purpose (${range})`;
}

const RANGE_WORDS: Record<string, string> = {
  private: "private",
  loopback: "loopback",
  linkLocal: "link-local",
  uniqueLocal: "unique-local",
  multicast: "multicast",
  unspecified: "unspecified",
  broadcast: "broadcast",
  carrierGradeNat: "carrier-grade NAT",
  reserved: "reserved",
};

/** True for a host written as an IP literal (URL.hostname gives IPv6 in brackets). */
export function isIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(hostname.replace(/^\[|\]$/g, ""));
}

export type AddressRanges = [ipaddr.IPv4 | ipaddr.IPv6, number][];

/** CIDR ranges ("10.1.0.0/16", "127.0.0.1", "fd00::/8") parsed; throws a RangeError naming a bad one. */
export function parseRanges(list: readonly string[]): AddressRanges {
  return list.map((text) => {
    const t = text.trim();
    try {
      if (t.includes("/")) return ipaddr.parseCIDR(t);
      const ip = ipaddr.parse(t);
      return [ip, ip.kind() === "ipv4" ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
    } catch {
      throw new RangeError(`${text} is not an IP address or CIDR range`);
    }
  });
}

/** True when the address lies in one of the ranges (an IPv4-mapped IPv6 address as its IPv4 address). */
export function inRanges(address: string, ranges: AddressRanges): boolean {
  if (!ranges.length) return false;
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.process(address.replace(/^\[|\]$/g, ""));
  } catch {
    return false;
  }
  return ranges.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net as never, bits));
}

/** Why an address may not be connected to, under a policy: null when it may. */
export function addressPolicy(allowPrivate: boolean, allowed: AddressRanges): (address: string) => string | null {
  return (address) => (allowPrivate || inRanges(address, allowed) ? null : refusedAddress(address));
}
