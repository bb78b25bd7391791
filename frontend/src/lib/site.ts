/**
 * The site a page shows first. Staff work at one site: the one they last picked on any page (kept in this browser)
 * comes first, so Today, the calendar and consultations open where they work; a site named in the URL wins, and a
 * remembered site that no longer exists gives way to the first one.
 */
const KEY = 'clinic.site';

export function chooseSite(sites: { id: string }[], current: string | null): string | null {
  if (current && sites.some((site) => site.id === current)) {
    return current;
  }
  const remembered = read();
  if (remembered && sites.some((site) => site.id === remembered)) {
    return remembered;
  }
  return sites[0]?.id ?? null;
}

/** Keeps the site the user picked for the next page they open; returns it. */
export function rememberSite(siteId: string): string {
  try {
    window.localStorage.setItem(KEY, siteId);
  } catch {
    // storage refused (private mode, quota): the pages fall back to the first site
  }
  return siteId;
}

function read(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}
