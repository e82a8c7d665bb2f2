package dev.cwlifecycle.callback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Callback intake: {@code cw.callback.*}. {@link #answerWithin} bounds the key fetch and the re-read together, inside
 * ConnectWise's 5 s: a slow key fetch or re-read ends in a 429 or a pending mark, never in ConnectWise giving up on us.
 */
@ConfigMapping(prefix = "cw.callback")
public interface CallbackConfig {

    /** Larger bodies are refused with 413 before they are parsed. */
    @WithDefault("262144")
    int maxBodyBytes();

    /** How long a signing key fetched from a {@code key_url} is reused for that same {@code key_url}. */
    @WithDefault("PT1H")
    Duration keyCacheTtl();

    /** Connect and answer timeout for fetching a signing key. */
    @WithDefault("PT1.5S")
    Duration keyFetchTimeout();

    /** How long a re-read of the member may take before the member is left pending for the next sync. */
    @WithDefault("PT2S")
    Duration rereadTimeout();

    /** The key fetch and the re-read of one callback end within this of its arrival; below ConnectWise's 5 s. */
    @WithDefault("PT4S")
    Duration answerWithin();
}
