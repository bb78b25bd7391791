/**
 * Dosing: the dose maths (mg/kg × weight at the chair) and the clinic's limits ({@link clinic.session.dosing.DosingSettings}:
 * 0.1–1.0 mg/kg, the allowed deviation from the planned dose, the pre-dose blood pressure limit 140/90 above which a
 * clinician confirms before dosing).
 */
package clinic.session.dosing;
