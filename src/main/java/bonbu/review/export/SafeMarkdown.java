package bonbu.review.export;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User text made safe to place in a Markdown document that someone will render: HTML is escaped
 * (it shows as text, never as markup) and a link keeps its target only when that is an http or
 * https address; any other target ({@code javascript:}, {@code data:}, a relative path …) is
 * dropped and its label stays as text. Brackets outside such links are escaped, so no link, image
 * or link reference can be formed from user text by other means. Other Markdown (emphasis, lists)
 * is left as it was written.
 */
final class SafeMarkdown {

    /** {@code [label](target)} or {@code ![label](target "title")}; one level of parentheses in the target. */
    private static final Pattern LINK = Pattern.compile(
            "(!?)\\[([^\\[\\]\\n]*)\\]\\(\\s*<?((?:[^\\s()<>]|\\([^\\s()<>]*\\))*)>?(?:\\s+\"[^\"\\n]*\")?\\s*\\)");
    /** An http(s) target with nothing a renderer could read as the end of the link or as markup. */
    private static final Pattern WEB_TARGET =
            Pattern.compile("https?://[^\\s<>\"'`\\\\\\[\\]]+", Pattern.CASE_INSENSITIVE);
    /** An HTML character reference, which a renderer would decode (also inside link targets). */
    private static final Pattern ENTITY = Pattern.compile("&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)");

    private SafeMarkdown() {}

    /** Text for a paragraph or list item, line breaks kept. */
    static String text(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder();
        Matcher link = LINK.matcher(text);
        int at = 0;
        while (link.find()) {
            out.append(escape(text.substring(at, link.start())));
            String label = escape(link.group(2));
            String target = link.group(3);
            if (WEB_TARGET.matcher(target).matches()) {
                out.append(link.group(1))
                        .append('[')
                        .append(label)
                        .append("](")
                        .append(target)
                        .append(')');
            } else {
                out.append(label);
            }
            at = link.end();
        }
        out.append(escape(text.substring(at)));
        return out.toString();
    }

    /** Text on one line: line breaks become spaces. */
    static String inline(String text) {
        return text(text).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }

    /** Text inside a table cell: on one line, with its pipes escaped. */
    static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    private static String escape(String text) {
        return ENTITY.matcher(text.replace("\\", "\\\\"))
                .replaceAll("&amp;")
                .replace("[", "\\[")
                .replace("]", "\\]")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
