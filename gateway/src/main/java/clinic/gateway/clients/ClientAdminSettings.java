package clinic.gateway.clients;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * The gateway's credentials for Keycloak's admin REST API ({@code clinic.gateway.clients}): a client of its own
 * whose service account may manage the realm's clients and nothing else (not users, not the realm). Both are
 * required: the gateway refuses to start without them.
 *
 * @param adminClientId the client-administration client ({@code clinic-client-admin} in the realm file)
 * @param adminClientSecret its secret
 */
@Validated
@ConfigurationProperties("clinic.gateway.clients")
public record ClientAdminSettings(@NotBlank String adminClientId, @NotBlank String adminClientSecret) {
}
