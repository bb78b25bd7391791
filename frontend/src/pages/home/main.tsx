import { render } from 'preact';
import { Shell } from '../../components/Shell';
import '../../styles/clinic.css';
import { Home } from './Home';

render(
  <Shell active="home" title="Ketamine clinic">
    {(me) => <Home me={me} />}
  </Shell>,
  document.getElementById('app')!,
);
