package clinic.scheduling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Scheduling plans a cleared patient's course and books each infusion into a chair, inside clinic hours. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SchedulingApplication {

	public static void main(String[] args) {
		SpringApplication.run(SchedulingApplication.class, args);
	}
}
