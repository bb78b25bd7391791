/**
 * What scheduling knows of intake's patients: a local projection built from intake's events, kept at intake's
 * aggregate version so that an event arriving after a newer one is dropped instead of undoing it.
 */
package clinic.scheduling.patients;
