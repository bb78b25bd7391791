/**
 * Intake screening: questionnaires scored exactly as published, vitals and weight, and the rules' proposal
 * that a clinician then decides on. Instrument definitions (items, ranges, bands) live in their own classes.
 */
package clinic.intake.screening;
