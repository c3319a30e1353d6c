package dev.vlab.exercise;

/** What every check of one of the student's containers shares: which container it looks at. */
abstract class ContainerCheckBase implements Check {
  /** The container's name as the exercise file writes it, such as {@code demo2}. */
  protected final String container;

  protected ContainerCheckBase(String container) {
    this.container = container;
  }

  @Override
  public final String container() {
    return container;
  }

  /** The container's real name, such as {@code alice-demo2}. */
  protected final String name(CheckContext context) {
    return context.names().container(container);
  }
}
