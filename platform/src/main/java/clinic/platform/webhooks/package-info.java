/**
 * Webhooks: an administrator subscribes a URL to some of the event types this service publishes, and each such event
 * is sent there as a CloudEvent over HTTP (binary mode), signed as the Standard Webhooks specification says (an
 * HMAC-SHA256 with the subscription's own secret). A delivery is a row written in the same transaction as the event
 * ({@link WebhookRecorder}), so a delivery is never lost and never made for a change that rolled back; the
 * {@link WebhookDispatcher} sends due rows on a schedule, any number of replicas side by side, and retries with
 * exponential backoff and jitter until the receiver answers 2xx or the attempts or the age run out (then the delivery
 * is FAILED, the dead letter an administrator can replay). Everything it knows is in the database, so a restart
 * loses nothing. Switched on per service with {@code clinic.webhooks.enabled}.
 * <p>
 * Its times are real time (the system clock), not the clinic's clock: a clinic clock run ahead for training
 * ({@code clinic.clock.offset}) would make every receiver refuse the signature's {@code webhook-timestamp}, and
 * retries, backoff and claims are about receivers and networks in the real world, not about the clinic's day.
 */
package clinic.platform.webhooks;
