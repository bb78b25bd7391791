import { render } from 'preact';
import { Shell } from '../../components/Shell';
import '../../styles/clinic.css';
import { Today } from './Today';

const site = new URLSearchParams(window.location.search).get('site');

render(
  <Shell active="today" title="Today">
    {(me) => <Today me={me} siteFromUrl={site} />}
  </Shell>,
  document.getElementById('app')!,
);
