/**
 * Courses: a cleared patient gets an induction course of the clinic's planned number of infusions. It is TO_PLAN
 * until its first infusion is booked, ACTIVE while infusions are given, COMPLETED when every planned infusion was
 * given (maintenance boosters may follow). A serious adverse event PAUSES the patient's current course (the open one,
 * or else the latest completed one, so no booster follows; its future appointments are held) until a clinician
 * resumes it. A newer DECLINED eligibility decision CANCELS every unfinished course of the patient for good.
 */
package clinic.scheduling.courses;
