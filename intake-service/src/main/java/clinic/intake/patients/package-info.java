/**
 * Patients and their referrals: registration by the front desk (or another system), the patient's status on
 * the path to treatment, and the events other services build their projections from.
 */
package clinic.intake.patients;
