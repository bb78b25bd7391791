/**
 * The gateway as an OAuth2 backend-for-frontend: Keycloak login (authorization code with PKCE), tokens kept in the
 * server-side web session and never handed to the browser, a CSRF cookie the pages echo back, a 401 (not a login
 * redirect) for API calls without a session, RP-initiated logout, and Keycloak realm roles as authorities.
 */
package clinic.gateway.security;
