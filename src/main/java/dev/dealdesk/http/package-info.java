/**
 * The HTTP decision service ({@code dealdesk serve}) on Jetty's core handlers: JSON endpoints
 * under {@code /v1}, health and readiness probes, Prometheus metrics and the OpenAPI description
 * ({@code OpenApiDescription}, its deal made from the deal's JSON Schema), with RFC 9457 problems
 * for every error, Jetty's own included. It bounds what a client can hold: timeouts for idle and
 * slow connections, and limits on bodies, batches and the work in flight ({@code Limits}). It is a
 * thin layer over the {@link dev.dealdesk.DealDesk} façade, which owns hot reload and the audit log.
 * It also serves the policy workbench ({@link dev.dealdesk.workbench.Workbench}) at {@code /}, and
 * owns who may use it: the bearer token, or the session cookie the workbench's sign-in sets
 * ({@code WorkbenchAccess}).
 */
package dev.dealdesk.http;
