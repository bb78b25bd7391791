/** What the banner about a patient reads, and the alerts it raises from it. */

export interface BannerScreening {
  id: string;
  phq9: number[];
  suicideRiskFlag: boolean;
  cssrs: { highRisk: boolean; q4: boolean | null; q5: boolean | null; q6: boolean | null } | null;
  medicalHistory: string[];
  screenedAt: string;
}

export interface BannerReviewFlag {
  id: string;
  grade: string;
  reason: string;
  raisedAt: string;
}

export interface BannerDecision {
  id: string;
  outcome: string;
  reason: string | null;
  decidedBy: string;
  decidedAt: string;
}

export interface BannerPatient {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  status: string;
  screenings: BannerScreening[];
  decisions: BannerDecision[];
  openReviewFlags: BannerReviewFlag[];
}

export interface BannerCourse {
  id: string;
  status: string;
  pauseReason: string | null;
}

export interface Alert {
  kind: 'suicide-risk' | 'review-flag' | 'paused-course' | 'declined' | 'allergy';
  text: string;
}

function latest<T>(items: T[], at: (item: T) => string): T | undefined {
  return [...items].sort((a, b) => at(a).localeCompare(at(b))).pop();
}

/**
 * The alerts every page about the patient shows: suicide risk at the latest screening (PHQ-9 item 9 above 0, a
 * high-risk C-SSRS screen), open review flags (adverse events reported by sessions), a paused course, a decline, and
 * a ketamine hypersensitivity on record. The flags are the services' own; nothing is scored here.
 */
export function bannerAlerts(patient: BannerPatient, courses: BannerCourse[] | null): Alert[] {
  const alerts: Alert[] = [];
  const screening = latest(patient.screenings ?? [], (s) => s.screenedAt);
  if (screening?.suicideRiskFlag) {
    alerts.push({ kind: 'suicide-risk', text: 'Suicide risk: PHQ-9 item 9 answered ' + screening.phq9[8] + ' at the latest screening' });
  }
  if (screening?.cssrs?.highRisk) {
    const yes = (['q4', 'q5', 'q6'] as const).filter((q) => screening.cssrs?.[q]).map((q) => q.toUpperCase());
    alerts.push({ kind: 'suicide-risk', text: 'Suicide risk: C-SSRS high risk (yes to ' + yes.join(', ') + ')' });
  }
  for (const flag of patient.openReviewFlags ?? []) {
    alerts.push({ kind: 'review-flag', text: 'Review: ' + flag.grade.toLowerCase() + ' adverse event — ' + flag.reason });
  }
  for (const course of courses ?? []) {
    if (course.status === 'PAUSED') {
      alerts.push({ kind: 'paused-course', text: 'Course paused' + (course.pauseReason ? ': ' + course.pauseReason : '') });
    }
  }
  if (patient.status === 'DECLINED') {
    const decision = latest(patient.decisions ?? [], (d) => d.decidedAt);
    alerts.push({ kind: 'declined', text: 'Declined' + (decision ? ' by ' + decision.decidedBy + (decision.reason ? ': ' + decision.reason : '') : '') });
  }
  if (screening?.medicalHistory?.includes('KETAMINE_HYPERSENSITIVITY')) {
    alerts.push({ kind: 'allergy', text: 'Allergy: hypersensitivity to ketamine' });
  }
  return alerts;
}
