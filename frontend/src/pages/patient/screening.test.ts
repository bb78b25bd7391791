import { describe, expect, it } from 'vitest';
import { checkScreening, emptyDraft, scoreRequest, screeningBody, screeningLabels } from './screening';

describe('the screening form', () => {
  it('asks the live scoring for PHQ-9 always and for the other instruments once begun, unanswered items null', () => {
    const draft = emptyDraft();
    draft.phq9[0] = 2;
    draft.cssrs.q1 = false;
    draft.cssrs.q3 = true; // answered while Q2 was yes, then Q2 changed: not asked any more
    const request = scoreRequest(draft);
    expect(request.phq9).toEqual([2, null, null, null, null, null, null, null, null]);
    expect(request.gad7).toBeNull();
    expect(request.pcl5).toBeNull();
    expect(request.cssrs).toEqual({ q1: false, q2: null, q3: null, q4: null, q5: null, q6: null });
  });

  it('names every unanswered item, vital and unnamed trial in words before anything is sent', () => {
    const draft = emptyDraft();
    draft.phq9 = [1, 1, 1, 1, 1, 1, 1, 1, null];
    draft.gad7[0] = 1;
    draft.trials = [{ drug: ' ', adequate: true, failed: true }];
    draft.diagnoses = ['BIPOLAR_DISORDER'];
    draft.systolic = '120';
    const errors = checkScreening(draft);
    expect(errors['phq9[8]']).toBe('PHQ-9 item 9 is not answered.');
    expect(errors['gad7[6]']).toBe('GAD-7 item 7 is not answered.');
    expect(errors['pcl5[0]']).toBeUndefined();
    expect(errors.diastolic).toBe('Diastolic BP is required.');
    expect(errors.systolic).toBeUndefined();
    expect(errors['antidepressantTrials[0].drug']).toBe('Name the drug of trial 1.');
    expect(errors.onMoodStabiliser).toMatch(/mood stabiliser/);
  });

  it('records the history, trials and medications with the answers and leaves blank instruments out', () => {
    const draft = emptyDraft();
    draft.phq9 = [2, 2, 2, 2, 2, 1, 1, 1, 0];
    Object.assign(draft, { systolic: '124', diastolic: '79', heartRate: '70', weightKg: '68.5' });
    draft.trials = [{ drug: ' sertraline ', adequate: true, failed: true }];
    draft.medications = [{ name: 'lorazepam', drugClass: 'BENZODIAZEPINE' }];
    draft.diagnoses = ['SUBSTANCE_USE_DISORDER'];
    draft.abstinentSince = '2020-01-01';
    const body = screeningBody(draft);
    expect(body.gad7).toBeNull();
    expect(body.weightKg).toBe(68.5);
    expect(body.antidepressantTrials).toEqual([{ drug: 'sertraline', adequate: true, failed: true }]);
    expect(body.substanceUse).toEqual({ disorderHistory: false, activeUse: false, abstinentSince: '2020-01-01' });
    expect(body.currentMedications).toEqual([{ name: 'lorazepam', drugClass: 'BENZODIAZEPINE' }]);
    expect(checkScreening(draft)).toEqual({});
  });

  it("labels the service's field paths as the form does", () => {
    const labels = screeningLabels({ ...emptyDraft(), trials: [{ drug: 'x', adequate: true, failed: false }] });
    expect(labels['phq9[3]']).toBe('PHQ-9 item 4');
    expect(labels['cssrs.q4']).toBe('C-SSRS Q4');
    expect(labels['antidepressantTrials[0].drug']).toBe('Trial 1 drug');
  });
});
