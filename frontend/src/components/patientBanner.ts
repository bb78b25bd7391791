/** What the banner about a patient reads, and the alerts it shows from it. */

export interface BannerReviewFlag {
  id: string;
  grade: string;
  reason: string;
  raisedAt: string;
}

/**
 * An alert intake raises about the patient (suicide risk at the latest screening, a decline, a ketamine
 * hypersensitivity): intake owns the rule and gives every role the same alerts, the front desk without the screening
 * answers they come from.
 */
export interface SafetyAlert {
  kind: 'suicide-risk' | 'declined' | 'allergy';
  text: string;
}

export interface BannerPatient {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  status: string;
  safetyAlerts: SafetyAlert[];
  openReviewFlags: BannerReviewFlag[];
}

export interface BannerCourse {
  id: string;
  status: string;
  pauseReason: string | null;
}

export interface Alert {
  kind: SafetyAlert['kind'] | 'review-flag' | 'paused-course';
  text: string;
}

/**
 * The alerts every page about the patient shows: suicide risk first, then open review flags (adverse events reported
 * by sessions), a paused course (scheduling's), and intake's other alerts (a decline, an allergy). Intake's alerts are
 * shown as it words them; nothing is scored or derived from answers here.
 */
export function bannerAlerts(patient: BannerPatient, courses: BannerCourse[] | null): Alert[] {
  const intake = patient.safetyAlerts ?? [];
  const alerts: Alert[] = intake.filter((a) => a.kind === 'suicide-risk');
  for (const flag of patient.openReviewFlags ?? []) {
    alerts.push({ kind: 'review-flag', text: 'Review: ' + flag.grade.toLowerCase() + ' adverse event — ' + flag.reason });
  }
  for (const course of courses ?? []) {
    if (course.status === 'PAUSED') {
      alerts.push({ kind: 'paused-course', text: 'Course paused' + (course.pauseReason ? ': ' + course.pauseReason : '') });
    }
  }
  return alerts.concat(intake.filter((a) => a.kind !== 'suicide-risk'));
}
