/**
 * Monitoring during an infusion: vital-sign readings and the clinic's thresholds (DOMAIN.md: SBP above 180 or
 * DBP above 110, SpO2 below 92 %, HR above 120, all settings in {@link clinic.session.monitoring.MonitoringSettings}).
 * A reading beyond a threshold is stored and flagged with its breaches; alerts and pause/stop come later.
 */
package clinic.session.monitoring;
