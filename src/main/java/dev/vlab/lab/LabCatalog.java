package dev.vlab.lab;

import dev.vlab.VlabException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The labs vlab knows, in their file order, and the choice of some of them by id. */
public record LabCatalog(List<Lab> labs) {

  /** The labs named by {@code ids}; {@code all} stands for every lab. */
  public List<Lab> select(List<String> ids) {
    Set<String> wanted = new LinkedHashSet<>(ids);
    List<Lab> chosen = new ArrayList<>();
    // Every id is checked, also beside "all": a typo there is still a typo.
    for (String id : wanted) {
      if (!id.equals("all")) {
        chosen.add(
            labs.stream()
                .filter(l -> l.id().equals(id))
                .findFirst()
                .orElseThrow(() -> unknown(id)));
      }
    }
    return ids.isEmpty() || wanted.contains("all") ? labs : chosen;
  }

  private VlabException unknown(String id) {
    String known = labs.stream().map(Lab::id).collect(Collectors.joining(", "));
    return VlabException.usage(
        "There is no lab '"
            + id
            + "'. Choose from: "
            + known
            + ", or all. 'vlab list' shows them.");
  }
}
