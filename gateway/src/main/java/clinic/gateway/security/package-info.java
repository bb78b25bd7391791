/**
 * The gateway as an OAuth2 backend-for-frontend: Keycloak login (authorization code with PKCE), tokens kept in the
 * server-side web session and never handed to the browser, a CSRF token kept in that session and handed to the
 * pages masked in a cookie they echo back, changes accepted only from the gateway's own origin, a 401 (not a login
 * redirect) for API calls without a session, logout that ends the Keycloak session server-side, and Keycloak realm
 * roles as authorities.
 */
package clinic.gateway.security;
