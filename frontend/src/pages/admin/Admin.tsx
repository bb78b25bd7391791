import { useCallback, useEffect, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { clinicZone } from '../../lib/dates';
import type { Me } from '../../lib/me';
import { zoneLabel } from '../../lib/time';
import { adminApi } from './adminApi';
import { AuditSection } from './AuditSection';
import { ChairsSection } from './ChairsSection';
import { ConsultationsSection } from './ConsultationsSection';
import { DeadLettersSection } from './DeadLettersSection';
import { HoursSection } from './HoursSection';
import { IntegrationClientsSection } from './IntegrationClientsSection';
import { NursesSection } from './NursesSection';
import { SettingsSection } from './SettingsSection';
import { SiteSection } from './SiteSection';
import type { Site } from './types';
import { UtilisationSection } from './UtilisationSection';
import { WebhooksSection } from './WebhooksSection';

/** The admin page's sections, each at its own address (#chairs), in the order an administrator sets up a site. */
export const SECTIONS = [
  { key: 'site', label: 'Site and rooms' },
  { key: 'chairs', label: 'Chairs' },
  { key: 'hours', label: 'Hours and closures' },
  { key: 'nurses', label: 'Nurses' },
  { key: 'consultations', label: 'Consultation slots' },
  { key: 'settings', label: 'Clinic settings' },
  { key: 'utilisation', label: 'Utilisation' },
  { key: 'dead-letters', label: 'Dead letters' },
  { key: 'webhooks', label: 'Webhooks' },
  { key: 'audit', label: 'Audit trail' },
  { key: 'clients', label: 'Integration clients' },
] as const;

export type SectionKey = (typeof SECTIONS)[number]['key'];

export function sectionFrom(hash: string): SectionKey {
  const key = hash.replace(/^#/, '');
  return SECTIONS.find((s) => s.key === key)?.key ?? 'site';
}

/** The sections about no site: their times are on the clinic's clock, whichever site is picked. */
const CLINIC_CLOCK: SectionKey[] = ['dead-letters', 'webhooks', 'audit', 'clients'];

/**
 * The administrator's page: pick a site (or make one), then look after its rooms, chairs, hours, closures, nurses
 * and consultation slots, the clinic's settings, and see how its chairs were used. Every time is on the chosen site's
 * clock, with its zone named; the dead letters and the audit trail belong to no site and are on the clinic's clock
 * ({@link clinicZone}: the zone of the clinic's settings).
 */
export function Admin(props: { me: Me; siteFromUrl: string | null; section: SectionKey }) {
  const [sites, setSites] = useState<Site[] | null>(null);
  const [siteId, setSiteId] = useState<string | null>(props.siteFromUrl);
  const [today, setToday] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [section, setSection] = useState<SectionKey>(props.section);

  useEffect(() => {
    const follow = () => setSection(sectionFrom(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const loadSites = useCallback(async (choose?: string) => {
    try {
      const found = await adminApi.sites();
      setSites(found);
      setSiteId((current) => choose ?? (current && found.some((s) => s.id === current) ? current : found[0]?.id ?? null));
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, []);

  useEffect(() => {
    loadSites();
  }, [loadSites]);

  const site = sites?.find((s) => s.id === siteId) ?? null;

  useEffect(() => {
    setToday(null);
    if (site) {
      adminApi.today(site.id).then(setToday, setError);
    }
  }, [site?.id]);

  useEffect(() => {
    if (siteId) {
      const url = new URL(window.location.href);
      url.searchParams.set('site', siteId);
      window.history.replaceState(null, '', url);
    }
  }, [siteId]);

  return (
    <div class="admin-page">
      <div class="toolbar">
        <label>
          Site{' '}
          <select
            id="admin-site"
            value={siteId ?? ''}
            onChange={(e) => setSiteId((e.currentTarget as HTMLSelectElement).value || null)}
          >
            {(sites ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            {sites && sites.length === 0 && <option value="">No site yet</option>}
          </select>
        </label>
        {sites && CLINIC_CLOCK.includes(section) ? (
          <span id="admin-zone" class="muted">
            Times on the clinic's clock: {zoneLabel(clinicZone(sites))} ({clinicZone(sites)})
          </span>
        ) : (
          site && (
            <span id="admin-zone" class="muted">
              Times in {zoneLabel(site.timeZone)} ({site.timeZone})
            </span>
          )
        )}
      </div>
      <nav class="subnav" aria-label="Admin sections">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.key}>
              <a href={'#' + s.key} id={'admin-tab-' + s.key} aria-current={s.key === section ? 'true' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ProblemView error={error} id="admin-error" />
      {sites && (
        <Section
          section={section}
          site={site}
          clinicZone={clinicZone(sites)}
          today={today}
          onSite={(chosen) => loadSites(chosen)}
        />
      )}
    </div>
  );
}

function Section(props: {
  section: SectionKey;
  site: Site | null;
  /** The zone of times that belong to no site. */
  clinicZone: string;
  today: string | null;
  onSite: (chosen?: string) => void;
}) {
  const { section, site, today } = props;
  if (section === 'settings') {
    return <SettingsSection zone={site?.timeZone ?? 'UTC'} />;
  }
  if (section === 'dead-letters') {
    return <DeadLettersSection zone={props.clinicZone} />;
  }
  if (section === 'webhooks') {
    return <WebhooksSection zone={props.clinicZone} />;
  }
  if (section === 'audit') {
    return <AuditSection zone={props.clinicZone} />;
  }
  if (section === 'clients') {
    return <IntegrationClientsSection zone={props.clinicZone} />;
  }
  if (section === 'site' || !site) {
    return <SiteSection site={site} onSite={props.onSite} />;
  }
  if (!today) {
    return <p class="muted">Loading…</p>;
  }
  switch (section) {
    case 'chairs':
      return <ChairsSection key={site.id} site={site} />;
    case 'hours':
      return <HoursSection key={site.id} site={site} today={today} />;
    case 'nurses':
      return <NursesSection key={site.id} site={site} today={today} />;
    case 'consultations':
      return <ConsultationsSection key={site.id} site={site} today={today} />;
    case 'utilisation':
      return <UtilisationSection key={site.id} site={site} />;
    default:
      return null;
  }
}
