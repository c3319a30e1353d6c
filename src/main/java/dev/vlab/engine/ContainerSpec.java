package dev.vlab.engine;

import java.util.List;
import java.util.Map;

/**
 * What a container is made of: enough to create it, and to show the matching docker command.
 *
 * @param hostAddress the loopback address its port is published on
 * @param hostPort the host port that {@code containerPort} is published on, or 0 to let the engine
 *     pick a free one
 */
public record ContainerSpec(
    String name,
    String image,
    String hostAddress,
    int containerPort,
    int hostPort,
    List<MountSpec> mounts,
    Map<String, String> labels) {}
