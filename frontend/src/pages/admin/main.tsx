import { render } from 'preact';
import { Shell } from '../../components/Shell';
import { hasAnyRole } from '../../lib/me';
import '../../styles/clinic.css';
import { Admin, sectionFrom } from './Admin';

const site = new URLSearchParams(window.location.search).get('site');

render(
  <Shell active="admin" title="Admin">
    {(me) =>
      hasAnyRole(me, 'admin') ? (
        <Admin me={me} siteFromUrl={site} section={sectionFrom(window.location.hash)} />
      ) : (
        <p id="admin-not-allowed" class="problem" role="alert">
          This page is for the clinic's administrators. Your role does not include looking after sites, staff or
          settings.
        </p>
      )
    }
  </Shell>,
  document.getElementById('app')!,
);
