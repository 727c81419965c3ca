import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build step: the CRD generator cannot bound the items of a List<String>, and an unbounded string
 * makes the API server estimate a CEL rule over the list as if every item were a whole request
 * long (it then refuses the CRD: the rule's cost exceeds the budget). Adds maxLength to the items
 * of one array property of the generated YAML, in place.
 * Usage: java BoundStringItems.java CRD_FILE PROPERTY MAX_LENGTH
 */
public class BoundStringItems {

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String property = args[1] + ":";
    String maxLength = args[2];
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    int patched = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.trim().equals(property)) {
        continue;
      }
      String indent = line.substring(0, line.indexOf(property));
      for (int j = i + 1; j < lines.size() && lines.get(j).startsWith(indent + " "); j++) {
        if (lines.get(j).equals(indent + "  items:")
            && lines.get(j + 1).equals(indent + "    type: \"string\"")) {
          if (!lines.get(j + 2).trim().startsWith("maxLength:")) {
            lines.add(j + 1, indent + "    maxLength: " + maxLength);
          }
          patched++;
          break;
        }
      }
    }
    if (patched == 0) {
      throw new IllegalStateException("no string array " + args[1] + " in " + file);
    }
    Files.write(file, lines);
  }
}
