/**
 * Courses: a cleared patient gets an induction course of the clinic's planned number of infusions. It is TO_PLAN
 * until its first infusion is booked, ACTIVE while infusions are given, COMPLETED when every planned infusion was
 * given. A serious adverse event PAUSES an open course (its future appointments are held) until a clinician resumes
 * it. Maintenance boosters come with the full scheduling feature.
 */
package clinic.scheduling.courses;
