package dev.vlab.exercise;

import dev.vlab.engine.Engine;
import dev.vlab.testing.Student;
import dev.vlab.testing.TestEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For tests in which a student works on the real engine: the engine and demo image, and a new
 * student per test, in a folder of their own, whose work is removed after the test.
 */
abstract class StudentTestBase {
  protected static Engine engine;

  @TempDir Path home;
  protected Student student;

  @BeforeAll
  static void engine() {
    engine = TestEngine.connect();
    TestEngine.demoImage(engine);
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void newStudent() {
    student = new Student(home);
  }

  @AfterEach
  void removeStudentsWork() {
    student.close();
  }
}
