/**
 * The administration port: what the admin API at the network edge may ask of the running centre
 * (read the live snapshot and the configuration, change lines, queues, skills and agents, force an
 * agent's state, reload, read the audit log). The edge depends on these types only; the {@code
 * acd} module implements them. Bodies are JSON-ready values: maps, lists, strings, numbers,
 * booleans.
 */
package org.hotlineacd.cti.admin;
