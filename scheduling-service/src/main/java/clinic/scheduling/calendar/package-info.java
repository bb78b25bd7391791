/**
 * A site's calendar as slot finding, booking checks and the day and week views read it: its chairs (with room and
 * attributes), its opening hours (the site's own, or the clinic-wide settings), closure days, the nurses on shift
 * (weekly rotas expanded to dated shifts, absences taken out, extra shifts added) and the appointments that hold
 * time. Also the per-site lock under which nurse capacity is checked at booking time.
 */
package clinic.scheduling.calendar;
