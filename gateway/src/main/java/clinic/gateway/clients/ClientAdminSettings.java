package clinic.gateway.clients;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's credentials for Keycloak's admin REST API ({@code clinic.gateway.clients}): a client of its own
 * whose service account may manage the realm's clients and nothing else (not users, not the realm).
 *
 * @param adminClientId the client-administration client ({@code clinic-client-admin} in the realm file)
 * @param adminClientSecret its secret
 */
@ConfigurationProperties("clinic.gateway.clients")
public record ClientAdminSettings(String adminClientId, String adminClientSecret) {
}
