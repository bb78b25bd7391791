import { api } from '../../lib/api';
import type { AuditTrail, Service } from './services';
import type {
  Absence,
  AuditPage,
  Chair,
  Closure,
  ConsultationSlot,
  CreatedClient,
  DayHours,
  DeadLetter,
  DoseRange,
  ExtraShift,
  Hours,
  IntegrationClient,
  Revision,
  Room,
  RotaEntry,
  RuleSettings,
  Site,
  Utilisation,
  CreatedWebhookSubscription,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookSubscription,
} from './types';

const S = '/api/scheduling';
const id = encodeURIComponent;

/** The administrator's calls to scheduling, intake, session and the gateway, typed; each change carries the version it was read at. */
export const adminApi = {
  sites: () => api<Site[]>('GET', `${S}/sites`),
  createSite: (name: string, timeZone: string) =>
    api<Site>('POST', `${S}/sites`, timeZone ? { name, timeZone } : { name }),
  changeSite: (site: Site, name: string, timeZone: string) =>
    api<Site>('PUT', `${S}/sites/${id(site.id)}`, { name, timeZone, version: site.version }),

  /** Today on the site's clock, as the services' clock says (the calendar's default day). */
  today: (siteId: string) =>
    api<{ from: string }>('GET', `${S}/calendar?siteId=${id(siteId)}`).then((calendar) => calendar.from),

  rooms: (siteId: string) => api<Room[]>('GET', `${S}/sites/${id(siteId)}/rooms`),
  createRoom: (siteId: string, name: string) => api<Room>('POST', `${S}/sites/${id(siteId)}/rooms`, { name }),
  renameRoom: (room: Room, name: string) =>
    api<Room>('PUT', `${S}/rooms/${id(room.id)}`, { name, version: room.version }),

  chairs: (siteId: string) => api<Chair[]>('GET', `${S}/chairs?includeInactive=true&siteId=${id(siteId)}`),
  createChair: (roomId: string, name: string, attributes: string[]) =>
    api<Chair>('POST', `${S}/rooms/${id(roomId)}/chairs`, { name, attributes }),
  changeChair: (chair: Chair, name: string, attributes: string[], roomId: string) =>
    api<Chair>('PUT', `${S}/chairs/${id(chair.id)}`, { name, attributes, roomId, version: chair.version }),
  takeOutOfService: (chair: Chair) =>
    api<Chair>('POST', `${S}/chairs/${id(chair.id)}/deactivation`, { version: chair.version }),
  putBackIntoService: (chair: Chair) =>
    api<Chair>('POST', `${S}/chairs/${id(chair.id)}/reactivation`, { version: chair.version }),

  hours: (siteId: string) => api<Hours>('GET', `${S}/sites/${id(siteId)}/hours`),
  replaceHours: (siteId: string, days: DayHours[], version: number) =>
    api<Hours>('PUT', `${S}/sites/${id(siteId)}/hours`, { days, version }),

  closures: (siteId: string, from: string, to: string) =>
    api<Closure[]>('GET', `${S}/sites/${id(siteId)}/closures?from=${from}&to=${to}`),
  addClosure: (siteId: string, date: string, reason: string) =>
    api<Closure>('POST', `${S}/sites/${id(siteId)}/closures`, { date, reason }),
  removeClosure: (closure: Closure) =>
    api<void>('DELETE', `${S}/closures/${id(closure.id)}?version=${closure.version}`),

  rota: (siteId: string) => api<RotaEntry[]>('GET', `${S}/sites/${id(siteId)}/nurse-rota`),
  addRotaEntry: (siteId: string, entry: Omit<RotaEntry, 'id' | 'siteId' | 'version'>) =>
    api<RotaEntry>('POST', `${S}/sites/${id(siteId)}/nurse-rota`, entry),
  endRotaEntry: (entry: RotaEntry, validUntil: string) =>
    api<RotaEntry>('PUT', `${S}/nurse-rota/${id(entry.id)}/valid-until`, { validUntil, version: entry.version }),

  shifts: (siteId: string, from: string, to: string) =>
    api<ExtraShift[]>('GET', `${S}/sites/${id(siteId)}/nurse-shifts?from=${from}&to=${to}`),
  addShift: (siteId: string, shift: { nurse: string; start: string; end: string; chairsWatched: number }) =>
    api<ExtraShift>('POST', `${S}/sites/${id(siteId)}/nurse-shifts`, shift),
  removeShift: (shift: ExtraShift) =>
    api<void>('DELETE', `${S}/nurse-shifts/${id(shift.id)}?version=${shift.version}`),

  absences: (from: string, to: string) => api<Absence[]>('GET', `${S}/nurse-absences?from=${from}&to=${to}`),
  addAbsence: (nurse: string, date: string, reason: string) =>
    api<Absence>('POST', `${S}/nurse-absences`, { nurse, date, reason }),
  removeAbsence: (absence: Absence) =>
    api<void>('DELETE', `${S}/nurse-absences/${id(absence.id)}?version=${absence.version}`),

  slots: (siteId: string, from: string, to: string) =>
    api<ConsultationSlot[]>('GET', `${S}/consultation-slots?siteId=${id(siteId)}&from=${from}&to=${to}`),
  addSlot: (siteId: string, slot: { clinician: string; roomId: string | null; start: string; end: string }) =>
    api<ConsultationSlot>('POST', `${S}/sites/${id(siteId)}/consultation-slots`, slot),
  removeSlot: (slot: ConsultationSlot) =>
    api<void>('DELETE', `${S}/consultation-slots/${id(slot.id)}?version=${slot.version}`),

  /** The versions of a resource: {@code path} is its address under /api/scheduling ("/chairs/…"). */
  revisions: (path: string) => api<Revision[]>('GET', `${S}${path}/revisions`),

  ruleSettings: () => api<RuleSettings[]>('GET', '/api/intake/eligibility-rules/settings'),
  changeRuleSettings: (settings: Record<string, number>, reason: string, basedOnVersion: number) =>
    api<{ settings: RuleSettings }>('PUT', '/api/intake/eligibility-rules/settings', {
      ...settings,
      reason,
      basedOnVersion,
    }),
  doseRange: () => api<DoseRange>('GET', '/api/intake/dose-range'),

  utilisation: (siteId: string, week?: string) =>
    api<Utilisation>('GET', `${S}/reports/utilisation?siteId=${id(siteId)}${week ? '&week=' + id(week) : ''}`),

  /** What a service's consumer parked, newest first as the service lists it. */
  deadLetters: (service: Service) => api<DeadLetter[]>('GET', `/api/${service}/dead-letters`),
  /** Hands a parked event to the service's inbox again: applied at most once. */
  replayDeadLetter: (service: Service, letter: DeadLetter) =>
    api<{ outcome: 'APPLIED' | 'ALREADY_HANDLED' }>('POST', `/api/${service}/dead-letters/${id(letter.id)}/replay`),

  /** The event types a webhook subscription to this service may name. */
  webhookEventTypes: (service: Service) => api<string[]>('GET', `/api/${service}/webhooks/event-types`),
  webhooks: (service: Service) => api<WebhookSubscription[]>('GET', `/api/${service}/webhooks`),
  subscribeWebhook: (service: Service, url: string, eventTypes: string[]) =>
    api<CreatedWebhookSubscription>('POST', `/api/${service}/webhooks`, { url, eventTypes }),
  deactivateWebhook: (service: Service, subscription: WebhookSubscription) =>
    api<null>('DELETE', `/api/${service}/webhooks/${id(subscription.id)}`),
  webhookDeliveries: (service: Service, subscription: WebhookSubscription, status: WebhookDeliveryStatus | '') =>
    api<WebhookDelivery[]>(
      'GET',
      `/api/${service}/webhooks/${id(subscription.id)}/deliveries${status ? '?status=' + id(status) : ''}`,
    ),
  replayWebhookDelivery: (service: Service, delivery: WebhookDelivery) =>
    api<WebhookDelivery>(
      'POST',
      `/api/${service}/webhooks/${id(delivery.subscriptionId)}/deliveries/${id(delivery.id)}/replay`,
    ),
  replayFailedWebhookDeliveries: (service: Service, subscription: WebhookSubscription) =>
    api<{ replayed: number }>('POST', `/api/${service}/webhooks/${id(subscription.id)}/replay-failed`),

  /** One page of an audit trail; {@code query} is the search's query string (patient, user, from, to, page, size). */
  audit: (trail: AuditTrail, query: string) =>
    api<AuditPage>('GET', `${trail === 'gateway' ? '/api/gateway-audit' : `/api/${trail}/audit`}?${query}`),

  /** Other systems' clients in Keycloak (the gateway's), with the SMART scopes the realm offers. */
  integrationClients: () => api<{ clients: IntegrationClient[]; availableScopes: string[] }>('GET', '/api/integration-clients'),
  createIntegrationClient: (client: { name: string; authentication: string; scopes: string[]; jwksUrl?: string }) =>
    api<CreatedClient>('POST', '/api/integration-clients', client),
  revokeIntegrationClient: (clientId: string) => api<void>('DELETE', `/api/integration-clients/${id(clientId)}`),
};

/** What one service answered, or ({@link Failed}) why it did not. */
export interface Answered<S, T> {
  source: S;
  value: T;
}

export interface Failed<S> {
  source: S;
  error: unknown;
}

/**
 * Asks every source at once and waits for all: what each answered, in the sources' order, and which failed with why.
 * One failure never hides the others' answers.
 */
export async function askEach<S, T>(
  sources: readonly S[],
  ask: (source: S) => Promise<T>,
): Promise<{ answered: Answered<S, T>[]; failed: Failed<S>[] }> {
  // an ask that throws before its call is sent fails like one the service refused, not the whole fan-out
  const results = await Promise.allSettled(sources.map(async (source) => ask(source)));
  const answered: Answered<S, T>[] = [];
  const failed: Failed<S>[] = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') {
      answered.push({ source: sources[i], value: result.value });
    } else {
      failed.push({ source: sources[i], error: result.reason });
    }
  });
  return { answered, failed };
}
