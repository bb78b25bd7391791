import { useState } from 'preact/hooks';
import { elapsed, formatTime } from '../../lib/time';
import { calculateDose, mg, plain } from './dose';
import { FormProblem, InputField, Notice, type Submit, missing, numberOf, textOf, useEntry } from './fields';
import type { SessionRecord } from './types';

/**
 * The dose: the calculator with the limits the session service gives (the plan's mg/kg and range, the deviation
 * allowed, for IV the rates at which the dose runs as long as an IV infusion may), then what was given; for a running
 * IV infusion its end (with a reason before the shortest infusion has run).
 */
export function DoseSection(props: { record: SessionRecord; zone: string; now: number; canChart: boolean; submit: Submit }) {
  const { record, zone } = props;
  const plan = record.dosePlan;
  const dosing = record.dosing;
  const open = record.status !== 'COMPLETED' && !record.nurseSignature && !record.clinicianSignature;
  return (
    <section aria-labelledby="dose-heading" id="dose">
      <h2 id="dose-heading">Dose</h2>
      <p id="dose-plan">
        Plan: {plan.route} {plain(plan.mgPerKg)} mg/kg
        {plan.minMgPerKg !== null && plan.maxMgPerKg !== null
          && ` (signed within ${plain(plan.minMgPerKg)}–${plain(plan.maxMgPerKg)} mg/kg)`}
      </p>
      {dosing ? (
        <p id="dose-saved">
          {mg(dosing.doseMg)} mg {plan.route} given by {dosing.administeredBy} at {formatTime(dosing.administeredAt, zone)}{' '}
          (planned {mg(dosing.plannedDoseMg)} mg for {plain(dosing.weightKg)} kg)
          {dosing.infusionRateMgPerHour !== null && ` at ${plain(dosing.infusionRateMgPerHour)} mg/h`}, lot {dosing.drugLot},
          prepared by {dosing.preparedBy}
        </p>
      ) : (
        props.canChart && open && <DoseForm record={record} submit={props.submit} />
      )}
      {record.infusionEnd && (
        <p id="infusion-ended">
          Infusion ended at {formatTime(record.infusionEnd.endedAt, zone)} by {record.infusionEnd.endedBy}
          {record.infusionEnd.reason && ': ' + record.infusionEnd.reason}
        </p>
      )}
      {dosing && record.phase === 'INFUSION' && (
        <>
          <p id="infusion-running">
            Infusing since {formatTime(dosing.administeredAt, zone)} ({elapsed(dosing.administeredAt, new Date(props.now))}).
          </p>
          {props.canChart && open && <InfusionEndForm record={record} now={props.now} submit={props.submit} />}
        </>
      )}
    </section>
  );
}

function DoseForm(props: { record: SessionRecord; submit: Submit }) {
  const { record } = props;
  const plan = record.dosePlan;
  const limits = record.doseLimits;
  const [weight, setWeight] = useState('');
  const [dose, setDose] = useState('');
  const [rate, setRate] = useState('');
  const [lot, setLot] = useState('');
  const [preparedBy, setPreparedBy] = useState('');
  const entry = useEntry(props.submit);
  const calc = calculateDose(plan, limits, numberOf(weight) ?? 0, numberOf(dose), numberOf(rate));
  const iv = plan.route === 'IV';

  function onSubmit(event: Event) {
    event.preventDefault();
    const body = {
      weightKg: numberOf(weight),
      doseMg: numberOf(dose),
      infusionRateMgPerHour: iv ? numberOf(rate) : null,
      drugLot: textOf(lot),
      preparedBy: textOf(preparedBy),
    };
    const empty = missing({
      weightKg: body.weightKg,
      ...(iv ? { infusionRateMgPerHour: body.infusionRateMgPerHour } : {}),
      drugLot: body.drugLot,
      preparedBy: body.preparedBy,
    });
    if (empty) {
      entry.refuse(empty);
      return;
    }
    const given = calc ? mg(calc.doseMg) : '?';
    void entry.send({ step: 'dose', body, label: `Dose ${given} mg ${plan.route}`, versioned: true }, () => undefined);
  }

  const before = [
    !record.checkIn && 'check the patient in',
    !record.vitals.some((v) => v.phase === 'PRE_DOSE') && 'record the pre-dose vitals',
    record.awaitingBpConfirmation && 'have a clinician confirm the pre-dose blood pressure',
  ].filter(Boolean);
  return (
    <form id="dose-form" novalidate onSubmit={onSubmit}>
      {before.length > 0 && <p class="muted" id="dose-before">Before the dose: {before.join(', ')}.</p>}
      <FormProblem problem={entry.problem} id="dose-problem" what="The dose was not recorded"
        fields={['weightKg', 'doseMg', 'infusionRateMgPerHour', 'drugLot', 'preparedBy']} />
      <div class="row">
        <InputField id="dose-weight" label="Weight at the chair (kg)" type="number" inputMode="decimal" step="0.1" value={weight}
          onInput={setWeight} error={entry.error('weightKg')} required />
        <InputField id="dose-mg" label="Dose (mg), empty for the planned dose" type="number" inputMode="decimal" step="0.01"
          value={dose} onInput={setDose} error={entry.error('doseMg')}
          hint={calc && `Allowed ${mg(calc.allowedMinMg)}–${mg(calc.allowedMaxMg)} mg`} />
        {iv && (
          <InputField id="dose-rate" label="Infusion rate (mg/h)" type="number" inputMode="decimal" step="0.01" value={rate}
            onInput={setRate} error={entry.error('infusionRateMgPerHour')} required
            hint={calc?.rates && `Rates that fit: ${plain(calc.rates.slowest)}–${plain(calc.rates.fastest)} mg/h`} />
        )}
        <InputField id="dose-lot" label="Drug lot" value={lot} onInput={setLot} error={entry.error('drugLot')} required />
        <InputField id="dose-prepared-by" label="Prepared by" value={preparedBy} onInput={setPreparedBy}
          error={entry.error('preparedBy')} required />
      </div>
      <div class="calculator" id="dose-calculator">
        {!calc ? (
          <p>Enter the weight at the chair: the planned dose is {plain(plan.mgPerKg)} mg/kg × the weight.</p>
        ) : (
          <ul>
            <li id="dose-planned">
              Planned: {plain(plan.mgPerKg)} mg/kg × {plain(numberOf(weight)!)} kg = <strong>{mg(calc.plannedMg)} mg</strong>{' '}
              (the clinic takes {mg(calc.allowedMinMg)}–{mg(calc.allowedMaxMg)} mg: ±{plain(limits.planDeviationPercent)} % of
              the plan, within the plan's range)
            </li>
            {numberOf(dose) !== null && (
              <li id="dose-entered" class={calc.doseFits ? undefined : 'warning'}>
                {mg(calc.doseMg)} mg is {plain(calc.mgPerKg)} mg/kg
                {calc.doseFits ? '' : ': outside what the clinic takes for this plan'}
              </li>
            )}
            {calc.rates && (
              <li id="dose-rates">
                Rates that fit: {plain(calc.rates.slowest)}–{plain(calc.rates.fastest)} mg/h (the dose runs{' '}
                {limits.ivInfusionShortestMinutes}–{limits.ivInfusionLongestMinutes} min)
              </li>
            )}
            {calc.atRate && (
              <li id="dose-at-rate" class={calc.atRate.fits ? undefined : 'warning'}>
                At {plain(numberOf(rate)!)} mg/h the dose runs {plain(calc.atRate.minutes)} min
                {calc.atRate.fits ? '' : ': too ' + (calc.atRate.minutes < limits.ivInfusionShortestMinutes ? 'fast' : 'slow')}
              </li>
            )}
          </ul>
        )}
      </div>
      <button type="submit" id="dose-button" disabled={entry.busy}>
        Record the dose
      </button>
      <Notice text={entry.notice} id="dose-notice" />
    </form>
  );
}

function InfusionEndForm(props: { record: SessionRecord; now: number; submit: Submit }) {
  const [reason, setReason] = useState('');
  const entry = useEntry(props.submit);
  const shortest = props.record.doseLimits.ivInfusionShortestMinutes;
  const ran = Math.floor((props.now - Date.parse(props.record.dosing!.administeredAt)) / 60_000);
  function onSubmit(event: Event) {
    event.preventDefault();
    const why = textOf(reason);
    void entry.send(
      { step: 'infusion-end', body: why ? { reason: why } : {}, label: 'Infusion ended' + (why ? ': ' + why : ''), versioned: false },
      () => setReason(''),
    );
  }
  return (
    <form id="infusion-end-form" novalidate onSubmit={onSubmit}>
      <FormProblem problem={entry.problem} id="infusion-end-problem" what="The end of the infusion was not recorded"
        fields={['reason']} />
      <InputField id="infusion-end-reason" label="Why it ends early" value={reason} onInput={setReason}
        error={entry.error('reason')}
        hint={ran < shortest ? `Needed before ${shortest} min: it has run ${ran} min` : 'Not needed: the infusion has run its time'} />
      <button type="submit" id="infusion-end-button" disabled={entry.busy}>
        End the infusion
      </button>
      <Notice text={entry.notice} id="infusion-end-notice" />
    </form>
  );
}
