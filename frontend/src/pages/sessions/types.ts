/** The session service's answers the chart reads (`/api/session/...`), as far as the page uses them. */

export type Route = 'IV' | 'IM' | 'INTRANASAL';

export type Phase = 'PRE_DOSE' | 'INFUSION' | 'RECOVERY';

export interface DosePlan {
  route: Route;
  mgPerKg: number;
  minMgPerKg: number | null;
  maxMgPerKg: number | null;
}

/** The clinic's dosing settings a dose is checked against (the mg/kg range is the plan's). */
export interface DoseLimits {
  planDeviationPercent: number;
  ivInfusionShortestMinutes: number;
  ivInfusionLongestMinutes: number;
  preDoseSystolicAbove: number;
  preDoseDiastolicAbove: number;
}

export interface CheckIn {
  identityConfirmed: boolean;
  escortConfirmed: boolean;
  escortName: string | null;
  fasting: boolean;
  medicationChanges: string | null;
  phq9Items: number[] | null;
  phq9Total: number | null;
  phq9SuicideRiskFlag: boolean;
  checkedInBy: string;
  checkedInAt: string;
}

export interface Breach {
  vital: 'SYSTOLIC' | 'DIASTOLIC' | 'HEART_RATE' | 'SPO2';
  value: number;
  limit: number;
  description: string;
}

export interface VitalsReading {
  takenAt: string;
  takenBy: string;
  phase: Phase;
  systolic: number;
  diastolic: number;
  heartRate: number;
  spo2: number;
  respiratoryRate: number;
  breaches: Breach[];
}

export type SlotStatus = 'TAKEN' | 'DUE' | 'OVERDUE' | 'UPCOMING';

export interface ReadingSlot {
  phase: Phase;
  dueAt: string;
  status: SlotStatus;
  takenAt: string | null;
}

export type AlertAction = 'PAUSE' | 'SLOW' | 'STOP' | 'CONTINUE';

export interface Alert {
  id: string;
  raisedAt: string;
  phase: Phase;
  breaches: Breach[];
  response: { action: AlertAction; reason: string | null; respondedBy: string; respondedAt: string } | null;
}

export interface Dosing {
  weightKg: number;
  plannedDoseMg: number;
  doseMg: number;
  infusionRateMgPerHour: number | null;
  drugLot: string;
  preparedBy: string;
  administeredBy: string;
  administeredAt: string;
}

export interface Signature {
  signedBy: string;
  signedAt: string;
}

export interface DischargeChecklist {
  vitalsNearBaseline: boolean;
  alertAndOriented: boolean;
  steadyGait: boolean;
  escortPresent: boolean;
  instructionsGiven: boolean;
  checkedBy: string;
  checkedAt: string;
}

export interface SessionRecord {
  id: string;
  appointmentId: string;
  patientId: string;
  patientName: string | null;
  status: 'IN_PROGRESS' | 'COMPLETED';
  phase: Phase;
  asOf: string;
  dosePlan: DosePlan;
  openedBy: string;
  openedAt: string;
  courseOrderOverride: { reason: string; overriddenBy: string; overriddenAt: string } | null;
  checkIn: CheckIn | null;
  awaitingBpConfirmation: boolean;
  preDoseClearance: { readingTakenAt: string; reason: string; clearedBy: string; clearedAt: string } | null;
  dosing: Dosing | null;
  infusionEnd: { endedBy: string; endedAt: string; reason: string | null } | null;
  vitals: VitalsReading[];
  readings: ReadingSlot[];
  alerts: Alert[];
  sideEffects: { effect: string; severity: string; note: string | null; recordedBy: string; recordedAt: string }[];
  cadssScores: { items: number[]; total: number; recordedBy: string; recordedAt: string }[];
  adverseEvents: { id: string; grade: string; description: string; reportedBy: string; reportedAt: string }[];
  discharge: DischargeChecklist | null;
  openDischargeCriteria: { criterion: string; detail: string }[];
  nurseSignature: Signature | null;
  clinicianSignature: Signature | null;
  addenda: { id: string; text: string; writtenBy: string; writtenAt: string }[];
  notes: string | null;
  version: number;
  doseLimits: DoseLimits;
}

/** The record's vitals as columns for plotting, with the monitoring thresholds. */
export interface VitalsSeries {
  takenAt: string[];
  phase: Phase[];
  systolic: number[];
  diastolic: number[];
  heartRate: number[];
  spo2: number[];
  respiratoryRate: number[];
  limits: { systolicAbove: number; diastolicAbove: number; heartRateAbove: number; spo2Below: number };
  dosedAt: string | null;
  infusionEndedAt: string | null;
}

/** One booked appointment as the nurse's day shows it: the chart's banner. */
export interface ScheduledSession {
  appointmentId: string;
  patientId: string;
  patientName: string | null;
  mrn: string | null;
  kind: 'INFUSION' | 'BOOSTER';
  position: string;
  courseStatus: string | null;
  dosingPaused: boolean;
  siteId: string | null;
  siteName: string | null;
  timeZone: string | null;
  chairName: string;
  day: string | null;
  start: string;
  end: string;
  recordId: string | null;
}
