import type { Me } from '../../lib/me';
import { linksFor } from '../../components/Shell';

/** The home page: a card for each page the user's roles may use, from the navigation's one list. */
export function Home(props: { me: Me }) {
  const links = linksFor(props.me.roles);
  if (links.length === 0) {
    return (
      <p id="home-no-pages" class="problem" role="status">
        Your account has no page of the web UI: it is for other clinic systems, which use the services' APIs.
      </p>
    );
  }
  return (
    <ul class="cards" aria-label="Pages">
      {links.map((link) => (
        <li key={link.key}>
          <a href={link.href} id={'home-' + link.key}>
            <strong>{link.label}</strong>
            <span class="muted">{link.purpose}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
