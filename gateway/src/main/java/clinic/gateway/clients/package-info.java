/**
 * Integration clients, administered from the admin page: other systems' OAuth 2 clients in Keycloak, created, listed
 * and revoked through Keycloak's admin REST API with the gateway's own client-administration credentials.
 */
@NullMarked
package clinic.gateway.clients;

import org.jspecify.annotations.NullMarked;
