/**
 * The patient's path across the services, as the session service must know it before a dose: one rule for "may
 * this infusion be given now" ({@link clinic.session.path.InfusionGate}: the course is active and not paused, the
 * appointment is booked and on its day, it is the earliest outstanding infusion of its course unless a clinician
 * overrode the order, the last dose is long enough ago, the patient's latest decision cleared them with a dose plan),
 * the dosing pauses this service applies at once for its own pausing adverse events, and clinicians' overrides of the
 * course order. Its settings are {@link clinic.session.path.PathSettings}.
 */
package clinic.session.path;
