package clinic.platform.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;

import clinic.platform.webhooks.WebhookSettings;

/**
 * Webhooks ({@link clinic.platform.webhooks}) for a service that switches them on with
 * {@code clinic.webhooks.enabled=true}: each delivers the events it publishes itself.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnProperty(name = "clinic.webhooks.enabled", havingValue = "true")
@EnableConfigurationProperties(WebhookSettings.class)
@ComponentScan(basePackageClasses = WebhookSettings.class)
public class WebhooksAutoConfiguration {
}
