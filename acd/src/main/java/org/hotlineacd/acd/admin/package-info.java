/**
 * Administration of a running centre: configuration changes from the admin API, the file and
 * SIGHUP, validated first and applied atomically on the engine thread, written back to the
 * configuration file with its comments kept, and audited. See docs/admin-api.md and the reload
 * section of docs/configuration.md.
 */
package org.hotlineacd.acd.admin;
