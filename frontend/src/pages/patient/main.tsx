import { render } from 'preact';
import { Shell } from '../../components/Shell';
import '../../styles/clinic.css';
import { PatientPage } from './PatientPage';

const patientId = new URLSearchParams(window.location.search).get('id');

render(
  <Shell active="patients" title="Patient chart">
    {(me) => <PatientPage me={me} patientId={patientId} />}
  </Shell>,
  document.getElementById('app')!,
);
