import { describe, expect, it } from 'vitest';
import { type ChartEntry, EntryQueue, type SendResult, STORAGE_KEY, backoff, uuid } from './queue';

/** localStorage as a test holds it: what one page wrote, the next page (a reload) reads. */
function tabletStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

/** The session service as a test scripts it: each sending gets the next answer; the sendings are kept. */
function service(...answers: (SendResult | 'offline')[]) {
  const sent: ChartEntry[] = [];
  const send = async (entry: ChartEntry): Promise<SendResult> => {
    sent.push(structuredClone(entry));
    const answer = answers.shift() ?? { status: 201, data: {}, version: null };
    if (answer === 'offline') {
      throw new TypeError('Failed to fetch');
    }
    return answer;
  };
  return { sent, send };
}

function queueOn(storage: ReturnType<typeof tabletStorage>, send: (e: ChartEntry) => Promise<SendResult>, clock = { t: 0 }) {
  let key = 0;
  return new EntryQueue({
    send,
    user: 'nina',
    storage,
    now: () => clock.t,
    newKey: () => 'key-' + ++key,
    later: () => () => undefined,
  });
}

const vitals = { recordId: 'r1', url: '/api/session/records/r1/vitals', body: { systolic: 128 }, baseVersion: null, label: 'Vitals 128/82' };

describe('the chart entries queue', () => {
  it('sends an entry with a key of its own and forgets it once the service has answered', async () => {
    const storage = tabletStorage();
    const { sent, send } = service({ status: 201, data: { takenAt: 'x' }, version: 3 });
    const queue = queueOn(storage, send);

    const outcome = await queue.add(vitals);

    expect(outcome).toEqual({ kind: 'saved', data: { takenAt: 'x' }, version: 3 });
    expect(sent).toHaveLength(1);
    expect(sent[0].key).toBe('key-1');
    expect(sent[0].madeBy).toBe('nina');
    expect(queue.entries()).toEqual([]);
    expect(JSON.parse(storage.items.get(STORAGE_KEY)!)).toEqual([]);
  });

  it('keeps an entry on the tablet while the network is down and sends it after a reload, with the same key', async () => {
    const storage = tabletStorage();
    const offline = service('offline');
    const before = queueOn(storage, offline.send);

    const outcome = await before.add(vitals);

    expect(outcome.kind).toBe('queued');
    expect(before.entries()).toHaveLength(1);
    expect(before.entries()[0].attempts).toBe(1);

    // the page is reloaded: a new queue reads what the old one kept
    const online = service({ status: 201, data: {}, version: 2 });
    const after = queueOn(storage, online.send, { t: 60_000 });
    expect(after.entries().map((e) => e.label)).toEqual(['Vitals 128/82']);
    await after.flush();

    expect(online.sent.map((e) => e.key)).toEqual([offline.sent[0].key]);
    expect(after.entries()).toEqual([]);
  });

  it('waits longer after each sending without an answer, at most 30 s, and sends at once when the network is back', async () => {
    const clock = { t: 0 };
    const { sent, send } = service('offline', 'offline', { status: 503 }, { status: 201, data: {}, version: 2 });
    const queue = queueOn(tabletStorage(), send, clock);

    await queue.add(vitals);
    expect(queue.entries()[0].nextAttemptAt).toBe(1000);
    clock.t = 500;
    await queue.flush();
    expect(sent).toHaveLength(1);
    clock.t = 1000;
    await queue.flush();
    expect(queue.entries()[0].nextAttemptAt).toBe(1000 + 2000);
    clock.t = 1500;
    await queue.retryNow();
    expect(sent).toHaveLength(3);
    expect(queue.entries()[0].attempts).toBe(3);
    await queue.retryNow();
    expect(sent.map((e) => e.key)).toEqual(['key-1', 'key-1', 'key-1', 'key-1']);
    expect(queue.entries()).toEqual([]);
    expect([1, 2, 3, 4, 5, 6, 7].map(backoff)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('sends entries in the order they were made: a later one waits while an earlier one has no answer', async () => {
    const { sent, send } = service('offline', { status: 201, version: 2 }, { status: 201, version: 3 });
    const queue = queueOn(tabletStorage(), send);

    const first = await queue.add(vitals);
    const second = await queue.add({ ...vitals, label: 'Side effect nausea', url: '/api/session/records/r1/side-effects' });

    expect(first.kind).toBe('queued');
    expect(second.kind).toBe('queued');
    expect(sent.map((e) => e.label)).toEqual(['Vitals 128/82']);
    await queue.retryNow();
    expect(sent.map((e) => e.label)).toEqual(['Vitals 128/82', 'Vitals 128/82', 'Side effect nausea']);
  });

  it('gives a refusal back to the form that is still open, and keeps a later refusal for the nurse to see', async () => {
    const problem = { title: 'Invalid input', errors: [{ field: 'systolic', message: 'must be at least 50' }] };
    const { send } = service({ status: 400, problem }, 'offline', { status: 400, problem });
    const queue = queueOn(tabletStorage(), send);

    expect(await queue.add(vitals)).toEqual({ kind: 'refused', status: 400, problem });
    expect(queue.entries()).toEqual([]);

    expect((await queue.add(vitals)).kind).toBe('queued');
    await queue.retryNow();
    expect(queue.entries()).toMatchObject([{ state: 'refused', problem }]);
    queue.discard(queue.entries()[0].key);
    expect(queue.entries()).toEqual([]);
  });

  it('names the version an entry was made on, and moves it on when the same nurse\'s earlier entry has landed', async () => {
    const { sent, send } = service('offline', { status: 200, version: 6 }, { status: 200, version: 7 });
    const queue = queueOn(tabletStorage(), send);
    const checkIn = { recordId: 'r1', url: '/api/session/records/r1/check-in', body: {}, baseVersion: 5, label: 'Check-in' };
    const checklist = { ...checkIn, url: '/api/session/records/r1/discharge-checklist', label: 'Checklist' };

    await queue.add(checkIn);
    await queue.add(checklist);
    await queue.retryNow();

    expect(sent.map((e) => [e.label, e.baseVersion])).toEqual([
      ['Check-in', 5],
      ['Check-in', 5],
      ['Checklist', 6],
    ]);
  });

  it('shows an entry refused because someone else changed the record, and sends it again only when asked, on the new version', async () => {
    const changed = { title: 'Conflict', reason: 'RECORD_CHANGED', detail: 'Someone saved another entry' };
    const { sent, send } = service('offline', { status: 409, problem: changed }, { status: 200, version: 9 });
    const queue = queueOn(tabletStorage(), send);

    await queue.add({ recordId: 'r1', url: '/x/discharge-checklist', body: {}, baseVersion: 5, label: 'Checklist' });
    await queue.retryNow();

    expect(queue.entries()).toMatchObject([{ state: 'conflict', problem: changed }]);
    await queue.flush();
    expect(sent).toHaveLength(2);

    await queue.sendAgain(queue.entries()[0].key, 8);
    expect(sent[2]).toMatchObject({ baseVersion: 8, key: 'key-2' });
    expect(queue.entries()).toEqual([]);
  });

  it('never sends an entry another user made on this tablet', async () => {
    const storage = tabletStorage();
    const kept: ChartEntry = { ...vitals, key: 'k-otto', madeBy: 'otto', madeAt: '2026-11-30T09:00:00Z', state: 'waiting', attempts: 1, nextAttemptAt: 0 };
    storage.setItem(STORAGE_KEY, JSON.stringify([kept]));
    const { sent, send } = service();
    const queue = queueOn(storage, send);

    await queue.flush();

    expect(sent).toEqual([]);
    expect(queue.entries()).toHaveLength(1);
  });

  it('makes keys that are UUIDs, different every time', () => {
    const keys = new Set(Array.from({ length: 100 }, uuid));
    expect(keys.size).toBe(100);
    expect([...keys][0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
