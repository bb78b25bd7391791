import { render } from 'preact';
import { Shell } from '../../components/Shell';
import '../../styles/clinic.css';
import { Consultations } from './Consultations';

const site = new URLSearchParams(window.location.search).get('site');

render(
  <Shell active="consultations" title="Consultations">
    {(me) => <Consultations me={me} siteFromUrl={site} />}
  </Shell>,
  document.getElementById('app')!,
);
