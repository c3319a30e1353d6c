package dev.vlab;

/** Every exit code vlab returns, in one place so that {@code --help} and the code agree. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int NOT_AS_EXPECTED = 1;
  public static final int USAGE = 2;
  public static final int ENGINE_UNREACHABLE = 3;
  public static final int FAILED = 4;

  /** Lines for the {@code Exit codes:} section of {@code --help}. */
  public static final String[] HELP = {
    "0:Every scenario behaved as its lab file expects; every check or self-test passed.",
    "1:A scenario did not behave as expected, a check did not pass, or a self-test did not.",
    "2:Bad input: an unknown option or id, or a mistake in a lab or exercise file.",
    "3:No Docker engine answered, or it speaks an API version vlab cannot use.",
    "4:Something else failed: the image build, a container that would not start."
  };

  private ExitCode() {}
}
