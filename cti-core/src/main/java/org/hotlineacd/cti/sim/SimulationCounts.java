package org.hotlineacd.cti.sim;

/**
 * What the simulated hotline has done so far: a snapshot for tests, demos and reports.
 *
 * @param callsGenerated callers who dialled in ({@code CallArrived} sent)
 * @param callsAbandoned callers whose patience ran out before an agent was connected
 * @param callsConnected calls the ACD connected to an agent ({@code ConnectCall} received)
 * @param callsEndedByCaller connected calls the caller ended
 * @param callsEndedByAgent connected calls the agent ended
 * @param callsHungUpByAcd calls the ACD hung up ({@code HangUpCall})
 * @param callsRouted calls the ACD sent elsewhere ({@code RouteCall})
 * @param announcementsHeard position announcements played to a waiting caller
 * @param ringsOffered agent phones rung ({@code RingAgent})
 * @param ringsAnswered rings the agent picked up ({@code AgentLegAnswered} sent)
 * @param ringsUnanswered rings the ACD cancelled before the agent picked up
 * @param ringsBusy rings refused because the phone was already in use ({@code AgentLegFailed})
 * @param logins logins sent
 * @param logouts logouts the ACD accepted
 * @param breaksStarted breaks that began (the agent went not ready for a break reason)
 * @param requestsSent agent requests submitted
 * @param requestsRefused agent requests the ACD refused
 */
public record SimulationCounts(
    long callsGenerated,
    long callsAbandoned,
    long callsConnected,
    long callsEndedByCaller,
    long callsEndedByAgent,
    long callsHungUpByAcd,
    long callsRouted,
    long announcementsHeard,
    long ringsOffered,
    long ringsAnswered,
    long ringsUnanswered,
    long ringsBusy,
    long logins,
    long logouts,
    long breaksStarted,
    long requestsSent,
    long requestsRefused) {}
