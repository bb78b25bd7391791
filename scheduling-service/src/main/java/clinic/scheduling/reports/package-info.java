/**
 * Reports for the clinic's administrator, computed from the same site calendar slot finding and booking read (chairs,
 * opening hours, closures, nurse shifts, appointments), so a report never disagrees with what could be booked. The
 * utilisation of a site's week: chair-hours open, staffed and booked per day on the site's own clock, and no-shows.
 */
package clinic.scheduling.reports;
