/**
 * Courses: a cleared patient gets an induction course of the clinic's planned number of infusions. It is TO_PLAN
 * until its first infusion is booked, ACTIVE while infusions are given, COMPLETED when every planned infusion was
 * given. Pausing (a serious adverse event) and maintenance boosters come with the full scheduling feature.
 */
package clinic.scheduling.courses;
