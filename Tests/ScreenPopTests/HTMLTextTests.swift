import Testing
@testable import ScreenPop

/// Agent notes in HTML → plain text that is safe to store and show, without losing text.
@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("<b>bold</b> and <i>it</i>", "bold and it"),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("<style>p{}</style>x<script>evil()</script>y", "xy"),
        ("<!-- hidden -->shown", "shown"),
        ("&lt;tag&gt; &quot;q&quot; &#39;s&#39; &#x41;", "<tag> \"q\" 's' A"),
        ("tab\tand\u{0007}bell   spaces", "tab and bell spaces"),
        ("<p></p><p>one</p>\n\n\n<p>two</p>", "one\ntwo"),
        ("&bogus; & alone", "&bogus; & alone"),
    ])
    func htmlBecomesPlainText(html: String, text: String) {
        #expect(HTMLText.plainText(html) == text)
    }

    /// A `<` that opens no tag is text (the earlier version dropped everything after it).
    @Test(arguments: [
        ("5 < 6 units", "5 < 6 units"),
        ("a<b and c>d", "ad"),  // "<b and c>" is a tag, as a browser reads it
        ("x < y and y > z", "x < y and y > z"),
        ("<3 you", "<3 you"),
        ("price <5 USD, then <= 10", "price <5 USD, then <= 10"),
        ("a < b<br>c", "a < b\nc"),
        ("1 <<2>> 3", "1 <<2>> 3"),
        ("unterminated <b", "unterminated <b"),  // a tag that never ends is kept as text
        ("<", "<"),
        ("</", "</"),
        ("a </> b", "a b"),
        ("x</ 1", "x</ 1"),
    ])
    func aBareLessThanIsText(html: String, text: String) {
        #expect(HTMLText.plainText(html) == text)
    }

    /// A `>` inside a quoted attribute value does not end the tag.
    @Test(arguments: [
        (#"<a title="a > b">link</a>"#, "link"),
        (#"<a title='x>y' href="z">link</a> after"#, "link after"),
        (#"<img alt="2 > 1" src=x.png>caption"#, "caption"),
        (#"<p data-x = "a>b"  class=c>para</p>"#, "para"),
        (#"<span title=a>b>c</span>"#, "b>c"),  // unquoted: the tag ends at the first >
        (#"<a title="never closed>text"#, #"<a title="never closed>text"#),
    ])
    func aGreaterThanInAnAttributeValueStaysInTheTag(html: String, text: String) {
        #expect(HTMLText.plainText(html) == text)
    }

    @Test(arguments: [
        ("<script>if (a < b && c > d) { x = '</p>' }</script>after", "after"),
        ("<SCRIPT type=\"text/javascript\">evil()</SCRIPT >after", "after"),
        ("<script>never closed", ""),
        ("<style>a > b { }</style>shown", "shown"),
        ("<!-- a < b > c -->shown", "shown"),
        ("<!-->shown", "shown"),
        ("<!DOCTYPE html><p>doc</p>", "doc"),
        ("<?xml version=\"1.0\"?>text", "text"),
        ("<!-- never closed", ""),
        ("<td>a</td><td>b</td>", "a b"),
    ])
    func scriptsStylesCommentsAndDeclarationsAreDropped(html: String, text: String) {
        #expect(HTMLText.plainText(html) == text)
    }

    @Test func combiningMarksAfterALessThanAreKept() {
        #expect(HTMLText.plainText("a <\u{301} b") == "a <\u{301} b")
        #expect(HTMLText.plainText("e&#x301; caf&eacute;") == "e\u{301} caf&eacute;")
    }
}
