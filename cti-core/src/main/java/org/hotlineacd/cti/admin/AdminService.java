package org.hotlineacd.cti.admin;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The running centre as the admin API sees it. Every operation is asynchronous (changes are
 * validated, written and applied on threads of the implementation's choosing, never on the
 * caller's); reads come from the latest published snapshot and configuration.
 *
 * <p>Changes are checked against a configuration version ({@code ifMatch}, the {@code ETag} of an
 * earlier read, or {@code *} for "whatever is current"): a change made on an older version is
 * refused with {@link AdminReply.Outcome#VERSION_MISMATCH}, one without any with {@link
 * AdminReply.Outcome#VERSION_REQUIRED}.
 */
public interface AdminService {
  /** Who holds this bearer token, or empty when it is no known token. Answers from memory. */
  Optional<Caller> authenticate(String bearerToken);

  /** The live picture: queues, agents, calls in the ACD. */
  CompletableFuture<AdminReply> snapshot();

  /** Every item of a section, in file order. */
  CompletableFuture<AdminReply> list(ConfigSection section);

  /** One item. */
  CompletableFuture<AdminReply> get(ConfigSection section, String id);

  /** Adds an item (its {@code id} is in {@code item}); written to the configuration file and applied. */
  CompletableFuture<AdminReply> create(ConfigSection section, Map<String, Object> item, String ifMatch, Caller who);

  /** Replaces an item; written to the configuration file and applied. */
  CompletableFuture<AdminReply> update(
      ConfigSection section, String id, Map<String, Object> item, String ifMatch, Caller who);

  /** Removes an item; written to the configuration file and applied. */
  CompletableFuture<AdminReply> delete(ConfigSection section, String id, String ifMatch, Caller who);

  /** Forces an agent's state through the engine's inputs. */
  CompletableFuture<AdminReply> forceAgent(String agentId, AgentCommand command, Caller who);

  /** Reads the configuration file again and applies it if it is valid. */
  CompletableFuture<AdminReply> reload(Caller who);

  /** The most recent audit entries, newest first. */
  CompletableFuture<AdminReply> audit(int limit);
}
