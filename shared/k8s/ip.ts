/**
 * IP address syntax as apimachinery's IsValidIP reads it (netutils.ParseIPSloppy): dotted IPv4, where leading
 * zeros are accepted (the strict check is behind StrictIPCIDRValidation), and IPv6 in any RFC 4291 text form,
 * with an optional embedded IPv4 tail. Zones (`fe80::1%eth0`) are not IP addresses there.
 */

function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isHexGroups(text: string): number | undefined {
  if (text === '') return 0;
  const groups = text.split(':');
  return groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g)) ? groups.length : undefined;
}

function isIPv6(text: string): boolean {
  let body = text;
  let extra = 0;
  const lastColon = body.lastIndexOf(':');
  if (lastColon >= 0 && body.slice(lastColon + 1).includes('.')) {
    if (!isIPv4(body.slice(lastColon + 1))) return false;
    // The embedded IPv4 address fills two 16-bit groups; keep the colon that separates it.
    body = `${body.slice(0, lastColon + 1)}0`;
    extra = 1;
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  if (halves.length === 1) return isHexGroups(body) === 8 - extra;
  const head = isHexGroups(halves[0] as string);
  const tail = isHexGroups(halves[1] as string);
  return head !== undefined && tail !== undefined && head + tail + extra <= 7;
}

/** True when `text` is an IPv4 or IPv6 address as the API server accepts it. */
export function isIP(text: string): boolean {
  return text.includes(':') ? isIPv6(text) : isIPv4(text);
}
