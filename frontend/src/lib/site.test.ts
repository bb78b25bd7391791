import { beforeEach, describe, expect, it } from 'vitest';
import { chooseSite, rememberSite } from './site';

const sites = [{ id: 'main' }, { id: 'lakeside' }];

describe('the site a page shows first', () => {
  beforeEach(() => window.localStorage.clear());

  it('is the first site for a browser that never picked one', () => {
    expect(chooseSite(sites, null)).toBe('main');
  });

  it('is the one last picked on any page', () => {
    rememberSite('lakeside');
    expect(chooseSite(sites, null)).toBe('lakeside');
  });

  it('is the one the URL names, before the remembered one', () => {
    rememberSite('lakeside');
    expect(chooseSite(sites, 'main')).toBe('main');
  });

  it('gives way to the first when the remembered or named site is gone', () => {
    rememberSite('closed-site');
    expect(chooseSite(sites, 'unknown')).toBe('main');
    expect(chooseSite([], null)).toBeNull();
  });
});
