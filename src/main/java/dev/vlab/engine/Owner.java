package dev.vlab.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The vlab process that created something: its host, process id and start time. Written into a
 * label and the run folder's marker, it lets {@code vlab clean} tell a run that is still going from
 * one whose process was killed, even when the process id has since been reused.
 *
 * @param started the process's start time in epoch milliseconds, or 0 when the system hides it
 */
public record Owner(String host, long pid, long started) {
  /** What can be said about an owner from this host. */
  public enum Status {
    /** Its process still runs here: its run is in use. */
    RUNNING,
    /** Its process is gone from this host: what it left is a leftover. */
    GONE,
    /** It ran on another host, whose processes vlab cannot see. */
    ELSEWHERE
  }

  private static final String HOST = hostName();
  private static final Owner CURRENT = of(ProcessHandle.current());

  /** This vlab process. */
  public static Owner current() {
    return CURRENT;
  }

  static Owner of(ProcessHandle process) {
    long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    return new Owner(HOST, process.pid(), started);
  }

  /** The label form, {@code host/pid/started}. */
  public String label() {
    return host + "/" + pid + "/" + started;
  }

  /** Reads the label form; empty when it is missing or not vlab's format. */
  public static Optional<Owner> parse(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String[] parts = label.strip().split("/");
    try {
      return parts.length == 3
          ? Optional.of(new Owner(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether the process still runs: same pid and, where known, the same start time. */
  public Status status() {
    if (!host.equals(HOST)) {
      return Status.ELSEWHERE;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return Status.GONE;
    }
    long now = of(process.get()).started();
    // Start times are reported to the clock tick; a reused pid started much later.
    boolean reused = started != 0 && now != 0 && Math.abs(now - started) > 2000;
    return reused ? Status.GONE : Status.RUNNING;
  }

  /** For people: "vlab pid 4242 on vm". */
  public String describe() {
    return "vlab pid " + pid + " on " + host;
  }

  /** The kernel's host name, which DNS cannot slow down; the JDK's answer elsewhere. */
  private static String hostName() {
    try {
      Path kernel = Path.of("/proc/sys/kernel/hostname");
      // Files under /proc report size 0, so read them line by line, not by size.
      if (Files.isReadable(kernel)) {
        return Files.readAllLines(kernel).get(0).strip();
      }
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }
}
