/** What the admin APIs answer, as scheduling and intake write it. Times "HH:mm[:ss]" are on the site's clock. */

export interface Site {
  id: string;
  name: string;
  timeZone: string;
  /** "site": its own zone; "clinic-settings": the clinic's, because it has none of its own. */
  timeZoneSource: 'site' | 'clinic-settings';
  version: number;
}

export interface Room {
  id: string;
  siteId: string;
  site: string;
  name: string;
  version: number;
}

export interface Chair {
  id: string;
  name: string;
  site: string;
  siteId: string;
  roomId: string;
  room: string;
  attributes: string[];
  active: boolean;
  version: number;
}

export interface DayHours {
  /** ISO weekday, 1 (Monday) to 7 (Sunday). */
  dayOfWeek: number;
  opens: string;
  closes: string;
}

export interface Hours {
  siteId: string;
  source: 'site' | 'clinic-settings';
  timeZone: string;
  days: DayHours[];
  version: number;
}

export interface Closure {
  id: string;
  siteId: string;
  date: string;
  reason: string;
  version: number;
}

export interface RotaEntry {
  id: string;
  siteId: string;
  nurse: string;
  dayOfWeek: number;
  starts: string;
  ends: string;
  chairsWatched: number;
  validFrom: string;
  validUntil: string | null;
  version: number;
}

export interface ExtraShift {
  id: string;
  siteId: string;
  nurse: string;
  start: string;
  end: string;
  chairsWatched: number;
  version: number;
}

export interface Absence {
  id: string;
  nurse: string;
  date: string;
  reason: string;
  version: number;
}

export interface ConsultationSlot {
  id: string;
  siteId: string;
  roomId: string | null;
  clinician: string;
  start: string;
  end: string;
  version: number;
}

/** One version of a resource: created, updated or removed, its state then, who and when. */
export interface Revision {
  resource: string;
  resourceId: string;
  version: number;
  change: 'created' | 'updated' | 'removed';
  snapshot: Record<string, unknown>;
  changedBy: string;
  changedAt: string;
}

/** One version of intake's eligibility thresholds. */
export interface RuleSettings {
  version: number;
  absoluteSystolicAbove: number;
  absoluteDiastolicAbove: number;
  reviewSystolicAbove: number;
  reviewDiastolicAbove: number;
  minimumAgeYears: number;
  abstinenceMonths: number;
  requiredFailedTrials: number;
  changedBy: string;
  changedAt: string;
  reason: string;
}

export interface DoseRange {
  minMgPerKg: number;
  maxMgPerKg: number;
  defaultMgPerKg: number;
}

export interface Figures {
  openChairMinutes: number;
  staffedChairMinutes: number;
  bookedChairMinutes: number;
  noShowChairMinutes: number;
  utilisationPercent: number | null;
  appointments: number;
  noShows: number;
}

export interface UtilisationDay {
  date: string;
  open: boolean;
  opens: string | null;
  closes: string | null;
  closure: string | null;
  figures: Figures;
}

export interface Utilisation {
  siteId: string;
  siteName: string;
  timeZone: string;
  week: string;
  from: string;
  to: string;
  chairsInService: number;
  days: UtilisationDay[];
  total: Figures;
}

/** A record a service's consumer parked in its dead-letter topic, as GET /api/<service>/dead-letters lists it. */
export interface DeadLetter {
  id: string;
  service: string;
  originalTopic: string | null;
  originalPartition: number | null;
  originalOffset: number | null;
  eventId: string | null;
  eventType: string | null;
  /** The patient the event is about (its CloudEvents subject), when it could be read. */
  subject: string | null;
  exception: string | null;
  exceptionMessage: string | null;
  parkedAt: string;
  replays: number;
  lastReplayedAt: string | null;
  lastReplayedBy: string | null;
  /** APPLIED, ALREADY_HANDLED or "FAILED: why". */
  lastReplayOutcome: string | null;
}

/** One row of a service's (or the gateway's) audit trail, as `/api/<service>/audit` answers it. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  clientId: string | null;
  action: string;
  kind: string | null;
  resource: string;
  patientIds: string[];
  outcome: number;
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** One page of a trail, newest first; {@code source} is the name the service gives itself ("intake-service"). */
export interface AuditPage {
  source: string;
  entries: AuditEntry[];
  page: number;
  size: number;
  more: boolean;
}

/** Another system's client in Keycloak, as the gateway lists it. */
export interface IntegrationClient {
  clientId: string;
  name: string;
  authentication: 'client_secret' | 'private_key_jwt';
  scopes: string[];
  jwksUrl: string | null;
  createdBy: string | null;
  createdAt: string | null;
  enabled: boolean;
}

/** A client just made: its secret (a secret client's) is in this answer alone. */
export interface CreatedClient {
  clientId: string;
  secret: string | null;
}

/** A URL subscribed to some of a service's event types, as GET /api/<service>/webhooks lists it (never its secret). */
export interface WebhookSubscription {
  id: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  createdBy: string;
  createdAt: string;
  deactivatedBy: string | null;
  deactivatedAt: string | null;
}

/** The answer to a subscription: the only time its signing secret (whsec_…) is shown. */
export interface CreatedWebhookSubscription extends WebhookSubscription {
  secret: string;
}

export type WebhookDeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

/** One event for one subscription and how sending it went, as GET …/webhooks/{id}/deliveries lists it. */
export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  /** The patient the event is about. */
  subject: string;
  occurredAt: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  replays: number;
  lastReplayedBy: string | null;
  createdAt: string;
}
