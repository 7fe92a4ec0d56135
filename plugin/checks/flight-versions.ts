/**
 * react-server-dom-webpack versions with every Flight security fix we know of. The request body goes
 * into React's reply decoder, so an older one is exposed whatever this package checks:
 * - CVE-2025-55182 (remote code execution), CVE-2025-55183 (source exposure), CVE-2025-55184 and
 *   CVE-2025-67779 (denial of service): fixed in 19.0.3, 19.1.4, 19.2.3;
 * - CVE-2026-23864 (denial of service; adds the `arraySizeLimit` the request helper passes): 19.0.4,
 *   19.1.5, 19.2.4;
 * - CVE-2026-44907 (denial of service; among the changes, decodeAction decodes only the `$ACTION_`
 *   field it uses rather than every one): 19.0.8, 19.1.9, 19.2.8.
 * Keep in step with `peerDependencies` in package.json and SECURITY.md.
 */
export const PATCHED_FLIGHT_RANGE = '~19.0.8 || ~19.1.9 || >=19.2.8 <20';

/** The first patched release of each 19.x line. Later minors are patched from their first release. */
const FIRST_PATCHED: Record<number, number> = { 0: 8, 1: 9, 2: 8 };

/** Whether `version` has the fixes; prereleases (canaries) are not judged. */
export function hasFlightSecurityFixes(version: string): boolean {
  const match = /^(\d+)\.(\d+)\.(\d+)(-.*)?$/.exec(version);
  if (!match || match[4] !== undefined) return true;
  const [major, minor, patch] = match.slice(1, 4).map(Number);
  if (major !== 19) return major > 19;
  return patch >= (FIRST_PATCHED[minor] ?? 0);
}
