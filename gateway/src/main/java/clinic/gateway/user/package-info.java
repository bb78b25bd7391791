/**
 * Who is signed in, as the pages need to know it: {@code GET /api/me}, answered by the gateway itself from the
 * session's OIDC user (no service call, no token leaves the gateway).
 */
package clinic.gateway.user;
