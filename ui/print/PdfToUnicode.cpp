#include "print/PdfToUnicode.h"

#include "charts/ReportCharts.h"

#include <QFontDatabase>
#include <QMap>
#include <QRawFont>
#include <QRegularExpression>
#include <QtEndian>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

bool isRadical(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x2EFF) || (c >= 0x2F00 && c <= 0x2FDF);
}

/** One object of the file as the xref table places it. */
struct XrefEntry
{
    qint64 offset = 0;
    int generation = 0;
    bool inUse = false;
};

/** The classic xref table Qt writes: one subsection from object 0, twenty bytes an entry. */
struct Xref
{
    qint64 tableOffset = 0; ///< where "xref" starts
    qint64 entriesOffset = 0;
    QList<XrefEntry> entries;
};

std::optional<Xref> readXref(const QByteArray &pdf)
{
    const qsizetype at = pdf.lastIndexOf("startxref");
    if (at < 0)
        return std::nullopt;
    static const QRegularExpression number(u"^startxref\\s+(\\d+)"_s);
    const QRegularExpressionMatch m = number.match(QString::fromLatin1(pdf.mid(at, 40)));
    if (!m.hasMatch())
        return std::nullopt;
    Xref x;
    x.tableOffset = m.captured(1).toLongLong();
    static const QRegularExpression header(u"^xref\\s*\\n0 (\\d+)\\s*\\n"_s);
    const QRegularExpressionMatch h = header.match(QString::fromLatin1(pdf.mid(x.tableOffset, 40)));
    if (!h.hasMatch())
        return std::nullopt;
    x.entriesOffset = x.tableOffset + h.capturedLength(0);
    const int count = h.captured(1).toInt();
    if (x.entriesOffset + qint64(count) * 20 > pdf.size())
        return std::nullopt;
    for (int i = 0; i < count; ++i) {
        const QByteArray e = pdf.mid(x.entriesOffset + qint64(i) * 20, 20);
        bool okOffset = false;
        bool okGeneration = false;
        XrefEntry entry;
        entry.offset = e.left(10).toLongLong(&okOffset);
        entry.generation = e.mid(11, 5).toInt(&okGeneration);
        entry.inUse = e.at(17) == 'n';
        if (!okOffset || !okGeneration || (e.at(17) != 'n' && e.at(17) != 'f') || entry.offset > pdf.size())
            return std::nullopt;
        x.entries << entry;
    }
    return x;
}

/** The bytes of object n, from "n 0 obj" to the end of "endobj"; empty when the table does not place it. */
QByteArray objectAt(const QByteArray &pdf, const Xref &x, int n, qint64 *start = nullptr, qint64 *end = nullptr)
{
    if (n <= 0 || n >= x.entries.size() || !x.entries[n].inUse)
        return {};
    const qint64 from = x.entries[n].offset;
    const QByteArray header = QByteArray::number(n) + ' ' + QByteArray::number(x.entries[n].generation) + " obj";
    if (!pdf.mid(from, 24).startsWith(header))
        return {};
    const qsizetype endobj = pdf.indexOf("endobj", from);
    if (endobj < 0)
        return {};
    if (start)
        *start = from;
    if (end)
        *end = endobj + 6;
    return pdf.mid(from, endobj + 6 - from);
}

/** A stream object's dictionary and decoded data; none when it is not a stream this code can read. */
struct Stream
{
    QByteArray dictionary;
    QByteArray data;
};

std::optional<Stream> readStream(const QByteArray &pdf, const Xref &x, const QByteArray &object)
{
    const qsizetype open = object.indexOf("<<");
    const qsizetype keyword = object.indexOf("stream", open);
    if (open < 0 || keyword < 0)
        return std::nullopt;
    Stream s;
    s.dictionary = object.mid(open, keyword - open).trimmed();
    qsizetype dataStart = keyword + 6;
    if (object.mid(dataStart, 2) == "\r\n")
        dataStart += 2;
    else if (object.mid(dataStart, 1) == "\n")
        dataStart += 1;
    else
        return std::nullopt;
    static const QRegularExpression lengthKey(u"/Length\\s+(\\d+)(\\s+(\\d+)\\s+R)?"_s);
    const QRegularExpressionMatch m = lengthKey.match(QString::fromLatin1(s.dictionary));
    if (!m.hasMatch())
        return std::nullopt;
    qint64 length = m.captured(1).toLongLong();
    if (m.hasCaptured(2)) { // an indirect length: "/Length 50 0 R"
        static const QRegularExpression value(u"obj\\s+(\\d+)\\s+endobj"_s);
        const QRegularExpressionMatch v = value.match(QString::fromLatin1(objectAt(pdf, x, int(length))));
        if (!v.hasMatch())
            return std::nullopt;
        length = v.captured(1).toLongLong();
    }
    if (dataStart + length > object.size())
        return std::nullopt;
    s.data = object.mid(dataStart, length);
    if (s.dictionary.contains("/FlateDecode")) {
        // qUncompress wants zlib data behind a big-endian size hint; it grows past a small one.
        QByteArray framed(4, '\0');
        qToBigEndian(quint32(std::max<qsizetype>(s.data.size() * 4, 1024)), framed.data());
        s.data = qUncompress(framed + s.data);
        if (s.data.isEmpty())
            return std::nullopt;
    } else if (s.dictionary.contains("/Filter")) {
        return std::nullopt;
    }
    return s;
}

/** A ToUnicode CMap read into code → UTF-16 text, and the header before its mappings. */
struct CMap
{
    QByteArray header; ///< up to and including endcodespacerange
    QMap<quint32, QString> mappings;
};

QString utf16FromHex(const QByteArray &hex)
{
    QString out;
    for (qsizetype i = 0; i + 4 <= hex.size(); i += 4)
        out += QChar(char16_t(hex.mid(i, 4).toUInt(nullptr, 16)));
    return out;
}

std::optional<CMap> parseCMap(const QByteArray &text)
{
    CMap c;
    const qsizetype headerEnd = text.indexOf("endcodespacerange");
    if (headerEnd < 0)
        return std::nullopt;
    c.header = text.left(headerEnd + qsizetype(strlen("endcodespacerange")));
    static const QRegularExpression section(u"begin(bfchar|bfrange)(.*?)end\\1"_s,
                                            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression token(u"<([0-9A-Fa-f]*)>|\\[|\\]"_s);
    auto sections = section.globalMatch(QString::fromLatin1(text.mid(headerEnd)));
    while (sections.hasNext()) {
        const QRegularExpressionMatch s = sections.next();
        QStringList tokens;
        auto t = token.globalMatch(s.captured(2));
        while (t.hasNext())
            tokens << t.next().captured(0);
        const auto hexOf = [](const QString &tok) { return tok.mid(1, tok.size() - 2).toLatin1(); };
        if (s.captured(1) == u"bfchar"_s) {
            for (qsizetype i = 0; i + 1 < tokens.size(); i += 2)
                c.mappings.insert(hexOf(tokens[i]).toUInt(nullptr, 16), utf16FromHex(hexOf(tokens[i + 1])));
            continue;
        }
        for (qsizetype i = 0; i + 2 < tokens.size();) {
            const quint32 first = hexOf(tokens[i]).toUInt(nullptr, 16);
            const quint32 last = hexOf(tokens[i + 1]).toUInt(nullptr, 16);
            if (last < first || last - first > 0xFFFF)
                return std::nullopt;
            if (tokens[i + 2] == u"["_s) { // <first> <last> [<dst> <dst> …]
                qsizetype j = i + 3;
                for (quint32 code = first; j < tokens.size() && tokens[j] != u"]"_s; ++j, ++code)
                    c.mappings.insert(code, utf16FromHex(hexOf(tokens[j])));
                i = j + 1;
            } else { // <first> <last> <dst>: consecutive, the last UTF-16 unit counting up
                const QString dst = utf16FromHex(hexOf(tokens[i + 2]));
                for (quint32 code = first; code <= last && !dst.isEmpty(); ++code) {
                    QString d = dst;
                    d.back() = QChar(char16_t(d.back().unicode() + (code - first)));
                    c.mappings.insert(code, d);
                }
                i += 3;
            }
        }
    }
    return c;
}

QByteArray hex16(quint32 v)
{
    return QByteArray::number(v, 16).toUpper().rightJustified(4, '0');
}

QByteArray writeCMap(const CMap &c)
{
    QByteArray out = c.header + '\n';
    const QList<quint32> codes = c.mappings.keys();
    for (qsizetype i = 0; i < codes.size(); i += 100) { // at most 100 entries a block
        const qsizetype n = std::min<qsizetype>(100, codes.size() - i);
        out += QByteArray::number(n) + " beginbfchar\n";
        for (qsizetype j = i; j < i + n; ++j) {
            out += '<' + hex16(codes[j]) + "> <";
            for (const QChar unit : c.mappings.value(codes[j]))
                out += hex16(unit.unicode());
            out += ">\n";
        }
        out += "endbfchar\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

struct Replacement
{
    qint64 start = 0;
    qint64 end = 0;
    QByteArray bytes;
};

} // namespace

RadicalMap PdfToUnicode::radicalMap(const QRawFont &font)
{
    RadicalMap map;
    if (!font.isValid())
        return map;
    QString radicals;
    for (char32_t c = 0x2E80; c <= 0x2FDF; ++c)
        radicals += QChar(char16_t(c));
    const QList<quint32> radicalGlyphs = font.glyphIndexesForString(radicals);
    QHash<quint32, QList<char32_t>> byGlyph;
    for (qsizetype i = 0; i < radicalGlyphs.size(); ++i) {
        if (radicalGlyphs[i] != 0)
            byGlyph[radicalGlyphs[i]] << char32_t(0x2E80 + i);
    }
    if (byGlyph.isEmpty())
        return map;
    // Ascending, so each radical gets the lowest ideograph of its glyph, as the CMap would if radicals came last.
    QString ideographs;
    for (char32_t c = 0x3400; c <= 0x4DBF; ++c)
        ideographs += QChar(char16_t(c));
    for (char32_t c = 0x4E00; c <= 0x9FFF; ++c)
        ideographs += QChar(char16_t(c));
    const QList<quint32> glyphs = font.glyphIndexesForString(ideographs);
    for (qsizetype i = 0; i < glyphs.size(); ++i) {
        const auto it = byGlyph.constFind(glyphs[i]);
        if (glyphs[i] == 0 || it == byGlyph.constEnd())
            continue;
        const char32_t ideograph = ideographs.at(i).unicode();
        for (const char32_t radical : *it) {
            if (!map.contains(radical))
                map.insert(radical, ideograph);
        }
    }
    return map;
}

QByteArray PdfToUnicode::postScriptName(const QRawFont &font)
{
    // The naming table: version, count, string offset, then 12-byte records (platform, encoding, language, name
    // ID, length, offset). Windows (3) names are UTF-16BE, Macintosh (1) names are bytes.
    const QByteArray name = font.fontTable("name");
    if (name.size() < 6)
        return {};
    const auto u16 = [&name](qsizetype at) { return qFromBigEndian<quint16>(name.constData() + at); };
    const int count = u16(2);
    const qsizetype strings = u16(4);
    for (int i = 0; i < count && 6 + (i + 1) * 12 <= name.size(); ++i) {
        const qsizetype r = 6 + qsizetype(i) * 12;
        if (u16(r + 6) != 6)
            continue;
        const qsizetype length = u16(r + 8);
        const qsizetype at = strings + u16(r + 10);
        if (at + length > name.size())
            continue;
        const QByteArray raw = name.mid(at, length);
        if (u16(r) == 3) {
            QString s;
            for (qsizetype j = 0; j + 1 < raw.size(); j += 2)
                s += QChar(char16_t(qFromBigEndian<quint16>(raw.constData() + j)));
            return s.toLatin1();
        }
        if (u16(r) == 1)
            return raw;
    }
    return {};
}

const QHash<QByteArray, RadicalMap> &PdfToUnicode::reportFonts()
{
    static const QHash<QByteArray, RadicalMap> fonts = [] {
        QHash<QByteArray, RadicalMap> out;
        const auto add = [&out](const QRawFont &raw) {
            const QByteArray ps = postScriptName(raw);
            if (ps.isEmpty() || out.contains(ps))
                return;
            const RadicalMap map = radicalMap(raw);
            if (!map.isEmpty())
                out.insert(ps, map);
        };
        for (const bool bold : {false, true}) {
            const QFont report = ReportCharts::font(10, bold);
            for (const QString &family : report.families()) {
                QFont f = report;
                f.setFamilies({family});
                add(QRawFont::fromFont(f));
            }
            // The font Qt falls back to for Chinese when the listed ones lack a character.
            add(QRawFont::fromFont(report, QFontDatabase::SimplifiedChinese));
        }
        return out;
    }();
    return fonts;
}

std::optional<QByteArray> PdfToUnicode::fix(const QByteArray &pdf, const QHash<QByteArray, RadicalMap> &maps,
                                            QString *error, int *changed)
{
    const auto fail = [error](const QString &why) -> std::optional<QByteArray> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (changed)
        *changed = 0;
    const std::optional<Xref> xref = readXref(pdf);
    if (!xref)
        return fail(tr("The PDF has no cross-reference table this program can read."));

    static const QRegularExpression type0(u"/Subtype\\s*/Type0"_s);
    static const QRegularExpression baseFont(u"/BaseFont\\s*/(?:[A-Z]{6}\\+)?([^\\s/<>\\[\\]()]+)"_s);
    static const QRegularExpression toUnicode(u"/ToUnicode\\s+(\\d+)\\s+\\d+\\s+R"_s);
    QList<Replacement> replacements;
    for (int n = 1; n < xref->entries.size(); ++n) {
        const QByteArray object = objectAt(pdf, *xref, n);
        if (object.size() > 4096 || object.contains("stream"))
            continue; // font dictionaries are small and have no stream
        const QString text = QString::fromLatin1(object);
        if (!type0.match(text).hasMatch())
            continue;
        const QRegularExpressionMatch name = baseFont.match(text);
        const QRegularExpressionMatch map = toUnicode.match(text);
        if (!name.hasMatch() || !map.hasMatch())
            continue;
        const auto radicals = maps.constFind(name.captured(1).toLatin1());
        if (radicals == maps.constEnd())
            continue;
        const int cmapObject = map.captured(1).toInt();
        qint64 start = 0;
        qint64 end = 0;
        const QByteArray streamObject = objectAt(pdf, *xref, cmapObject, &start, &end);
        const std::optional<Stream> stream = readStream(pdf, *xref, streamObject);
        if (!stream)
            return fail(tr("Cannot read the text map of font %1 (object %2).").arg(name.captured(1)).arg(cmapObject));
        std::optional<CMap> cmap = parseCMap(stream->data);
        if (!cmap)
            return fail(tr("Cannot parse the text map of font %1 (object %2).").arg(name.captured(1)).arg(cmapObject));
        int remapped = 0;
        for (QString &text16 : cmap->mappings) {
            if (text16.size() != 1 || !isRadical(text16.front().unicode()))
                continue;
            const auto ideograph = radicals->constFind(text16.front().unicode());
            if (ideograph == radicals->constEnd())
                continue; // a radical with a glyph of its own: it was printed as a radical
            text16 = QChar(char16_t(*ideograph));
            ++remapped;
        }
        if (remapped == 0)
            continue;
        if (changed)
            *changed += remapped;
        const QByteArray data = writeCMap(*cmap);
        replacements << Replacement {start, end,
                                     QByteArray::number(cmapObject) + ' '
                                         + QByteArray::number(xref->entries[cmapObject].generation)
                                         + " obj\n<< /Length " + QByteArray::number(data.size()) + " >>\nstream\n"
                                         + data + "\nendstream\nendobj"};
    }
    if (replacements.isEmpty())
        return pdf;

    // Splice the new objects in, then move every offset behind them by what they grew.
    std::sort(replacements.begin(), replacements.end(),
              [](const Replacement &a, const Replacement &b) { return a.start < b.start; });
    const auto moved = [&replacements](qint64 offset) {
        qint64 delta = 0;
        for (const Replacement &r : replacements) {
            if (r.start < offset)
                delta += r.bytes.size() - (r.end - r.start);
        }
        return offset + delta;
    };
    QByteArray out;
    out.reserve(pdf.size() + 4096);
    qint64 at = 0;
    for (const Replacement &r : replacements) {
        if (r.start < at || r.end > xref->tableOffset)
            return fail(tr("The PDF's objects overlap its cross-reference table."));
        out += pdf.mid(at, r.start - at);
        out += r.bytes;
        at = r.end;
    }
    out += pdf.mid(at, xref->entriesOffset - at);
    for (const XrefEntry &e : xref->entries) {
        out += (e.inUse ? QByteArray::number(moved(e.offset)) : QByteArray::number(e.offset)).rightJustified(10, '0')
            + ' ' + QByteArray::number(e.generation).rightJustified(5, '0') + (e.inUse ? " n \n" : " f \n");
    }
    const qint64 afterEntries = xref->entriesOffset + qint64(xref->entries.size()) * 20;
    QByteArray tail = pdf.mid(afterEntries);
    const qsizetype startxref = tail.lastIndexOf("startxref");
    static const QRegularExpression offset(u"^startxref\\s+\\d+"_s);
    const QRegularExpressionMatch m = offset.match(QString::fromLatin1(tail.mid(startxref, 40)));
    if (startxref < 0 || !m.hasMatch())
        return fail(tr("The PDF has no cross-reference table this program can read."));
    const QByteArray newStartxref = "startxref\n" + QByteArray::number(moved(xref->tableOffset));
    tail.replace(startxref, m.capturedLength(0), newStartxref);
    out += tail;
    return out;
}

} // namespace hotline
