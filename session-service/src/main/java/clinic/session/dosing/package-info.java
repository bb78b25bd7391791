/**
 * Dosing: the dose maths (mg/kg × weight at the chair) checked against the range signed with the plan, the IV rate
 * (the infusion runs as long as the clinic's IV infusion does), and the clinic's settings in
 * {@link clinic.session.dosing.DosingSettings}: the allowed deviation from the planned dose, the IV infusion's
 * shortest and longest duration, and the pre-dose blood pressure limit 140/90 above which a clinician confirms
 * before dosing.
 */
package clinic.session.dosing;
