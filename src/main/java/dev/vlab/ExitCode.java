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
    "0:Every scenario behaved as its lab file expects.",
    "1:At least one scenario did not behave as expected.",
    "2:Bad input: an unknown option or scenario id, or a mistake in a lab file.",
    "3:No Docker engine answered, or it speaks an API version vlab cannot use.",
    "4:Something else failed: the image build, a container that would not start.",
    "130:Interrupted by Ctrl-C; what the run had created was removed."
  };

  private ExitCode() {}
}
