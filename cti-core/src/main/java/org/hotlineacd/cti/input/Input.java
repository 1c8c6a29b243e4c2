package org.hotlineacd.cti.input;

/**
 * Everything the engine accepts on its inbox: a closed family, so the engine's dispatch is a
 * {@code switch} with no {@code default} and a new input does not compile until every handler
 * decides what it means.
 */
public sealed interface Input permits TelephonyEvent, AgentRequest {}
