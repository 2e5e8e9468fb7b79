package bonbu.checklist;

import bonbu.component.ComponentKind;
import bonbu.incident.terms.CommandRole;
import bonbu.shared.LocalizedText;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one runbook file (the format is in {@code runbooks/README.md}) and refuses anything
 * unclear with the file, the line and what to fix: a missing or unknown field, a wrong type, an
 * unknown role or component kind, a step without anyone to do it.
 */
final class RunbookParser {

    private static final Set<String> TOP = Set.of("id", "title", "appliesTo", "steps");
    private static final Set<String> APPLIES = Set.of("components", "kinds");
    private static final Set<String> STEP = Set.of("text", "role", "team", "minutes", "evidence");
    private static final Set<String> TEXT = Set.of("ko", "en");

    private final String file;

    private RunbookParser(String file) {
        this.file = file;
    }

    static Runbook parse(String file, String text) {
        return new RunbookParser(file).read(text);
    }

    private Runbook read(String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new RunbookException(file, line, "not valid YAML: " + e.getProblem());
        }
        if (root == null) throw new RunbookException(file, 1, "the file is empty");
        Map<String, NodeTuple> top = mapping(root, "the runbook", TOP);
        String id = scalar(required(top, root, "id"), "id");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw fail(
                    top.get("id").getValueNode(),
                    "id '" + id + "' must be a slug: lower-case letters and digits" + " separated by single hyphens");
        }
        LocalizedText title = text(required(top, root, "title"), "title");
        Node appliesNode = required(top, root, "appliesTo");
        Map<String, NodeTuple> applies = mapping(appliesNode, "appliesTo", APPLIES);
        Set<String> components = new LinkedHashSet<>();
        Set<ComponentKind> kinds = new LinkedHashSet<>();
        if (applies.containsKey("components")) {
            for (Node n : sequence(applies.get("components").getValueNode(), "appliesTo.components")) {
                components.add(scalar(n, "a component key"));
            }
        }
        if (applies.containsKey("kinds")) {
            for (Node n : sequence(applies.get("kinds").getValueNode(), "appliesTo.kinds")) {
                String kind = scalar(n, "a component kind");
                try {
                    kinds.add(ComponentKind.valueOf(kind));
                } catch (IllegalArgumentException e) {
                    throw fail(
                            n,
                            "unknown component kind '" + kind + "'; use one of "
                                    + Arrays.toString(ComponentKind.values()));
                }
            }
        }
        if (components.isEmpty() && kinds.isEmpty()) {
            throw fail(appliesNode, "appliesTo needs at least one of components (keys) or kinds");
        }
        List<Node> stepNodes = sequence(required(top, root, "steps"), "steps");
        if (stepNodes.isEmpty()) throw fail(top.get("steps").getValueNode(), "a runbook needs at least one step");
        List<Runbook.Step> steps = new ArrayList<>();
        for (Node n : stepNodes) steps.add(step(n, steps.size() + 1));
        return new Runbook(id, title, Set.copyOf(components), Set.copyOf(kinds), List.copyOf(steps), file, hash(text));
    }

    private Runbook.Step step(Node node, int number) {
        String where = "step " + number;
        Map<String, NodeTuple> step = mapping(node, where, STEP);
        LocalizedText text = text(required(step, node, "text"), where + " text");
        CommandRole role = null;
        if (step.containsKey("role")) {
            Node r = step.get("role").getValueNode();
            String value = scalar(r, where + " role");
            try {
                role = CommandRole.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw fail(r, "unknown ICS role '" + value + "'; use one of " + Arrays.toString(CommandRole.values()));
            }
        }
        String team = step.containsKey("team") ? scalar(step.get("team").getValueNode(), where + " team") : null;
        if (role == null && team == null) throw fail(node, where + " needs a role or a team to perform it");
        Node minutesNode = required(step, node, "minutes");
        int minutes;
        try {
            minutes = Integer.parseInt(scalar(minutesNode, where + " minutes"));
        } catch (NumberFormatException e) {
            throw fail(minutesNode, where + " minutes must be a whole number of minutes");
        }
        if (minutes < 1 || minutes > 10_000) throw fail(minutesNode, where + " minutes must be between 1 and 10000");
        boolean evidence = false;
        if (step.containsKey("evidence")) {
            Node e = step.get("evidence").getValueNode();
            String value = scalar(e, where + " evidence");
            if (!value.equals("true") && !value.equals("false"))
                throw fail(e, where + " evidence must be true or false");
            evidence = Boolean.parseBoolean(value);
        }
        return new Runbook.Step(text, role, team, minutes, evidence);
    }

    private LocalizedText text(Node node, String what) {
        Map<String, NodeTuple> m = mapping(node, what, TEXT);
        String ko = scalar(required(m, node, "ko"), what + ".ko");
        if (ko.isBlank()) throw fail(node, what + ".ko must not be empty");
        String en = m.containsKey("en") ? scalar(m.get("en").getValueNode(), what + ".en") : null;
        return LocalizedText.of(ko, en);
    }

    private Map<String, NodeTuple> mapping(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode m)) throw fail(node, what + " must be a mapping of fields");
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode(), "a field name");
            if (!allowed.contains(key)) {
                throw fail(t.getKeyNode(), "unknown field '" + key + "' in " + what + "; known: " + allowed);
            }
            fields.put(key, t);
        }
        return fields;
    }

    private Node required(Map<String, NodeTuple> fields, Node owner, String name) {
        NodeTuple t = fields.get(name);
        if (t == null) throw fail(owner, "missing required field '" + name + "'");
        return t.getValueNode();
    }

    private List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode s)) throw fail(node, what + " must be a list");
        return s.getValue();
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode s)) throw fail(node, what + " must be a single value");
        return s.getValue();
    }

    private RunbookException fail(Node node, String problem) {
        return new RunbookException(file, node.getStartMark().getLine() + 1, problem);
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
