import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Home } from './Home';

describe('the home page', () => {
  it('shows a nurse the cards of her pages only, each saying what it is for', () => {
    render(<Home me={{ username: 'nurse', name: 'Nina Nurse', roles: ['nurse'] }} />);
    const cards = screen.getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(cards).toEqual(['/today.html', '/patients.html', '/calendar.html', '/sessions.html']);
    expect(screen.getByRole('link', { name: /Sessions/ }).textContent).toContain('chart at the chair');
  });

  it('tells an integration account that the web UI has nothing for it', () => {
    render(<Home me={{ username: 'integration', name: '', roles: ['integration'] }} />);
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.getByRole('status').textContent).toContain("services' APIs");
  });
});
