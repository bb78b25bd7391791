/**
 * Courses: a cleared patient gets an induction course of the clinic's planned number of infusions. It is TO_PLAN
 * until its first infusion is booked, ACTIVE while infusions are given, COMPLETED when every planned infusion was
 * given (maintenance boosters may follow). A serious adverse event PAUSES the patient's current course (the open one,
 * or a completed one while it has boosters ahead; its future appointments are held) until a clinician resumes it. A
 * newer DECLINED eligibility decision CANCELS every unfinished course of the patient for good.
 */
package clinic.scheduling.courses;
