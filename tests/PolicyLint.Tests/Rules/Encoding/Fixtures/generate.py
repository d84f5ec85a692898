#!/usr/bin/env python3
"""Writes the byte-exact fixtures of the encoding rules (run from this folder; commit the bytes it writes).

Markup cannot live inside raw bytes, so each case is built here from explicit byte strings. The approved outputs
(<case>.expected.txt) are written by the tests (EncodingFixtureTests) and reviewed by hand.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

def write(name, data):
    with open(os.path.join(HERE, name + ".md"), "wb") as f:
        f.write(data)

u8 = lambda s: s.encode("utf-8")

# PL2007: a UTF-8 byte-order mark before front matter.
write("bom", b"\xef\xbb\xbf" + u8("---\ntitle: Policy\n---\n\n# Policy\n\nText.\n"))

# PL2007: CRLF file with two LF lines and one lone CR; the fix converts them to CRLF.
write("mixed-line-endings", u8("# Title\r\n\r\nFirst line.\nSecond line.\r\nThird line.\rFourth line.\n\r\nEnd.\r\n"))

# PL2002: a whole file saved as Windows-1252 (no valid multi-byte UTF-8 anywhere): unsafe fix transcodes it.
write("cp1252", "---\ntitle: Café policy\n---\n\n# Café policy\n\n“Smart quotes” – and a naïve résumé for 5 €.\n".encode("cp1252"))

# PL2002: UTF-8 with a few stray Latin-1 bytes and a truncated sequence: no legacy code page fits, no fix.
write("invalid-mixed", u8("# Ünïcode\n\nValid é, then ") + b"\xe9 and \xe2\x80 cut" + u8(" and more: ") + b"\xff\xfe\xc0\xaf\xed\xa0\x80" + u8(" end.\n"))

# PL2002: more invalid sequences than are listed one by one.
write("invalid-many", u8("# Broken\n\n") + b"".join(b"x\x80" for _ in range(8)) + u8(" ok ✓\n"))

# PL2002 (info): UTF-16 LE with BOM, UTF-16 BE without BOM, UTF-32 LE with BOM.
text = "# Title\n\nText with é and 🤗.\n"
write("utf16le-bom", b"\xff\xfe" + text.encode("utf-16-le"))
write("utf16be-nobom", text.encode("utf-16-be"))
write("utf32le-bom", b"\xff\xfe\x00\x00" + text.encode("utf-32-le"))

# PL2004: Trojan Source in a code block and an override in prose; LRM/RLM/ALM stay.
write("bidi", u8("# Access\n\n```js\nif (accessLevel != \"user\u202e \u2066// Check if admin\u2069 \u2066\") {\n```\n\n"
                 "Hebrew with marks: \u05e9\u05dc\u05d5\u05dd\u200e (ok) \u200f\u061c.\n\nOverride: \u202dabc\u202c.\n"))

# PL2005: CRLF file with invisible characters, legitimate and stray; the fix must keep CRLF.
write("invisibles-crlf", u8("---\r\ntitle: \"Volatile models\u200b\"\r\n---\r\n\r\n# Notes\r\n\r\n"
                            "values \u200b\u200bdiversity, GPT\u2060-\u2060Neo, \u0e20\u0e32\u0e29\u0e32\u200b\u0e44\u0e17\u0e22, "
                            "\U0001f469\u200d\U0001f4bb, \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645, \u2764\ufe0f, co\u00adoperate.\r\n\r\n"
                            "Stray: \U0001f469\u200d\u8fd9, \u00adword, \ufeffBOM, hidden\U000e0069\U000e0067\U000e006e\U000e006f\U000e0072\U000e0065.\r\n\r\n"
                            "Flag: \U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f.\r\n\r\n"
                            "```python\r\nx = 1\r\n\u200b\r\ny = 2\r\n```\r\n\r\nAlone:\r\n\u200b\r\nnext line.\r\n"))

# PL2006: C0 and C1 controls; tab, CR and LF are fine.
write("controls", u8("# Controls\n\n\tTab-indented code is fine.\n\nTerminal: \x1b[1mbold\x1b[0m, bell \x07, delete \x7f.\n\n"
                     "Latin-1 read of Windows-1252: \u0093quoted\u0094 and \u0085\n"))

# PL2003: U+FFFD in prose and heading (reported), in code (not), and an invalid byte (PL2002's, not PL2003's).
write("replacement", u8("# Caf\ufffd\n\nThe r\ufffd\ufffdsum\ufffd was lost. `s.replace('\ufffd', '')` is fine.\n\n```\nb'\\xff'.decode(errors='replace') == '\ufffd'\n```\n\nRaw byte: ") + b"\xff" + u8(".\n"))

# PL2001: the seed's broken title in a CRLF file with a BOM: the fix repairs prose, heading, link text, alt text and
# front matter, leaves code alone, and keeps CRLF and the BOM (PL2007 still reports the BOM).
def break1252(s):
    return s.encode("utf-8").decode("cp1252", errors="strict")
moji = break1252("@🤗")
write("mojibake-crlf-bom", b"\xef\xbb\xbf" + u8(
    "---\r\ntitle: \"AI Policy " + moji + "\"\r\n---\r\n\r\n# AI Policy " + moji + "\r\n\r\n"
    "The " + break1252("café’s") + " menu and [" + break1252("naïve") + " link](x.md) ![" + break1252("résumé") + "](r.png).\r\n\r\n"
    "Legitimate: †† and §§, ÂGE, the letter Ã.\r\n\r\n"
    "`" + break1252("don’t") + "` stays\r\n"))
