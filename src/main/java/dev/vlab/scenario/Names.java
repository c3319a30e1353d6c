package dev.vlab.scenario;

import dev.vlab.image.DemoImage;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabMount;

/** What a run calls the containers and volumes it creates, and where it publishes the app. */
public interface Names {
  String container(Lab lab);

  /** The engine's name for one of the lab's {@code volume} mounts. */
  String volume(Lab lab, LabMount mount);

  /** The host port for the app's port 3000, or 0 to let the engine pick a free one. */
  int hostPort(Lab lab);

  /**
   * Names that carry the run's prefix, so parallel runs never meet, and ports the engine picks: how
   * {@code run-lab} names things.
   */
  static Names prefixed(RunContext run) {
    return new Names() {
      @Override
      public String container(Lab lab) {
        return run.prefix() + "-" + lab.id();
      }

      @Override
      public String volume(Lab lab, LabMount mount) {
        // "_" appears in no lab id, so lab "app" with volume "data-x" and lab "app-data" with
        // volume "x" cannot end up with one name.
        return run.prefix() + "-" + lab.id() + "_" + mount.source();
      }

      @Override
      public int hostPort(Lab lab) {
        return 0;
      }
    };
  }

  /**
   * The names the lab files give, and the app's own port: what a student types by hand. Step mode
   * starts from these and falls back where one is taken.
   */
  static Names asWritten() {
    return new Names() {
      @Override
      public String container(Lab lab) {
        return lab.container();
      }

      @Override
      public String volume(Lab lab, LabMount mount) {
        return mount.source();
      }

      @Override
      public int hostPort(Lab lab) {
        return DemoImage.PORT;
      }
    };
  }
}
