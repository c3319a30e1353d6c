package dev.vlab;

/**
 * A failure to report to the user: a message that says what went wrong and what to do, and the exit
 * code to leave with. Stack traces are shown only with {@code -v}.
 */
public class VlabException extends RuntimeException {
  private final int exitCode;

  public VlabException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public VlabException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public static VlabException usage(String message) {
    return new VlabException(ExitCode.USAGE, message);
  }

  public static VlabException failed(String message, Throwable cause) {
    return new VlabException(ExitCode.FAILED, message, cause);
  }

  public int exitCode() {
    return exitCode;
  }
}
