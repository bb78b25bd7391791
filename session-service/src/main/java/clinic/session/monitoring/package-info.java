/**
 * Monitoring during an infusion: vital-sign readings, when they are due ({@link clinic.session.monitoring.MonitoringSchedule}:
 * every 10 min during an infusion, every 15 min in recovery) and the clinic's thresholds (DOMAIN.md: SBP above 180
 * or DBP above 110, SpO2 below 92 %, HR above 120), all settings in
 * {@link clinic.session.monitoring.MonitoringSettings}. A reading beyond a threshold is stored with its breaches and
 * raises an {@link clinic.session.monitoring.Alert} that stays open until someone records what was done (pause,
 * slow, stop, or continue with a reason). Side effects with severity and CADSS-6 scores with who recorded them and
 * when. The PHQ-9 before the session and CADSS-6 are scored by the {@code instruments} module (the same scoring
 * intake uses) through {@link clinic.session.monitoring.Questionnaires}.
 */
package clinic.session.monitoring;
