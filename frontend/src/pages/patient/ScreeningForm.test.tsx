import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScreeningForm } from './ScreeningForm';

function answer(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

afterEach(() => vi.unstubAllGlobals());

describe('the screening form', () => {
  it("shows the intake service's scores as the clinician answers, never its own", async () => {
    const asked: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn((_url: string, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body));
      asked.push(body);
      const answered = body.phq9.filter((a: number | null) => a !== null).length;
      return answer({
        phq9: { answered, items: 9, complete: false, total: null, band: null, suicideRiskFlag: null },
        gad7: null, pcl5: null, cssrs: null, suicideRisk: answered === 1,
      });
    }));
    const { container } = render(<ScreeningForm patientId="p1" onRecorded={() => undefined} />);
    await waitFor(() => expect(screen.getByText('0 of 9 answered')).toBeTruthy());

    fireEvent.click(container.querySelector("input[name='phq9-9'][value='2']")!);
    await waitFor(() => expect(screen.getByText('1 of 9 answered')).toBeTruthy());
    expect(screen.getByText(/Suicide risk: this screening goes first/)).toBeTruthy();
    expect((asked[asked.length - 1] as { phq9: unknown[] }).phq9).toEqual([null, null, null, null, null, null, null, null, 2]);
  });

  it('names each unanswered item next to it when recorded too early, and sends nothing', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) => answer({ phq9: null, gad7: null, pcl5: null, cssrs: null, suicideRisk: false }));
    vi.stubGlobal('fetch', fetch);
    render(<ScreeningForm patientId="p1" onRecorded={() => undefined} />);
    fireEvent.click(screen.getByText('Record screening'));
    await waitFor(() => expect(screen.getByText('PHQ-9 item 1 is not answered.')).toBeTruthy());
    expect(screen.getByText('Weight is required.')).toBeTruthy();
    expect(fetch.mock.calls.some((c) => String(c[0]).includes('/screenings'))).toBe(false);
  });

  it('asks C-SSRS questions 3 to 5 only when question 2 is yes', async () => {
    vi.stubGlobal('fetch', vi.fn(() => answer({ phq9: null, gad7: null, pcl5: null, cssrs: null, suicideRisk: false })));
    const { container } = render(<ScreeningForm patientId="p1" onRecorded={() => undefined} />);
    expect(container.querySelector("input[name='cssrs-q4']")).toBeNull();
    fireEvent.click(container.querySelector("input[name='cssrs-q2'][value='yes']")!);
    await waitFor(() => expect(container.querySelector("input[name='cssrs-q4']")).not.toBeNull());
  });
});
