/**
 * The network edge on Netty: agent WebSocket sessions and pages, the wallboard feed, the admin
 * API, the Prometheus scrape endpoint and health. It reaches the engine only through the ports in
 * {@code cti-core}; the server itself arrives with the softphone-bridge issue.
 */
package org.hotlineacd.bridge;
