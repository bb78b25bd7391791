import { api } from './api';
import { clinicZone } from './dates';

/** A site as scheduling lists it, with the zone it keeps time in. */
export interface Site {
  id: string;
  name: string;
  timeZone: string;
  timeZoneSource?: string;
}

/** The clinic's clock: its zone (for times that belong to no site) and today on it, from the services. */
export interface ClinicClock {
  sites: Site[];
  zone: string;
  today: string | null;
}

/**
 * Reads the sites, takes the clinic's zone from them and today from scheduling's calendar of the clinic's site
 * (its first day is today on that site's clock, the clinic's clock, not the browser's).
 */
export async function loadClinicClock(): Promise<ClinicClock> {
  const sites = await api<Site[]>('GET', '/api/scheduling/sites');
  const zone = clinicZone(sites);
  const site = sites.find((s) => s.timeZone === zone) ?? sites[0];
  if (!site) {
    return { sites, zone, today: null };
  }
  const day = await api<{ from: string }>('GET', '/api/scheduling/calendar?siteId=' + encodeURIComponent(site.id));
  return { sites, zone, today: day.from };
}
