package org.hotlineacd.cti.sim;

/** The simulated hotline's mutable tallies; owned by the engine thread like the rest of it. */
final class Counters {
  long callsGenerated;
  long callsAbandoned;
  long callsConnected;
  long callsEndedByCaller;
  long callsEndedByAgent;
  long callsHungUpByAcd;
  long callsRouted;
  long announcementsHeard;
  long ringsOffered;
  long ringsAnswered;
  long ringsUnanswered;
  long ringsBusy;
  long logins;
  long logouts;
  long breaksStarted;
  long requestsSent;
  long requestsRefused;

  SimulationCounts snapshot() {
    return new SimulationCounts(
        callsGenerated, callsAbandoned, callsConnected, callsEndedByCaller, callsEndedByAgent,
        callsHungUpByAcd, callsRouted, announcementsHeard, ringsOffered, ringsAnswered,
        ringsUnanswered, ringsBusy, logins, logouts, breaksStarted, requestsSent, requestsRefused);
  }
}
