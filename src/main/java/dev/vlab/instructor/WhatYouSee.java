package dev.vlab.instructor;

import dev.vlab.image.DemoImage;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabMount;
import dev.vlab.lab.LabStep;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a student should see after each step, worked out from the lab file's mounts and what it
 * expects, so the handout cannot promise what the lab does not.
 */
final class WhatYouSee {
  private static final String DATA = DemoImage.DATA_DIR;

  private WhatYouSee() {}

  static String build() {
    return "the build ends by tagging "
        + DemoImage.NAME
        + "; 'docker image ls "
        + DemoImage.NAME
        + "' then lists it.";
  }

  /**
   * @param mount the mount a folder, volume, cat, stat or inspect step is about; null for others
   */
  static String after(Lab lab, LabStep kind, LabMount mount, String note) {
    boolean writes = lab.expect().writeSucceeds();
    return switch (kind) {
      case FOLDER -> "nothing: mkdir and chmod are silent when they work.";
      case VOLUME -> "the volume's name.";
      case RUN, RERUN ->
          "a long container id. The app now runs in the background and answers within a second"
              + " or two.";
      case PORT -> "the address the app is published on.";
      case MOUNTS -> mounts(lab.mounts());
      case WRITE ->
          writes
              ? "{\"saved\":\"" + note + "\"}: the app saved the note."
              : "{\"error\":\"cannot write " + DATA + "/notes.txt: permission denied\", ...}.";
      case LOGS -> logs(LabStep.covers(lab.mounts(), DATA), writes);
      case DIFF ->
          "among the changes, 'A " + DATA + "/notes.txt': a file added to the container's layer.";
      case REMOVE -> "the container's name.";
      case READ ->
          lab.expect().dataSurvives()
              ? "{\"notes\":[\"" + note + "\"]}: the note is there."
              : "{\"notes\":[]}: no notes.";
      case CAT ->
          writes && DATA.equals(mount.target())
              ? "the note, " + note + "."
              : "'No such file or directory': no notes file was ever written there.";
      case STAT ->
          mount.mode().substring(1)
              + " and your own uid: the folder's mode, then its owner. The app runs as uid 1000.";
      case INSPECT ->
          "JSON with \"Driver\": \"local\" and a \"Mountpoint\" under /var/lib/docker/volumes/,"
              + " where the engine keeps the volume's files.";
    };
  }

  private static String mounts(List<LabMount> mounts) {
    if (mounts.isEmpty()) {
      return "[]: nothing is mounted.";
    }
    String each =
        mounts.stream()
            .map(
                m ->
                    (m.type() == LabMount.Type.BIND ? "the host folder" : "the volume")
                        + ", with \"Destination\":\""
                        + m.target()
                        + "\"")
            .collect(Collectors.joining(", and "));
    return "a JSON list holding "
        + each
        + (LabStep.covers(mounts, DATA) ? "." : "; nothing has " + DATA + " as its Destination.");
  }

  private static String logs(boolean dataMounted, boolean writes) {
    String first =
        "a first line saying "
            + DATA
            + (dataMounted ? " is a mount point" : " is NOT a mount point");
    return writes
        ? first + "."
        : first
            + ", then one with 'ERROR cannot write "
            + DATA
            + "/notes.txt: permission denied' and the uid the app runs as.";
  }
}
