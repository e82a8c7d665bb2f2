package dev.cwlifecycle.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.cwlifecycle.local.CloudFormationYaml.map;

/**
 * README's "Deploy with AWS SAM" against template.yaml: its parameter table names every parameter with its default
 * ({@code —} for none), its output table every output, and every {@code Name=value} it writes names a parameter.
 */
final class DeployReadmeCheck {

    private static final String SECTION = "## Deploy with AWS SAM";
    private static final String PARAMETERS = "| parameter | default | meaning |";
    private static final String OUTPUTS = "| output | what |";
    private static final Pattern ASSIGNMENT = Pattern.compile("`(\\w+)=[^`]*`");
    private static final String NO_DEFAULT = "—";

    List<String> problems(String readme, Map<String, Object> template) {
        int start = readme.indexOf(SECTION);
        if (start < 0) {
            return List.of("README has no section " + SECTION);
        }
        int end = readme.indexOf("\n## ", start + SECTION.length());
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Map<String, Object> parameters = map(template.get("Parameters"));
        List<String> problems = new ArrayList<>();
        Map<String, String> documented = new LinkedHashMap<>();
        for (List<String> cells : rows(section, PARAMETERS)) {
            List<String> names = quoted(cells.get(0));
            List<String> defaults = cells.get(1).equals(NO_DEFAULT) ? null : quoted(cells.get(1));
            for (int i = 0; i < names.size(); i++) {
                documented.put(names.get(i), defaults == null ? "" : i < defaults.size() ? defaults.get(i) : "?");
            }
        }
        if (!documented.keySet().equals(parameters.keySet())) {
            problems.add("README's parameters " + new TreeSet<>(documented.keySet()) + " are not template.yaml's "
                    + new TreeSet<>(parameters.keySet()));
        }
        documented.forEach((name, value) -> {
            Object wanted = map(parameters.get(name)).get("Default");
            if (parameters.containsKey(name) && !value.equals(wanted == null ? "" : String.valueOf(wanted))) {
                problems.add("README gives " + name + " the default '" + value + "', template.yaml '" + wanted + "'");
            }
        });
        Set<String> outputs = new TreeSet<>();
        rows(section, OUTPUTS).forEach(cells -> outputs.addAll(quoted(cells.get(0))));
        Set<String> templateOutputs = new TreeSet<>(map(template.get("Outputs")).keySet());
        if (!outputs.equals(templateOutputs)) {
            problems.add("README's outputs " + outputs + " are not template.yaml's " + templateOutputs);
        }
        Matcher assignment = ASSIGNMENT.matcher(section);
        while (assignment.find()) {
            if (!parameters.containsKey(assignment.group(1))) {
                problems.add("README deploys with " + assignment.group() + ", but template.yaml has no such parameter");
            }
        }
        return problems;
    }

    /** The cells of each row of the table under {@code header}. */
    private static List<List<String>> rows(String section, String header) {
        int at = section.indexOf(header);
        if (at < 0) {
            return List.of();
        }
        List<String> lines = section.substring(at).lines().skip(2).takeWhile(line -> line.startsWith("|")).toList();
        return lines.stream().map(line -> List.of(line.substring(1, line.length() - 1).split(" \\| ")))
                .map(cells -> cells.stream().map(String::trim).toList()).toList();
    }

    /** The backticked values of one cell: {@code `A`, `B`}. */
    private static List<String> quoted(String cell) {
        List<String> names = new ArrayList<>();
        Matcher name = Pattern.compile("`([^`]*)`").matcher(cell);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }
}
