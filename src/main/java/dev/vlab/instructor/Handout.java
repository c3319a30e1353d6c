package dev.vlab.instructor;

import dev.vlab.image.DemoImage;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabMount;
import dev.vlab.lab.LabStep;
import dev.vlab.lab.Workshop;
import dev.vlab.scenario.Names;
import dev.vlab.scenario.StepPlan;
import java.util.List;

/**
 * The handout: step mode's steps as a document a student follows by hand, numbered the same way.
 * Its commands come from the same lab files and the same command builder as the runner's, so
 * handout and tool never disagree. It runs nothing.
 */
public final class Handout {
  /** The layouts a handout can take. */
  public enum Format {
    TEXT,
    MARKDOWN
  }

  private static final Names NAMES = Names.asWritten();

  private Handout() {}

  public static String write(Workshop workshop, List<Lab> labs, Format format) {
    labs.forEach(Lab::requireSteps);
    Page page = Page.of(format);
    page.title(workshop.title());
    if (!workshop.intro().isBlank()) {
      page.paragraph(workshop.intro());
    }
    page.paragraph(
        "Type each command in a terminal, in a folder of your own: the host folders are made"
            + " there. The app is published on 127.0.0.1, this machine only.");
    page.part("Before you start");
    page.step(1, "Build the image");
    page.paragraph(workshop.build());
    page.commands(List.of(DemoImage.BUILD_COMMAND));
    page.see(WhatYouSee.build());
    int number = 2;
    for (int i = 0; i < labs.size(); i++) {
      number = part(page, i + 1, labs.size(), labs.get(i), number);
    }
    return page.text();
  }

  /** One lab, its steps numbered from {@code first}; returns the next step's number. */
  private static int part(Page page, int index, int count, Lab lab, int first) {
    page.part("Part " + index + " of " + count + ": " + lab.title() + " (" + lab.id() + ")");
    page.paragraph(Lab.oneLine(lab.summary()));
    String note = "hello from " + lab.container();
    List<StepPlan.Planned> steps = StepPlan.of(lab, NAMES, StepPlan::studentFolder, note);
    if (!steps.stream().map(StepPlan.Planned::kind).toList().equals(lab.plan())) {
      throw new IllegalStateException("the handout's steps of " + lab.id() + " left its plan");
    }
    int number = first;
    int prepared = 0;
    int looked = -1;
    for (StepPlan.Planned step : steps) {
      LabStep kind = step.kind();
      LabMount mount =
          switch (kind) {
            case FOLDER, VOLUME -> lab.mounts().get(prepared++);
            case CAT, INSPECT -> lab.mounts().get(++looked);
            case STAT -> lab.mounts().get(looked);
            default -> null;
          };
      page.step(number++, kind.title());
      page.paragraph(lab.stepText(kind));
      page.commands(List.of(step.command()));
      page.see(WhatYouSee.after(lab, kind, mount, note));
    }
    page.note("Lesson", Lab.oneLine(lab.explanation().expected()));
    page.paragraph("Before the next part, clean up:");
    page.commands(StepPlan.tidy(lab, NAMES));
    return number;
  }
}
