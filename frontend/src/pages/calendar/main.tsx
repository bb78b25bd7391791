import { render } from 'preact';
import { Shell } from '../../components/Shell';
import '../../styles/clinic.css';
import { Calendar, placeFromUrl } from './Calendar';

const place = placeFromUrl(window.location.search);

render(
  <Shell active="calendar" title="Calendar">
    {(me) => <Calendar me={me} initial={place} />}
  </Shell>,
  document.getElementById('app')!,
);
