/** The clinician's queue, as intake and the session service list it. */

export interface QueueFlag {
  id: string;
  grade: string;
  reason: string;
  raisedAt: string;
}

export interface QueueItem {
  patientId: string;
  mrn: string | null;
  patientName: string | null;
  screeningId: string | null;
  screenedAt: string | null;
  proposedOutcome: 'CLEARED' | 'DECLINED' | 'NEEDS_REVIEW' | null;
  urgent: boolean;
  reasons: { ruleId: string; description: string; severity: 'ABSOLUTE' | 'RELATIVE'; answer: string }[];
  flags: QueueFlag[];
}

/** A session record waiting for a clinician, as the session service lists it. */
export interface WaitingRecord {
  id: string;
  patientId: string;
  patientName: string | null;
  mrn: string | null;
  position: string | null;
  siteName: string | null;
  timeZone: string | null;
  chairName: string | null;
  start: string | null;
  openedAt: string;
  preDoseReading: { systolic: number; diastolic: number; heartRate: number; takenAt: string; takenBy: string } | null;
  nurseSignature: { signedBy: string; signedAt: string } | null;
}

/**
 * Urgent first (a suicide-risk screening, an adverse event reported), then the longest waiting: the order intake
 * gives, kept stable here, so that a refresh never reshuffles what the clinician is reading.
 */
export function inQueueOrder(items: QueueItem[]): QueueItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => Number(b.item.urgent) - Number(a.item.urgent) || a.index - b.index)
    .map(({ item }) => item);
}

/** Why the item waits, in a few words. */
export function whyWaiting(item: QueueItem): string {
  const parts: string[] = [];
  if (item.screeningId) {
    parts.push(item.proposedOutcome === 'NEEDS_REVIEW' ? 'screening needs review'
      : 'screening proposes ' + (item.proposedOutcome === 'CLEARED' ? 'clearing' : 'declining'));
  }
  if (item.flags.length > 0) {
    parts.push(item.flags.length + ' adverse event(s) reported');
  }
  return parts.join(' · ');
}
