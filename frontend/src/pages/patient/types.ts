import type { BannerCourse, BannerPatient } from '../../components/patientBanner';

export interface Reason {
  ruleId: string;
  description: string;
  severity: 'ABSOLUTE' | 'RELATIVE';
  answer: string;
}

export interface Proposal {
  outcome: 'CLEARED' | 'DECLINED' | 'NEEDS_REVIEW';
  reasons: Reason[];
  rulesVersion: number | null;
}

export interface Screening {
  id: string;
  phq9: number[];
  phq9Total: number;
  phq9Band: string;
  suicideRiskFlag: boolean;
  gad7: { total: number; band: string; warrantsEvaluation: boolean } | null;
  pcl5: { total: number; cutoff: number; probablePtsd: boolean } | null;
  cssrs: { q1: boolean; q2: boolean; q3: boolean | null; q4: boolean | null; q5: boolean | null; q6: boolean; highRisk: boolean } | null;
  urgent: boolean;
  vitals: { systolic: number; diastolic: number; heartRate: number; weightKg: number };
  diagnoses: string[];
  antidepressantTrials: { drug: string; adequate: boolean; failed: boolean }[];
  medicalHistory: string[];
  substanceUse: { disorderHistory: boolean; activeUse: boolean; abstinentSince: string | null } | null;
  onMoodStabiliser: boolean | null;
  currentMedications: { name: string; drugClass: string }[];
  proposal: Proposal;
  screenedBy: string;
  screenedAt: string;
}

export interface Decision {
  id: string;
  screeningId: string;
  outcome: 'CLEARED' | 'DECLINED';
  reason: string | null;
  dosePlan: { route: string; mgPerKg: number; minMgPerKg: number | null; maxMgPerKg: number | null } | null;
  decidedBy: string;
  decidedAt: string;
  supersedesId: string | null;
}

export interface Referral {
  id: string;
  referringClinician: string;
  reason: string | null;
  indication: string;
  state: string;
  receivedAt: string;
}

/**
 * The chart as intake answers it. {@code screenings} and {@code decisions} are clinical staff's only: intake leaves them
 * out of the front desk's chart, which shows what they mean in {@code safetyAlerts}.
 */
export interface PatientDetails extends BannerPatient {
  phone: string | null;
  version: number;
  referrals: Referral[];
  screenings?: Screening[];
  decisions?: Decision[];
}

export interface CourseAppointment {
  id: string;
  chairId: string;
  chairName: string;
  start: string;
  end: string;
  status: string;
  sequence: number;
  onHold: boolean;
}

export interface Course extends BannerCourse {
  patientId: string;
  plannedInfusions: number;
  completedInfusions: number;
  cancellationReason: string | null;
  appointments: CourseAppointment[];
}

/** The patient's consent to one reminder channel as last recorded; {@code granted} false is the patient's opt-out. */
export interface ChannelConsent {
  channel: 'EMAIL' | 'SMS';
  granted: boolean;
  recordedBy: string;
  recordedAt: string;
}

/** How intake may reach the patient (`GET /api/intake/patients/{id}/contact`): the phone is the one in the details. */
export interface PatientContact {
  patientId: string;
  email: string | null;
  phone: string | null;
  consents: ChannelConsent[];
}

/** A reminder's outcome on one channel. */
export interface ReminderDelivery {
  reminderId: string;
  channel: 'EMAIL' | 'SMS';
  outcome: 'SENDING' | 'SENT' | 'FAILED' | 'UNKNOWN' | 'SKIPPED_NO_CONSENT';
  address: string | null;
  attempts: number;
  detail: string | null;
  updatedAt: string;
}

/** A reminder planned or sent (`GET /api/intake/patients/{id}/reminders`), with each channel's outcome once it went. */
export interface Reminder {
  id: string;
  patientId: string;
  kind: 'APPOINTMENT' | 'COURSE_CONFIRMATION';
  courseId: string | null;
  appointmentId: string | null;
  dueAt: string;
  status: 'PENDING' | 'SENDING' | 'DONE' | 'CANCELLED';
  closeReason: string | null;
  deliveries: ReminderDelivery[];
}
