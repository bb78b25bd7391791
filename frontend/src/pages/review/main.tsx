import { render } from 'preact';
import { Shell } from '../../components/Shell';
import '../../styles/clinic.css';
import { Review } from './Review';

render(
  <Shell active="review" title="Review">
    {(me) => <Review me={me} />}
  </Shell>,
  document.getElementById('app')!,
);
