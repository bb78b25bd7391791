/**
 * What the gateway answers while a part it depends on is down: a service (unreachable, too slow, broken off) or its
 * own session store. Problem+json with the right status and, where waiting helps, {@code Retry-After}; never a bare
 * 500 or a 30-second hang (the timeouts are settings in application.yml).
 */
package clinic.gateway.outage;
