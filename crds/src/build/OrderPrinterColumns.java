import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build step: the CRD generator sorts additionalPrinterColumns by JSON path, but kubectl shows them
 * in list order and the API contract fixes that order. Reorders the column items of the generated
 * YAML in place. Usage: java OrderPrinterColumns.java CRD_FILE NAME[,NAME...]
 */
public class OrderPrinterColumns {

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    List<String> order = List.of(args[1].split(","));
    List<String> lines = Files.readAllLines(file);
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().startsWith("- additionalPrinterColumns:")) {
        start = i + 1;
        break;
      }
    }
    if (start < 0) {
      throw new IllegalStateException("no additionalPrinterColumns in " + file);
    }
    String itemPrefix = lines.get(start).substring(0, lines.get(start).indexOf('-') + 2);
    String indent = itemPrefix.substring(0, itemPrefix.length() - 2);
    Map<String, List<String>> items = new LinkedHashMap<>();
    List<String> current = null;
    int end = start;
    for (; end < lines.size(); end++) {
      String line = lines.get(end);
      if (line.startsWith(itemPrefix)) {
        current = new ArrayList<>();
        items.put("?" + items.size(), current);
      } else if (!line.startsWith(indent + "  ")) {
        break;
      }
      current.add(line);
    }
    Map<String, List<String>> byName = new LinkedHashMap<>();
    for (List<String> item : items.values()) {
      String name =
          item.stream()
              .map(String::trim)
              .map(l -> l.startsWith("- ") ? l.substring(2) : l)
              .filter(l -> l.startsWith("name:"))
              .findFirst()
              .orElseThrow()
              .substring(5)
              .trim()
              .replace("\"", "");
      byName.put(name, item);
    }
    if (!byName.keySet().containsAll(order) || byName.size() != order.size()) {
      throw new IllegalStateException("columns " + byName.keySet() + " do not match " + order);
    }
    List<String> out = new ArrayList<>(lines.subList(0, start));
    order.forEach(name -> out.addAll(byName.get(name)));
    out.addAll(lines.subList(end, lines.size()));
    Files.write(file, out);
  }
}
