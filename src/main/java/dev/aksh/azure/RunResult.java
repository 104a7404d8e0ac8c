package dev.aksh.azure;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A finished run command, as {@code commandResults/{id}} reports it; also the shape of
 * {@code invoke -o json}.
 *
 * @param provisioningState "Succeeded"/"succeeded" or "Failed"/"failed" (both spellings occur)
 * @param exitCode the remote command's exit status (absent when it did not run)
 * @param logs stdout and stderr together, as AKS returns them (cut at 512 kB)
 * @param reason why it did not run, when it failed
 */
public record RunResult(String id, String provisioningState, Integer exitCode, OffsetDateTime startedAt,
        OffsetDateTime finishedAt, String logs, String reason) {

    public boolean succeeded() {
        return provisioningState != null && provisioningState.toLowerCase(Locale.ROOT).equals("succeeded");
    }

    public boolean failed() {
        return provisioningState != null && provisioningState.toLowerCase(Locale.ROOT).equals("failed");
    }
}
