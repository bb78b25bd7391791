/**
 * The gateway's audit trail: the calls to {@code /api/**} it refuses itself never reach a service, so it records them
 * in its own append-only table ({@code gateway_audit_log}, the same shape as the services' {@code audit_log}), and
 * serves that table to administrators at {@code /api/gateway-audit}.
 */
package clinic.gateway.audit;
