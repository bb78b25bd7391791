import { render } from 'preact';
import { Shell } from '../../components/Shell';
import '../../styles/clinic.css';
import { Patients } from './Patients';

render(
  <Shell active="patients" title="Patients">
    {(me) => <Patients me={me} />}
  </Shell>,
  document.getElementById('app')!,
);
