package clinic.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The clinic's front door: a backend-for-frontend that logs people in with Keycloak, keeps their tokens in a
 * server-side session, relays an access token to the services, and serves the plain web pages.
 */
@SpringBootApplication
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
