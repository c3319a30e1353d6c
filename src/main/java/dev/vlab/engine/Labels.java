package dev.vlab.engine;

import java.util.Map;

/** The labels vlab puts on everything it creates, so that it only ever removes its own. */
public final class Labels {
  public static final String MANAGED = "dev.vlab.managed";
  public static final String RUN = "dev.vlab.run";
  public static final String LAB = "dev.vlab.lab";
  public static final String SOURCE_HASH = "dev.vlab.source-hash";
  public static final String BUILD = "dev.vlab.build";

  /** The vlab process that created the object, as {@link Owner#label()} writes it. */
  public static final String OWNER = "dev.vlab.owner";

  private Labels() {}

  public static Map<String, String> forRun(String runId, String labId) {
    return Map.of(MANAGED, "true", RUN, runId, LAB, labId, OWNER, Owner.current().label());
  }

  /** True when the labels say the object belongs to this run of vlab. */
  public static boolean belongsTo(Map<String, String> labels, String runId) {
    return labels != null && "true".equals(labels.get(MANAGED)) && runId.equals(labels.get(RUN));
  }
}
