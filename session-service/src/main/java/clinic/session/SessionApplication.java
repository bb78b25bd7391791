package clinic.session;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Session records the infusion itself: a record opened per booked appointment, vitals, completion. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SessionApplication {

	public static void main(String[] args) {
		SpringApplication.run(SessionApplication.class, args);
	}
}
