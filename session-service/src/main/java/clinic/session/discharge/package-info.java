/**
 * Discharge: the nurse's checklist, the criteria that must all hold before sign-off (checklist, dose given, infusion
 * ended, alerts answered, a reading after the dose, the least observation time per route from
 * {@link clinic.session.discharge.DischargeSettings}).
 */
package clinic.session.discharge;
