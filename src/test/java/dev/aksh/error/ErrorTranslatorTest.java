package dev.aksh.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ErrorTranslatorTest {
    @Test
    void networkFailuresAreNetworkErrorsWhereverTheyAreWrapped() {
        AkshException e = ErrorTranslator.translate(new CompletionException(new UncheckedIOException(
                new java.io.IOException("send failed", new ConnectException("Connection refused")))), List.of());
        assertThat(e.exitCode()).isEqualTo(ExitCode.NETWORK);
        assertThat(e.oneLine()).isEqualTo("cannot connect: Connection refused; check the network (and any proxy) and retry");
        assertThat(ErrorTranslator.translate(new UnknownHostException("management.azure.com"), List.of()).exitCode())
                .isEqualTo(ExitCode.NETWORK);
    }

    @Test
    void cancellationIsInterrupted() {
        assertThat(ErrorTranslator.translate(new CancellationException(), List.of()).exitCode()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(ErrorTranslator.translate(new RuntimeException(new InterruptedException()), List.of()).exitCode())
                .isEqualTo(ExitCode.INTERRUPTED);
    }

    @Test
    void specificTranslatorsWinAndAnythingUnknownIsABugWithAPointerToDetails() {
        ErrorTranslator arm = t -> t instanceof IllegalArgumentException ? AkshException.notFound("gone", null) : null;
        assertThat(ErrorTranslator.translate(new RuntimeException(new IllegalArgumentException()), List.of(arm)).exitCode())
                .isEqualTo(ExitCode.NOT_FOUND);
        AkshException bug = ErrorTranslator.translate(new NullPointerException("x is null"), List.of(arm));
        assertThat(bug.exitCode()).isEqualTo(ExitCode.INTERNAL);
        assertThat(bug.oneLine()).isEqualTo("unexpected error: NullPointerException: x is null; run 'stacktrace' for details and report it");
    }

    @Test
    void exitCodesAreDistinctAndKeepClearOfSmallRemoteStatuses() {
        assertThat(List.of(ExitCode.values())).extracting(ExitCode::code).doesNotHaveDuplicates();
        for (ExitCode c : ExitCode.values()) {
            if (c != ExitCode.OK && c != ExitCode.INTERRUPTED) {
                assertThat(c.code()).isBetween(64, 78);
            }
        }
    }
}
