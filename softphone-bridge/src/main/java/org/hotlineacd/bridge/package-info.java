/**
 * The network edge on Netty: agent WebSocket sessions and pages, the wallboard feed, the admin
 * API, the Prometheus scrape endpoint and health. It reaches the engine only through the ports in
 * {@code cti-core}. {@code server} holds the HTTP server and its routes, {@code agent} the agent
 * protocol and sessions, {@code auth} the secret hashing scheme.
 */
package org.hotlineacd.bridge;
