/**
 * Patients: session's own projection of intake's patient-registered and patient-updated events, just the name and
 * MRN a nurse checks against the wristband. The newest aggregate version wins.
 */
package clinic.session.patients;
