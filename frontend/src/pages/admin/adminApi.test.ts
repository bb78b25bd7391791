import { describe, expect, it } from 'vitest';
import { askEach } from './adminApi';
import { AUDIT_TRAILS, SERVICES } from './services';

describe('asking every service at once', () => {
  it("keeps every answer, in the services' order, and names each that failed with why", async () => {
    const down = new Error('scheduling is down');
    const { answered, failed } = await askEach(
      SERVICES.map((s) => s.key),
      async (service) => {
        if (service === 'scheduling') {
          throw down;
        }
        return service.toUpperCase();
      },
    );
    expect(answered).toEqual([
      { source: 'intake', value: 'INTAKE' },
      { source: 'session', value: 'SESSION' },
    ]);
    expect(failed).toEqual([{ source: 'scheduling', error: down }]);
  });

  it('counts an ask that throws before it sends anything as that service failing, not the whole', async () => {
    const { answered, failed } = await askEach(['intake', 'session'], (service) => {
      if (service === 'intake') {
        throw new Error('bad id');
      }
      return Promise.resolve(1);
    });
    expect(answered.map((a) => a.source)).toEqual(['session']);
    expect(failed.map((f) => f.source)).toEqual(['intake']);
  });

  it('asks the three services and the gateway for the audit, from one list', () => {
    expect(AUDIT_TRAILS.map((t) => t.key)).toEqual(['intake', 'scheduling', 'session', 'gateway']);
  });
});
