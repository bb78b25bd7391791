import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { csrfToken } from '../lib/api';
import { type Me, type Role, loadMe } from '../lib/me';

/** A link of the main navigation, shown only to the roles that may use the page behind it. */
export interface NavLink {
  key: string;
  href: string;
  label: string;
  /** What the page is for, in the staff's words: the home page's card. */
  purpose: string;
  roles: Role[];
}

export const NAV: NavLink[] = [
  {
    key: 'today',
    href: '/today.html',
    label: 'Today',
    purpose: "The day's chairs at a site: who is where, at which stage, readings due and alerts.",
    roles: ['front-desk', 'nurse', 'clinician', 'admin'],
  },
  {
    key: 'patients',
    href: '/patients.html',
    label: 'Patients',
    purpose: 'Register a patient with a referral, find a patient, open their chart, screening and decisions.',
    roles: ['front-desk', 'nurse', 'clinician', 'admin'],
  },
  {
    key: 'calendar',
    href: '/calendar.html',
    label: 'Calendar',
    purpose: "A site's chairs by day or week: book free times, plan whole courses, reschedule, cancel, the waitlist.",
    roles: ['front-desk', 'nurse', 'clinician', 'admin'],
  },
  {
    key: 'consultations',
    href: '/consultations.html',
    label: 'Consultations',
    purpose: "Referred patients' consultations: booked, moved and cancelled by the front desk; each clinician's own day.",
    roles: ['front-desk', 'clinician', 'admin'],
  },
  {
    key: 'sessions',
    href: '/sessions.html',
    label: 'Sessions',
    purpose: 'The session chart at the chair: check-in, vitals, the dose, discharge and sign-off.',
    roles: ['nurse', 'clinician', 'admin'],
  },
  {
    key: 'review',
    href: '/review.html',
    label: 'Review',
    purpose: 'What waits for a clinician: screenings to decide, high blood pressures to confirm, discharges to co-sign.',
    roles: ['clinician', 'admin'],
  },
  {
    key: 'admin',
    href: '/admin.html',
    label: 'Admin',
    purpose: 'Sites, rooms, chairs, hours, the nurse rota, consultation slots, clinic settings and the utilisation report.',
    roles: ['admin'],
  },
];

/** The links a user with these roles sees, in order. */
export function linksFor(roles: string[]): NavLink[] {
  return NAV.filter((link) => link.roles.some((role) => roles.includes(role)));
}

/**
 * Every page's frame: the navigation for the signed-in user's roles, the user's name, the logout button (a real form
 * post: the gateway ends the Keycloak session itself and sends the browser home, hence to Keycloak's login), and
 * the page in a main landmark.
 */
export function Shell(props: { active: string; title: string; children: (me: Me) => ComponentChildren }) {
  const [me, setMe] = useState<Me | null>(null);
  const [unknown, setUnknown] = useState(false);
  useEffect(() => {
    loadMe().then(setMe, () => setUnknown(true));
    document.title = props.title + ' · Ketamine clinic';
  }, [props.title]);
  const [token, setToken] = useState('');
  return (
    <>
      <header>
        <nav class="nav" aria-label="Main">
          <a href="/" class="brand">Ketamine clinic</a>
          <ul class="nav-links">
            {me &&
              linksFor(me.roles).map((link) => (
                <li key={link.key}>
                  <a href={link.href} id={'nav-' + link.key} aria-current={link.key === props.active ? 'page' : undefined}>
                    {link.label}
                  </a>
                </li>
              ))}
          </ul>
          <span id="nav-user" class="nav-user">
            {me && <span id="nav-user-name">{me.name || me.username}</span>}
          </span>
          <form id="logout-form" method="post" action="/logout" onSubmit={() => setToken(csrfToken() ?? '')}>
            <input type="hidden" name="_csrf" value={token} />
            <button type="submit" id="logout-button">Log out</button>
          </form>
        </nav>
      </header>
      <main>
        <h1>{props.title}</h1>
        {me ? (
          props.children(me)
        ) : unknown ? (
          <p class="problem" role="alert" id="me-problem">
            The clinic's services did not answer who you are, so this page cannot show anything yet. Try again in a
            moment: <a href={window.location.href}>reload the page</a>.
          </p>
        ) : (
          <p class="muted">Loading…</p>
        )}
      </main>
    </>
  );
}
