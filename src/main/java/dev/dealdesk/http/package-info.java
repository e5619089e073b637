/**
 * The HTTP decision service ({@code dealdesk serve}) on the JDK's own HTTP server: JSON endpoints
 * under {@code /v1}, health and readiness probes, Prometheus metrics and the OpenAPI description,
 * with RFC 9457 problems for every error. It is a thin layer over the {@link dev.dealdesk.DealDesk}
 * façade, which owns hot reload and the audit log.
 */
package dev.dealdesk.http;
