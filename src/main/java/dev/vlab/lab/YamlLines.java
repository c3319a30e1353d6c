package dev.vlab.lab;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each field of a YAML document stands, by paths like {@code mounts[0].mode}, so that a check
 * made after parsing can still point at a line.
 */
public final class YamlLines {
  private final Map<String, Integer> lines = new HashMap<>();
  private final Map<String, String> scalars = new HashMap<>();

  private YamlLines() {}

  public static YamlLines of(String yaml) {
    YamlLines index = new YamlLines();
    Node root = new Yaml().compose(new java.io.StringReader(yaml));
    if (root != null) {
      index.visit("", root);
    }
    return index;
  }

  private void visit(String path, Node node) {
    lines.put(path, node.getStartMark().getLine() + 1);
    if (node instanceof ScalarNode scalar) {
      scalars.put(path, scalar.getValue());
    } else if (node instanceof MappingNode mapping) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          // A second "id:" would silently win over the first otherwise.
          if (!seen.add(key.getValue())) {
            throw new DuplicateKey(key);
          }
          String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
          visit(child, tuple.getValueNode());
          // A field is best pointed at by its key, which is where a reader looks.
          lines.put(child, key.getStartMark().getLine() + 1);
        }
      }
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        visit(path + "[" + i + "]", items.get(i));
      }
    }
  }

  /**
   * A scalar exactly as written, before YAML typed it: {@code 0555} stays {@code "0555"} rather
   * than becoming the octal or decimal number a YAML reader might make of it.
   */
  public String scalar(String path) {
    return scalars.get(path);
  }

  /** The line of {@code path}, or of its nearest parent that is in the file. */
  public int lineOf(String path) {
    String current = path;
    while (!current.isEmpty()) {
      Integer line = lines.get(current);
      if (line != null) {
        return line;
      }
      int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
      current = cut < 0 ? "" : current.substring(0, cut);
    }
    return lines.getOrDefault("", 1);
  }

  /** A key written twice in one mapping, reported at its second place. */
  static final class DuplicateKey extends MarkedYAMLException {
    DuplicateKey(ScalarNode key) {
      super(null, null, "'" + key.getValue() + "' is written twice", key.getStartMark());
    }
  }
}
