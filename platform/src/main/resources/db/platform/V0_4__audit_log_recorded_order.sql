-- FHIR AuditEvent searches (clinic.platform.fhir.AuditEventResources) page a service's trail in the order the gateway
-- merges the three services' pages in: recorded to the millisecond, then the id as text (AuditLog.Order.RECORDED).
-- This index holds that order, so a search over the whole trail reads its first rows instead of sorting them all.
-- (at AT TIME ZONE 'UTC' makes the expression immutable, as an index needs; the order is the same.)

CREATE INDEX audit_log_recorded_order_idx
  ON audit_log (date_trunc('milliseconds', at AT TIME ZONE 'UTC'), (id::text) COLLATE "C");
