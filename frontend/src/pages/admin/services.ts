/**
 * The clinic's services as the admin page asks them one by one (their dead letters, their audit trails): one list for
 * both sections; {@link askEach} in adminApi asks them all at once.
 */

/** The services with a consumer that parks events and an audit trail of their own, by the name in their paths. */
export const SERVICES = [
  { key: 'intake', label: 'Intake' },
  { key: 'scheduling', label: 'Scheduling' },
  { key: 'session', label: 'Sessions' },
] as const;

export type Service = (typeof SERVICES)[number]['key'];

/** The audit trails: each service keeps its own, and the gateway one of the calls it refused itself. */
export const AUDIT_TRAILS = [...SERVICES, { key: 'gateway', label: 'Gateway' }] as const;

export type AuditTrail = (typeof AUDIT_TRAILS)[number]['key'];
