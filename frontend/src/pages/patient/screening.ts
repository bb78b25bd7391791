/**
 * The full intake screening as a form holds it: the questionnaires as published (their wording; the scoring is the
 * intake service's, through clinic.instruments), vitals, treatment trials, history and medications; and the bodies
 * it sends. Nothing here adds up a score.
 */
import type { FieldErrors } from '../../lib/formErrors';

export const FREQUENCY = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

export const PCL5_SCALE = ['Not at all', 'A little bit', 'Moderately', 'Quite a bit', 'Extremely'];

export const PHQ9_ITEMS = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself, or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading the newspaper or watching television',
  'Moving or speaking so slowly that other people could have noticed, or the opposite: being so fidgety or restless that you have been moving around a lot more than usual',
  'Thoughts that you would be better off dead, or of hurting yourself in some way',
];

export const GAD7_ITEMS = [
  'Feeling nervous, anxious, or on edge',
  'Not being able to stop or control worrying',
  'Worrying too much about different things',
  'Trouble relaxing',
  'Being so restless that it is hard to sit still',
  'Becoming easily annoyed or irritable',
  'Feeling afraid, as if something awful might happen',
];

export const PCL5_ITEMS = [
  'Repeated, disturbing, and unwanted memories of the stressful experience',
  'Repeated, disturbing dreams of the stressful experience',
  'Suddenly feeling or acting as if the stressful experience were actually happening again',
  'Feeling very upset when something reminded you of the stressful experience',
  'Having strong physical reactions when something reminded you of the stressful experience',
  'Avoiding memories, thoughts, or feelings related to the stressful experience',
  'Avoiding external reminders of the stressful experience',
  'Trouble remembering important parts of the stressful experience',
  'Having strong negative beliefs about yourself, other people, or the world',
  'Blaming yourself or someone else for the stressful experience or what happened after it',
  'Having strong negative feelings such as fear, horror, anger, guilt, or shame',
  'Loss of interest in activities that you used to enjoy',
  'Feeling distant or cut off from other people',
  'Trouble experiencing positive feelings',
  'Irritable behavior, angry outbursts, or acting aggressively',
  'Taking too many risks or doing things that could cause you harm',
  'Being "superalert" or watchful or on guard',
  'Feeling jumpy or easily startled',
  'Having difficulty concentrating',
  'Trouble falling or staying asleep',
];

/** The C-SSRS screener; Q3–Q5 are asked only when Q2 is yes. */
export const CSSRS_QUESTIONS: { key: CssrsKey; text: string }[] = [
  { key: 'q1', text: 'In the past month, have you wished you were dead or wished you could go to sleep and not wake up?' },
  { key: 'q2', text: 'In the past month, have you actually had any thoughts of killing yourself?' },
  { key: 'q3', text: 'Have you been thinking about how you might do this?' },
  { key: 'q4', text: 'Have you had these thoughts and had some intention of acting on them?' },
  { key: 'q5', text: 'Have you started to work out or worked out the details of how to kill yourself? Do you intend to carry out this plan?' },
  { key: 'q6', text: 'In the past 3 months, have you done anything, started to do anything, or prepared to do anything to end your life?' },
];

export type CssrsKey = 'q1' | 'q2' | 'q3' | 'q4' | 'q5' | 'q6';

export const DIAGNOSES: [string, string][] = [
  ['MAJOR_DEPRESSIVE_DISORDER', 'Major depressive disorder'],
  ['BIPOLAR_DISORDER', 'Bipolar disorder'],
  ['PSYCHOTIC_DISORDER', 'Psychotic disorder'],
  ['PTSD', 'PTSD'],
  ['GAD', 'Generalised anxiety disorder'],
  ['SUBSTANCE_USE_DISORDER', 'Substance use disorder'],
  ['CHRONIC_PAIN', 'Chronic pain'],
  ['OTHER', 'Other'],
];

export const CONDITIONS: [string, string][] = [
  ['KETAMINE_HYPERSENSITIVITY', 'Hypersensitivity to ketamine'],
  ['RECENT_STROKE', 'Recent stroke'],
  ['INTRACEREBRAL_HAEMORRHAGE', 'Intracerebral haemorrhage'],
  ['ANEURYSMAL_VASCULAR_DISEASE', 'Aneurysmal vascular disease'],
  ['ARTERIOVENOUS_MALFORMATION', 'Arteriovenous malformation'],
  ['SEVERE_CORONARY_DISEASE', 'Severe coronary disease'],
  ['SEVERE_MYOCARDIAL_DISEASE', 'Severe myocardial disease'],
  ['OTHER_HEART_CONDITION', 'Other heart condition'],
  ['CONTROLLED_HYPERTENSION', 'Controlled hypertension'],
  ['PREGNANCY', 'Pregnancy'],
  ['ACTIVE_PSYCHOSIS', 'Active psychosis'],
  ['UNTREATED_HYPERTHYROIDISM', 'Untreated hyperthyroidism'],
  ['RAISED_INTRACRANIAL_PRESSURE', 'Raised intracranial pressure'],
  ['CEREBRAL_TRAUMA', 'Cerebral trauma'],
];

export const DRUG_CLASSES: [string, string][] = [
  ['OTHER', 'Other'],
  ['BENZODIAZEPINE', 'Benzodiazepine'],
  ['Z_DRUG_HYPNOTIC', 'Z-drug hypnotic'],
  ['PSYCHOSTIMULANT', 'Psychostimulant'],
  ['MAOI', 'MAOI'],
];

export interface Trial {
  drug: string;
  adequate: boolean;
  failed: boolean;
}

export interface Medication {
  name: string;
  drugClass: string;
}

export type Answer = number | null;

export type YesNo = boolean | null;

export interface ScreeningDraft {
  phq9: Answer[];
  gad7: Answer[];
  pcl5: Answer[];
  cssrs: Record<CssrsKey, YesNo>;
  systolic: string;
  diastolic: string;
  heartRate: string;
  weightKg: string;
  diagnoses: string[];
  trials: Trial[];
  medicalHistory: string[];
  substanceDisorderHistory: boolean;
  substanceActiveUse: boolean;
  abstinentSince: string;
  onMoodStabiliser: YesNo;
  medications: Medication[];
  notes: string;
}

export function emptyDraft(): ScreeningDraft {
  return {
    phq9: Array(PHQ9_ITEMS.length).fill(null),
    gad7: Array(GAD7_ITEMS.length).fill(null),
    pcl5: Array(PCL5_ITEMS.length).fill(null),
    cssrs: { q1: null, q2: null, q3: null, q4: null, q5: null, q6: null },
    systolic: '', diastolic: '', heartRate: '', weightKg: '',
    diagnoses: [], trials: [], medicalHistory: [],
    substanceDisorderHistory: false, substanceActiveUse: false, abstinentSince: '', onMoodStabiliser: null,
    medications: [], notes: '',
  };
}

const anyAnswered = (answers: Answer[]) => answers.some((a) => a !== null);

const cssrsStarted = (c: Record<CssrsKey, YesNo>) => Object.values(c).some((a) => a !== null);

/** The C-SSRS answers as sent: Q3–Q5 left out while Q2 is not yes (they are not asked then). */
function cssrsAnswers(c: Record<CssrsKey, YesNo>) {
  const asked = c.q2 === true;
  return { q1: c.q1, q2: c.q2, q3: asked ? c.q3 : null, q4: asked ? c.q4 : null, q5: asked ? c.q5 : null, q6: c.q6 };
}

/**
 * What the live scoring is asked: PHQ-9 always, the other instruments once any of their answers is given; answers
 * not given yet are null.
 */
export function scoreRequest(draft: ScreeningDraft) {
  return {
    phq9: draft.phq9,
    gad7: anyAnswered(draft.gad7) ? draft.gad7 : null,
    pcl5: anyAnswered(draft.pcl5) ? draft.pcl5 : null,
    cssrs: cssrsStarted(draft.cssrs) ? cssrsAnswers(draft.cssrs) : null,
  };
}

const number = (value: string) => (value.trim() === '' ? null : Number(value));

/** The screening as recorded: instruments left blank are left out; a substance use history only when it says something. */
export function screeningBody(draft: ScreeningDraft) {
  const substance = draft.substanceDisorderHistory || draft.substanceActiveUse || draft.abstinentSince
    || draft.diagnoses.includes('SUBSTANCE_USE_DISORDER');
  return {
    ...scoreRequest(draft),
    systolic: number(draft.systolic),
    diastolic: number(draft.diastolic),
    heartRate: number(draft.heartRate),
    weightKg: number(draft.weightKg),
    diagnoses: draft.diagnoses,
    antidepressantTrials: draft.trials.map((t) => ({ ...t, drug: t.drug.trim() })),
    medicalHistory: draft.medicalHistory,
    substanceUse: substance
      ? { disorderHistory: draft.substanceDisorderHistory, activeUse: draft.substanceActiveUse,
        abstinentSince: draft.abstinentSince || null }
      : null,
    onMoodStabiliser: draft.onMoodStabiliser,
    currentMedications: draft.medications.map((m) => ({ ...m, name: m.name.trim() })),
    notes: draft.notes.trim() || null,
  };
}

/** Every field of the form by the API's path, with the label a clinician reads next to it. */
export function screeningLabels(draft: ScreeningDraft): Record<string, string> {
  const labels: Record<string, string> = {
    phq9: 'PHQ-9', gad7: 'GAD-7', pcl5: 'PCL-5', cssrs: 'C-SSRS',
    systolic: 'Systolic BP', diastolic: 'Diastolic BP', heartRate: 'Heart rate', weightKg: 'Weight',
    diagnoses: 'Diagnoses', antidepressantTrials: 'Antidepressant trials', medicalHistory: 'Medical history',
    substanceUse: 'Substance use', 'substanceUse.abstinentSince': 'Abstinent since', onMoodStabiliser: 'Mood stabiliser',
    currentMedications: 'Current medications', notes: 'Notes',
  };
  PHQ9_ITEMS.forEach((_, i) => (labels['phq9[' + i + ']'] = 'PHQ-9 item ' + (i + 1)));
  GAD7_ITEMS.forEach((_, i) => (labels['gad7[' + i + ']'] = 'GAD-7 item ' + (i + 1)));
  PCL5_ITEMS.forEach((_, i) => (labels['pcl5[' + i + ']'] = 'PCL-5 item ' + (i + 1)));
  CSSRS_QUESTIONS.forEach((q) => (labels['cssrs.' + q.key] = 'C-SSRS ' + q.key.toUpperCase()));
  draft.trials.forEach((_, i) => (labels['antidepressantTrials[' + i + '].drug'] = 'Trial ' + (i + 1) + ' drug'));
  draft.medications.forEach((_, i) => (labels['currentMedications[' + i + '].name'] = 'Medication ' + (i + 1)));
  return labels;
}

/**
 * What must be answered before the screening is recorded, in the form's words: every PHQ-9 item, an instrument begun
 * is finished, the C-SSRS questions asked, the vitals and weight, a drug for each trial and a name for each
 * medication, the mood stabiliser with a bipolar disorder. The service checks again and names what it refuses.
 */
export function checkScreening(draft: ScreeningDraft): FieldErrors {
  const errors: FieldErrors = {};
  const unanswered = (answers: Answer[], field: string, name: string, required: boolean) => {
    if (!required && !anyAnswered(answers)) return;
    answers.forEach((a, i) => {
      if (a === null) errors[field + '[' + i + ']'] = name + ' item ' + (i + 1) + ' is not answered.';
    });
  };
  unanswered(draft.phq9, 'phq9', 'PHQ-9', true);
  unanswered(draft.gad7, 'gad7', 'GAD-7', false);
  unanswered(draft.pcl5, 'pcl5', 'PCL-5', false);
  if (cssrsStarted(draft.cssrs)) {
    const asked: CssrsKey[] = draft.cssrs.q2 === true ? ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'] : ['q1', 'q2', 'q6'];
    for (const q of asked) {
      if (draft.cssrs[q] === null) errors['cssrs.' + q] = 'C-SSRS ' + q.toUpperCase() + ' is not answered.';
    }
  }
  const vitals: [keyof ScreeningDraft, string][] = [
    ['systolic', 'Systolic BP'], ['diastolic', 'Diastolic BP'], ['heartRate', 'Heart rate'], ['weightKg', 'Weight'],
  ];
  for (const [field, label] of vitals) {
    const value = draft[field] as string;
    if (value.trim() === '') errors[field] = label + ' is required.';
    else if (Number.isNaN(Number(value))) errors[field] = label + ' must be a number.';
  }
  draft.trials.forEach((t, i) => {
    if (!t.drug.trim()) errors['antidepressantTrials[' + i + '].drug'] = 'Name the drug of trial ' + (i + 1) + '.';
  });
  draft.medications.forEach((m, i) => {
    if (!m.name.trim()) errors['currentMedications[' + i + '].name'] = 'Name medication ' + (i + 1) + '.';
  });
  if (draft.diagnoses.includes('BIPOLAR_DISORDER') && draft.onMoodStabiliser === null) {
    errors.onMoodStabiliser = 'With a bipolar disorder, say whether the patient takes a mood stabiliser.';
  }
  return errors;
}

/** The live scores as the intake service answers them. */
export interface LiveScores {
  phq9: { answered: number; items: number; complete: boolean; total: number | null; band: string | null; suicideRiskFlag: boolean | null } | null;
  gad7: { answered: number; items: number; complete: boolean; total: number | null; band: string | null; warrantsEvaluation: boolean | null } | null;
  pcl5: { answered: number; items: number; complete: boolean; total: number | null; cutoff: number | null; probablePtsd: boolean | null } | null;
  cssrs: { answered: number; items: number; complete: boolean; highRisk: boolean | null; highRiskAnswers: string[] | null } | null;
  suicideRisk: boolean;
}

/** A band as a clinician says it: MODERATELY_SEVERE → "moderately severe". */
export function bandWords(band: string | null | undefined): string {
  return (band ?? '').toLowerCase().replace(/_/g, ' ');
}
