/**
 * Dose plans: session's own projection of intake's signed eligibility decisions. A CLEARED decision carries the
 * route and mg/kg a clinician set; a later DECLINED decision withdraws the plan. Without a plan no record opens.
 * The newest aggregate version (intake's patient version) wins; older events are dropped.
 */
package clinic.session.doseplans;
