package dev.vlab;

/** Every exit code vlab returns, in one place so that {@code --help} and the code agree. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int NOT_AS_EXPECTED = 1;
  public static final int USAGE = 2;
  public static final int ENGINE_UNREACHABLE = 3;
  public static final int FAILED = 4;

  /** Stopped by Ctrl-C, as shells report it: 128 + SIGINT. */
  public static final int INTERRUPTED = 130;

  /** Lines for the {@code Exit codes:} section of {@code --help}. */
  public static final String[] HELP = {
    "0:Success: every scenario behaved as its lab expects (or could not show its lesson on"
        + " this engine); every check or self-test passed; doctor found nothing that stops the"
        + " labs; clean removed all it chose.",
    "1:A scenario did not behave as expected, a check did not pass, or a self-test did not.",
    "2:Bad input: an unknown option or id, a mistake in a lab or exercise file, a malformed"
        + " DOCKER_HOST, a missing --labs folder.",
    "3:No Docker engine answered, it went away mid-run, or it speaks an API version vlab"
        + " cannot use.",
    "4:Something else failed: the image build, a container that would not start, a problem"
        + " doctor found, something clean could not remove.",
    "130:Interrupted by Ctrl-C; what the run had created was removed."
  };

  private ExitCode() {}
}
