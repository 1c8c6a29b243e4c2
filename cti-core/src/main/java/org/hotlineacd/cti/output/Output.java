package org.hotlineacd.cti.output;

/**
 * Everything the engine emits: commands for the PBX and notices for agent desktops. The engine
 * collects them during a batch and the loop flushes them to the ports at the end of the batch.
 */
public sealed interface Output permits TelephonyCommand, AgentNotice {}
