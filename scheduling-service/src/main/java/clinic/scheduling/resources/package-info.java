/**
 * The clinic's resources, maintained by administrators: sites and their rooms, chairs (in a room, with attributes
 * such as recliner or monitor, in or out of service, never deleted), opening hours per ISO weekday (or the
 * clinic-wide settings while a site has none) and closure days, nurses' weekly rota entries, extra shifts and
 * absences (with how many chairs one nurse watches at once), and clinicians' consultation slots. Every change is
 * one transaction that checks the version the administrator read (optimistic locking: a stale version changes
 * nothing) and appends the new version, with who and when, to the append-only resource_revision history.
 * {@link clinic.scheduling.planning.ClinicHours} is how the clinic-wide opening hours are read by slot finding.
 */
package clinic.scheduling.resources;
