package dev.vlab.exercise;

/** What a name in an exercise file stands for. */
public enum NameKind {
  IMAGE,
  CONTAINER,
  VOLUME,
  FOLDER
}
