import { api } from './api';

/** The signed-in user as the gateway knows them: name and realm roles. */
export interface Me {
  username: string;
  name: string;
  roles: string[];
}

export type Role = 'front-desk' | 'nurse' | 'clinician' | 'admin' | 'integration';

export function loadMe(): Promise<Me> {
  return api<Me>('GET', '/api/me');
}

export function hasAnyRole(me: Me | null, ...roles: Role[]): boolean {
  return !!me && roles.some((role) => me.roles.includes(role));
}
