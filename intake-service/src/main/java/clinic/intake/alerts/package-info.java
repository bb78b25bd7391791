/**
 * Safety alerts: what nobody who opens a patient may miss, read from intake's own records (suicide risk at the latest
 * screening, a decline, a ketamine hypersensitivity). Intake is their one owner: every page and every role is given
 * the same alerts, so a role that may not read the screening answers (the front desk) still sees what they mean.
 */
package clinic.intake.alerts;
