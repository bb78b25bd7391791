/**
 * Session records: a nurse opens one per booked appointment of a cleared patient (with the patient's dose plan);
 * the chart then follows the session: check-in (identity, escort, fasting, medication changes, PHQ-9), pre-dose
 * vitals (a clinician confirms a blood pressure above the pre-dose limit before dosing), the dose, monitoring with
 * alerts, side effects, CADSS-6, adverse events, the discharge checklist and the signatures of nurse and
 * clinician. A signed record is final (also in the database); corrections are addenda. The record makes its own
 * events: session started, vitals breach, adverse event reported, session completed.
 */
package clinic.session.records;
