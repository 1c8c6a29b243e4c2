package org.hotlineacd.acd.cases;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): {@code v1,} followed by the
 * base64 HMAC-SHA256 of {@code id.timestamp.body} under the shared secret. A secret written as
 * {@code whsec_<base64>} (the Standard Webhooks form) is base64-decoded to its key bytes; any
 * other secret is used as its UTF-8 bytes. Immutable and thread-safe.
 */
public final class WebhookSigner {
  /** The prefix of a Standard Webhooks secret. */
  public static final String SECRET_PREFIX = "whsec_";
  private static final String HMAC = "HmacSHA256";

  private final byte[] key;

  /** A signer with this shared secret. */
  public WebhookSigner(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the webhook secret must not be empty");
    }
    this.key = secret.startsWith(SECRET_PREFIX)
        ? Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()))
        : secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code webhook-signature} header value for a message. */
  public String sign(String webhookId, long timestampSeconds, String body) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      byte[] digest = mac.doFinal((webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /**
   * Whether a {@code webhook-signature} header (space-separated signatures) holds a valid v1
   * signature of the message; compared in constant time. Receivers do this (the tests do).
   */
  public boolean verify(String webhookId, long timestampSeconds, String body, String signatureHeader) {
    byte[] expected = sign(webhookId, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
    for (String candidate : signatureHeader.trim().split(" +")) {
      if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }
}
