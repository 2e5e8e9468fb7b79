package bonbu.review.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SafeMarkdownTest {

    @Test
    void htmlIsEscapedAndShowsAsText() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", SafeMarkdown.text("<script>alert(1)</script>"));
        assertEquals("&lt;img src=x onerror=\"alert(1)\"&gt;", SafeMarkdown.text("<img src=x onerror=\"alert(1)\">"));
        // A character reference would be decoded by the renderer: it stays text.
        assertEquals("&amp;lt;script&amp;gt; &amp;#x6A;", SafeMarkdown.text("&lt;script&gt; &#x6A;"));
        assertEquals("R&D, a & b", SafeMarkdown.text("R&D, a & b"));
    }

    @Test
    void onlyHttpAndHttpsLinksKeepTheirTarget() {
        assertEquals(
                "see [the notice](https://www.gov.kr/notice?id=1)",
                SafeMarkdown.text("see [the notice](https://www.gov.kr/notice?id=1)"));
        assertEquals("[a](HTTP://example.go.kr/a_(b))", SafeMarkdown.text("[a](HTTP://example.go.kr/a_(b))"));
        assertEquals("click", SafeMarkdown.text("[click](javascript:alert(1))"));
        assertEquals("click", SafeMarkdown.text("[click]( JavaScript:alert(document.cookie) )"));
        assertEquals("x", SafeMarkdown.text("[x](<javascript:alert(1)>)"));
        assertEquals("pic", SafeMarkdown.text("![pic](data:image/svg+xml;base64,PHN2Zz4=)"));
        assertEquals("t", SafeMarkdown.text("[t](vbscript:msgbox \"x\")"));
        assertEquals("rel", SafeMarkdown.text("[rel](/console/accounts)"));
        assertEquals("e", SafeMarkdown.text("[e](jav&#x61;script:alert(1))"));
        assertEquals("h", SafeMarkdown.text("[h](https://x.example/\"onmouseover=alert(1))"));
    }

    @Test
    void noOtherWayToFormALinkSurvives() {
        // Nested brackets, reference links and their definitions, autolinks: brackets are escaped.
        String nested = SafeMarkdown.text("[a [b] c](javascript:alert(1))");
        assertEquals("\\[a \\[b\\] c\\](javascript:alert(1))", nested, "shown as text, not a link");
        assertEquals(
                "\\[x\\]\\[r\\]\n\\[r\\]: javascript:alert(1)", SafeMarkdown.text("[x][r]\n[r]: javascript:alert(1)"));
        assertEquals("&lt;javascript:alert(1)&gt;", SafeMarkdown.text("<javascript:alert(1)>"));
        assertEquals("a \\\\\\[b\\]", SafeMarkdown.text("a \\[b]"));
    }

    @Test
    void cellsStayOnOneLineAndKeepTheTable() {
        assertEquals("a \\| b c", SafeMarkdown.cell("a | b\nc"));
        assertEquals("**bold** and _em_", SafeMarkdown.text("**bold** and _em_"));
    }
}
