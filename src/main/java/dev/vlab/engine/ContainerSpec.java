package dev.vlab.engine;

import java.util.List;
import java.util.Map;

/**
 * What a container is made of: enough to create it, and to show the matching docker command.
 *
 * @param hostPort the port on 127.0.0.1 that {@code containerPort} is published on, or 0 to let the
 *     engine pick a free one
 */
public record ContainerSpec(
    String name,
    String image,
    int containerPort,
    int hostPort,
    List<MountSpec> mounts,
    Map<String, String> labels) {}
