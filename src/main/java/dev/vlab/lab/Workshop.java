package dev.vlab.lab;

/**
 * What the labs of a workshop share, read from {@code workshop.yaml} beside them: the title and
 * introduction of the handout, and the text of the build step, which comes once before every lab.
 *
 * @param intro a paragraph for the top of the handout and of step mode; may be empty
 * @param build the build step's text, explaining {@code docker build}
 * @param file where it came from, as shown in messages
 */
public record Workshop(String title, String intro, String build, String file) {}
