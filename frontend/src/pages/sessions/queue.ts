import type { Problem } from '../../lib/api';

/**
 * The chart's entries on their way to the session service. A tablet at the chair drops off Wi-Fi; an entry must never
 * be lost to that. Every entry is kept on the tablet (localStorage) from the moment it is made until the service has
 * answered it, sent in the order it was made, and sent again (after 1, 2, 4 … 30 s, and at once when the network is
 * back) while no answer comes. Each entry carries a key of its own (Idempotency-Key): the service recognises a repeat
 * and answers it with its first answer, so an entry sent twice counts once. An entry that replaces what the chart says
 * names the record version it was made on (If-Match): when someone else changed the record meanwhile, the service
 * refuses it and the nurse sees it, nothing is written over.
 */

export type EntryState = 'waiting' | 'refused' | 'conflict';

export interface ChartEntry {
  /** The Idempotency-Key: new for every entry, the same for every sending of it. */
  key: string;
  recordId: string;
  url: string;
  body: unknown;
  /** The record version the entry was made on (If-Match), or null when it only adds to the chart. */
  baseVersion: number | null;
  /** What the entry is, in the chart's words ("Vitals 128/82, HR 74"). */
  label: string;
  /** Who made it: only they send it (a shared tablet never sends one user's entry as another's). */
  madeBy: string;
  /** When it was made, on the tablet's clock. */
  madeAt: string;
  state: EntryState;
  attempts: number;
  /** Not sent again before this time (ms since the epoch). */
  nextAttemptAt: number;
  /** Why it was refused, or why the last sending got no answer. */
  problem?: Problem;
}

/** What a sending came back with: status 0 when no answer came at all. */
export interface SendResult {
  status: number;
  data?: unknown;
  /** The record's version after the entry (the answer's ETag). */
  version?: number | null;
  problem?: Problem;
}

export type Sender = (entry: ChartEntry) => Promise<SendResult>;

/** How an entry ended for the form that made it, while the form still waits. */
export type Outcome =
  | { kind: 'saved'; data: unknown; version: number | null }
  | { kind: 'queued'; problem?: Problem }
  | { kind: 'refused'; status: number; problem: Problem }
  | { kind: 'conflict'; problem: Problem };

export interface NewEntry {
  recordId: string;
  url: string;
  body: unknown;
  baseVersion: number | null;
  label: string;
}

export interface QueueOptions {
  send: Sender;
  /** The signed-in user: entries are made by them and only theirs are sent. */
  user: string;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  storageKey?: string;
  now?: () => number;
  newKey?: () => string;
  /** Runs {@code task} after {@code ms}; returns how to cancel it. */
  later?: (task: () => void, ms: number) => () => void;
}

export const STORAGE_KEY = 'clinic.session-chart.entries.v1';

/** The longest wait between two sendings of an entry. */
export const MAX_BACKOFF_MS = 30_000;

/** Wait before sending again after {@code attempts} sendings without an answer: 1, 2, 4, 8, 16, 30, 30 … s. */
export function backoff(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempts - 1));
}

/** Answers that say nothing about the entry itself: no answer, the service busy or away, the sign-in expired. */
export function isTransient(status: number): boolean {
  return status === 0 || status === 401 || status === 408 || status === 429 || status >= 500;
}

/** A refusal because the record changed since the entry was made on it. */
export function isRecordChanged(result: SendResult): boolean {
  return result.status === 409 && result.problem?.reason === 'RECORD_CHANGED';
}

/** A random UUID (v4), also where crypto.randomUUID is missing (a plain-http address is no secure context). */
export function uuid(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class EntryQueue {
  private list: ChartEntry[];

  private readonly waiters = new Map<string, (outcome: Outcome) => void>();

  private readonly listeners = new Set<() => void>();

  private flushing: Promise<void> | null = null;

  private again = false;

  private cancelTimer: (() => void) | null = null;

  /** Whether the entries survive a reload (false when the browser keeps no storage for the page). */
  persistent = true;

  constructor(private readonly options: QueueOptions) {
    this.list = this.load();
  }

  /** Every entry not yet answered, and those refused until the nurse has seen them, in the order made. */
  entries(): ChartEntry[] {
    return this.list.map((entry) => ({ ...entry }));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Keeps the entry and sends it in its turn. The answer is the entry's outcome while the form waits: saved, refused
   * (the form shows why, and the entry is the form's again), or queued when no answer came (the entry stays on the
   * tablet and is sent again; a later refusal shows in {@link entries}).
   */
  add(draft: NewEntry): Promise<Outcome> {
    const entry: ChartEntry = {
      ...draft,
      key: this.newKey(),
      madeBy: this.options.user,
      madeAt: new Date(this.now()).toISOString(),
      state: 'waiting',
      attempts: 0,
      nextAttemptAt: 0,
    };
    this.list.push(entry);
    this.save();
    const outcome = new Promise<Outcome>((resolve) => this.waiters.set(entry.key, resolve));
    void this.flush();
    return outcome;
  }

  /** Sends what is due, in order, one at a time; an entry without an answer holds up the ones after it. */
  flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.again = false;
        await this.sendDue();
      } while (this.again);
    })().finally(() => {
      this.flushing = null;
      this.planNextAttempt();
    });
    return this.flushing;
  }

  /** The network is back (or the nurse asked): send every waiting entry now. */
  retryNow(): Promise<void> {
    for (const entry of this.list) {
      entry.nextAttemptAt = 0;
    }
    this.save();
    return this.flush();
  }

  /** Drops an entry the nurse has decided not to send (refused, in conflict, or waiting). */
  discard(key: string): void {
    this.list = this.list.filter((entry) => entry.key !== key);
    this.settle(key, { kind: 'queued' });
    this.save();
  }

  /**
   * Sends a refused or conflicting entry again as a new entry, after the nurse has looked at the record as it is now:
   * made on {@code currentVersion} when it names a version, with a key of its own.
   */
  sendAgain(key: string, currentVersion: number): Promise<void> {
    const found = this.list.find((entry) => entry.key === key);
    if (!found) {
      return Promise.resolve();
    }
    this.list = this.list.filter((entry) => entry.key !== key);
    this.list.push({
      ...found,
      key: this.newKey(),
      baseVersion: found.baseVersion === null ? null : currentVersion,
      state: 'waiting',
      attempts: 0,
      nextAttemptAt: 0,
      problem: undefined,
    });
    this.save();
    return this.flush();
  }

  private async sendDue(): Promise<void> {
    for (;;) {
      const entry = this.list.find((e) => e.state === 'waiting' && e.madeBy === this.options.user);
      if (!entry || entry.nextAttemptAt > this.now()) {
        this.releaseWaiters();
        return;
      }
      let result: SendResult;
      try {
        result = await this.options.send(entry);
      } catch {
        result = { status: 0 };
      }
      if (isTransient(result.status)) {
        entry.attempts += 1;
        entry.nextAttemptAt = this.now() + backoff(entry.attempts);
        entry.problem = result.problem;
        this.save();
        this.settle(entry.key, { kind: 'queued', problem: result.problem });
        this.releaseWaiters();
        return;
      }
      if (result.status >= 200 && result.status < 300) {
        this.list = this.list.filter((e) => e !== entry);
        this.rebase(entry, result.version ?? null);
        this.save();
        this.settle(entry.key, { kind: 'saved', data: result.data, version: result.version ?? null });
        continue;
      }
      const problem = result.problem ?? { title: 'Refused', status: result.status };
      const outcome: Outcome = isRecordChanged(result)
        ? { kind: 'conflict', problem }
        : { kind: 'refused', status: result.status, problem };
      if (this.waiters.has(entry.key)) {
        // the form is still open: it shows the refusal next to the fields, and the entry is the form's again
        this.list = this.list.filter((e) => e !== entry);
      } else {
        entry.state = outcome.kind === 'conflict' ? 'conflict' : 'refused';
        entry.problem = problem;
      }
      this.save();
      this.settle(entry.key, outcome);
    }
  }

  /**
   * An entry made after {@code landed} on the version {@code landed} was made on knew of it (the same nurse made both):
   * once {@code landed} has made the record {@code version}, the later entry is made on that version. Had someone else
   * changed the record in between, {@code version} is further on and the later entry is refused as it should be.
   */
  private rebase(landed: ChartEntry, version: number | null): void {
    if (version === null) {
      return;
    }
    for (const entry of this.list) {
      if (entry.recordId === landed.recordId && entry.baseVersion === version - 1) {
        entry.baseVersion = version;
      }
    }
  }

  /** Forms waiting behind an entry without an answer learn that theirs is kept on the tablet, to be sent later. */
  private releaseWaiters(): void {
    for (const entry of this.list) {
      if (this.waiters.has(entry.key)) {
        this.settle(entry.key, { kind: 'queued' });
      }
    }
  }

  private settle(key: string, outcome: Outcome): void {
    const waiter = this.waiters.get(key);
    if (waiter) {
      this.waiters.delete(key);
      waiter(outcome);
    }
    this.listeners.forEach((listener) => listener());
  }

  private planNextAttempt(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    const next = this.list.find((e) => e.state === 'waiting' && e.madeBy === this.options.user);
    if (next) {
      const later = this.options.later ?? ((task, ms) => {
        const timer = setTimeout(task, ms);
        return () => clearTimeout(timer);
      });
      this.cancelTimer = later(() => void this.flush(), Math.max(0, next.nextAttemptAt - this.now()));
    }
  }

  private load(): ChartEntry[] {
    try {
      const stored = this.options.storage?.getItem(this.storageKey());
      const parsed: unknown = stored ? JSON.parse(stored) : [];
      return Array.isArray(parsed) ? (parsed as ChartEntry[]) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    if (!this.options.storage) {
      this.persistent = false;
      return;
    }
    try {
      this.options.storage.setItem(this.storageKey(), JSON.stringify(this.list));
      this.persistent = true;
    } catch {
      this.persistent = false;
    }
  }

  private storageKey(): string {
    return this.options.storageKey ?? STORAGE_KEY;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private newKey(): string {
    return (this.options.newKey ?? uuid)();
  }
}
