package clinic.session.dosing;

import java.math.BigDecimal;

/**
 * The clinic's dosing settings as the chart's dose calculator needs them (the mg/kg range travels with the plan):
 * how far the dose may be from the planned one, how long an IV dose runs at the rate set (the rates that fit follow
 * from the dose), and the pre-dose blood pressure above which a clinician confirms.
 */
public record DoseLimits(BigDecimal planDeviationPercent, long ivInfusionShortestMinutes,
		long ivInfusionLongestMinutes, int preDoseSystolicAbove, int preDoseDiastolicAbove) {
}
