// The hosts of the API: the global one and one per region, and what counts as one of aulm's own hosts
// (only those are followed on `421 wrong_region`; a custom `baseURL` never is).
import type { Region } from '../contract/index.js';

/** Where the client sends requests: `'auto'` (the global host, which serves every account) or a region. */
export type RegionOption = 'auto' | Region;

/** The base URL of each region option. */
export const REGION_HOSTS: Readonly<Record<RegionOption, string>> = {
  auto: 'https://api.aulm.io',
  eu: 'https://eu.api.aulm.io',
  us: 'https://us.api.aulm.io',
  ap: 'https://ap.api.aulm.io',
};

/** Returns whether `value` names a region option. */
export function isRegionOption(value: unknown): value is RegionOption {
  return typeof value === 'string' && Object.hasOwn(REGION_HOSTS, value);
}

/** Returns whether `baseURL` is one of aulm's own hosts, global or regional. */
export function isAulmHost(baseURL: string): boolean {
  return Object.values(REGION_HOSTS).includes(baseURL);
}

/** Returns the base URL of the region an `aulm-home-region` header names, or null if it names none. */
export function homeRegionHost(header: string | null): string | null {
  const region = header?.trim().toLowerCase();
  return region && region !== 'auto' && isRegionOption(region) ? REGION_HOSTS[region] : null;
}
