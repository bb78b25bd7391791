/**
 * Consultation first: a referred patient's consultation is booked into one of a clinician's consultation slots, then
 * cancelled with a reason, moved to another slot, or marked arrived or no-show, each change kept in its history and
 * published for intake, which follows the referral. The database has the last word on what must never happen twice: a
 * slot holds one consultation, a patient has one booked consultation at a time and is in one place at a time, also
 * across infusions and consultations. Every event carries the patient's consultation version, scheduling's count of
 * the changes to the patient's consultations, so a consumer keeps the newest and drops the late.
 */
package clinic.scheduling.consultations;
