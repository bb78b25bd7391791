import { useEffect, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { whenOn } from '../../lib/dates';
import { zoneLabel } from '../../lib/time';
import { adminApi } from './adminApi';
import type { DoseRange, RuleSettings } from './types';
import { AdminForm, Field, FormProblem, useFormState } from './ui';

/** Intake's eligibility thresholds, in the order a clinician reads them, with the words the page shows. */
export const THRESHOLDS = [
  { key: 'absoluteSystolicAbove', label: 'Decline: resting systolic above (mmHg)' },
  { key: 'absoluteDiastolicAbove', label: 'Decline: resting diastolic above (mmHg)' },
  { key: 'reviewSystolicAbove', label: 'Review: systolic at screening above (mmHg)' },
  { key: 'reviewDiastolicAbove', label: 'Review: diastolic at screening above (mmHg)' },
  { key: 'minimumAgeYears', label: 'Review: younger than (years)' },
  { key: 'abstinenceMonths', label: 'Active substance use declines unless abstinent for (months)' },
  { key: 'requiredFailedTrials', label: 'Treatment-resistant depression: failed adequate trials' },
] as const;

type Threshold = (typeof THRESHOLDS)[number]['key'];

function valuesOf(settings: RuleSettings): Record<Threshold | 'reason', string> {
  const values = { reason: '' } as Record<Threshold | 'reason', string>;
  THRESHOLDS.forEach(({ key }) => (values[key] = String(settings[key])));
  return values;
}

/**
 * The clinic's settings the services let an administrator see: the eligibility rule thresholds (each change a new
 * version with its reason; proposals name the version they used) and the dose range dose plans are signed within.
 * {@code zone} is the chosen site's, on whose clock the changes are shown.
 */
export function SettingsSection(props: { zone: string }) {
  const [versions, setVersions] = useState<RuleSettings[] | null>(null);
  const [dose, setDose] = useState<DoseRange | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    try {
      const [found, range] = await Promise.all([adminApi.ruleSettings(), adminApi.doseRange()]);
      setVersions(found);
      setDose(range);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  };
  useEffect(() => {
    load();
  }, []);
  const [saved, setSaved] = useState<number | null>(null);
  const current = versions && versions.length > 0 ? versions[versions.length - 1] : null;
  return (
    <>
      <ProblemView error={error} />
      {current && (
        <Thresholds
          key={current.version}
          current={current}
          onReload={load}
          onSaved={async (version) => {
            await load();
            setSaved(version);
          }}
        />
      )}
      {saved !== null && current?.version === saved && (
        <p class="result" role="status" id="thresholds-saved">
          Saved as version {saved}.
        </p>
      )}
      {versions && versions.length > 0 && (
        <section aria-labelledby="rule-versions-heading">
          <h2 id="rule-versions-heading">Versions of the thresholds</h2>
          <div class="table-scroll" tabIndex={0} role="region" aria-label="Versions of the thresholds, scrollable">
            <table id="rule-versions">
              <caption class="visually-hidden">Every version of the eligibility thresholds, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">When ({zoneLabel(props.zone)})</th>
                  <th scope="col">By</th>
                  <th scope="col">Reason</th>
                  {THRESHOLDS.map((t) => (
                    <th scope="col" key={t.key}>
                      {t.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...versions].reverse().map((v) => (
                  <tr key={v.version}>
                    <td>{v.version}</td>
                    <td>{whenOn(v.changedAt, props.zone)}</td>
                    <td>{v.changedBy}</td>
                    <td>{v.reason}</td>
                    {THRESHOLDS.map((t) => (
                      <td key={t.key}>{v[t.key]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {dose && (
        <section aria-labelledby="dose-heading">
          <h2 id="dose-heading">Dose plans</h2>
          <p id="dose-range">
            A clinician signs dose plans from {dose.minMgPerKg} to {dose.maxMgPerKg} mg/kg; a new plan starts at{' '}
            {dose.defaultMgPerKg} mg/kg.
          </p>
          <p class="muted">
            Set in intake's configuration (clinic.intake.dose, see docs/clinical-rules.md), not on this page.
          </p>
        </section>
      )}
    </>
  );
}

function Thresholds(props: {
  current: RuleSettings;
  onReload: () => Promise<void>;
  onSaved: (version: number) => Promise<void>;
}) {
  const { current } = props;
  const form = useFormState(valuesOf(current));
  return (
    <section aria-labelledby="thresholds-heading">
      <h2 id="thresholds-heading">Eligibility rule thresholds</h2>
      <p class="muted">
        Version {current.version}, set by {current.changedBy}: “{current.reason}”. A change adds a version: later
        proposals use it, earlier ones keep theirs.
      </p>
      <AdminForm
        id="thresholds-form"
        label="Eligibility rule thresholds"
        submit="Save as a new version"
        busy={form.busy}
        error={form.error}
        onSubmit={() =>
          form.run(async () => {
            const numbers = Object.fromEntries(THRESHOLDS.map(({ key }) => [key, Number(form.values[key])]));
            const changed = await adminApi.changeRuleSettings(numbers, form.values.reason, current.version);
            await props.onSaved(changed.settings.version);
          })
        }
        problem={
          <FormProblem
            id="thresholds-form-problem"
            error={form.error}
            fields={[...THRESHOLDS.map((t) => t.key), 'reason']}
            onReload={() => props.onReload()}
          />
        }
      >
        {THRESHOLDS.map((t) => (
          <Field
            key={t.key}
            id={'threshold-' + t.key}
            type="number"
            label={t.label}
            value={form.values[t.key]}
            onValue={form.set(t.key)}
            error={form.errors[t.key]}
          />
        ))}
        <Field
          id="threshold-reason"
          label="Reason for the change"
          value={form.values.reason}
          onValue={form.set('reason')}
          error={form.errors.reason}
          required
        />
      </AdminForm>
    </section>
  );
}
