#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <optional>

class QRawFont;

namespace hotline {

/** A font's radical code points mapped to the unified ideographs that share their glyph (⺠ U+2EA0 → 民). */
using RadicalMap = QHash<char32_t, char32_t>;

/**
 * Makes the text of a PDF written by Qt 6.4 the characters printed.
 *
 * Qt's PDF engine writes each embedded font's ToUnicode CMap by scanning the code points 0..0xFFFF in order and
 * keeping, for each glyph, the first code point the font maps to it (QFontSubset::getReverseMap). Noto Sans CJK
 * maps the Kangxi Radicals (U+2F00–2FDF) and CJK Radicals Supplement (U+2E80–2EFF) to the very glyphs of the
 * unified ideographs, which come later, so 里水镇 is extracted as ⾥⽔镇 and 民 as ⺠. The page is right; the text
 * behind it is not.
 *
 * fix() rewrites the ToUnicode CMap of every Type0 font whose PostScript name it is given a map for: a glyph
 * mapped to a radical is mapped instead to the unified ideograph the same font maps to the same glyph, then the
 * cross-reference table is rebuilt for the new offsets. Nothing else of the file changes: the page looks the same.
 * A radical whose glyph is its own (no ideograph shares it) keeps its code point, so a radical printed as such
 * still reads as one.
 */
class PdfToUnicode final
{
    Q_DECLARE_TR_FUNCTIONS(PdfToUnicode)

public:
    /** The radicals of font whose glyph is also an ideograph's (U+3400–4DBF, U+4E00–9FFF), to the first such. */
    static RadicalMap radicalMap(const QRawFont &font);
    /** The font's PostScript name (its `name` table, ID 6), as Qt writes it after /BaseFont; empty if none. */
    static QByteArray postScriptName(const QRawFont &font);
    /** The maps of the fonts the printed report is set in (DejaVu Sans, Noto Sans CJK SC and Qt's fallback for
     *  Chinese, regular and bold), by PostScript name; computed once per process. */
    static const QHash<QByteArray, RadicalMap> &reportFonts();

    /**
     * pdf with the ToUnicode CMaps of the fonts named in maps rewritten; changed (if given) counts the glyphs
     * remapped. A file that is not laid out as Qt writes it (one classic xref table) is refused with error set.
     */
    static std::optional<QByteArray> fix(const QByteArray &pdf, const QHash<QByteArray, RadicalMap> &maps,
                                         QString *error = nullptr, int *changed = nullptr);
};

} // namespace hotline
