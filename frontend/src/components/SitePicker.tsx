import { rememberSite } from '../lib/site';

/**
 * The "Site" picker at the top of a page about one site's day. A pick is remembered for the next page this browser
 * opens (`lib/site.ts`), then handed to the page.
 */
export function SitePicker(props: {
  id: string;
  sites: { id: string; name: string }[];
  value: string | null;
  onPick: (siteId: string) => void;
}) {
  return (
    <label>
      Site{' '}
      <select id={props.id} value={props.value ?? ''}
        onChange={(e) => props.onPick(rememberSite((e.target as HTMLSelectElement).value))}>
        {props.sites.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name}
          </option>
        ))}
      </select>
    </label>
  );
}
