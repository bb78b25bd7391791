import { render } from 'preact';
import { Shell } from '../../components/Shell';
import '../../styles/clinic.css';
import { SessionChart } from './SessionChart';
import { SessionList } from './SessionList';

const params = new URLSearchParams(window.location.search);
const appointment = params.get('appointment');

render(
  <Shell active="sessions" title={appointment ? 'Session chart' : 'Sessions today'}>
    {(me) =>
      appointment ? <SessionChart me={me} appointmentId={appointment} /> : <SessionList siteFromUrl={params.get('site')} />}
  </Shell>,
  document.getElementById('app')!,
);
