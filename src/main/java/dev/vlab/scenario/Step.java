package dev.vlab.scenario;

import dev.vlab.lab.LabStep;

/**
 * One step of a scenario, as its observer sees it before it runs.
 *
 * @param command the docker CLI command a person would type for it, with this run's names
 */
public record Step(String labId, LabStep kind, String command) {}
