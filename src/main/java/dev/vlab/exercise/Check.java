package dev.vlab.exercise;

import java.util.Set;

/**
 * One kind of check an exercise file can ask for. It reads the engine, and perhaps talks to the
 * student's app, and says pass or which mistake it found; it never changes the student's
 * containers, volumes or folders.
 */
interface Check {
  /** One line saying what is checked, in the student's names. */
  String describe(Names names);

  /** The mistakes it can find: each needs a hint in the exercise file. */
  Set<String> findings();

  /** The placeholders its hints may use besides the exercise's names. */
  Set<String> placeholders();

  /** The container it looks at (a logical name), or null. */
  default String container() {
    return null;
  }

  Outcome run(CheckContext context);
}
