#include "reports/DisplayWidth.h"

#include "domain/TextRules.h"

#include <QChar>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

// The East Asian Wide/Full-width blocks, after Markus Kuhn's wcwidth().
bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
           || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE10 && c <= 0xFE19)
           || (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6)
           || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x2FFFD)
           || (c >= 0x30000 && c <= 0x3FFFD);
}

int width(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:   // zero-width joiner, soft hyphen…
    case QChar::Other_Control:
        return 0;
    default:
        return isWide(c) ? 2 : 1;
    }
}

} // namespace

int displayWidth(QStringView text)
{
    int columns = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        columns += width(c);
    }
    return columns;
}

QString padToWidth(const QString &text, int width, bool alignLeft)
{
    const QString fill(qMax(0, width - displayWidth(text)), u' ');
    return alignLeft ? text + fill : fill + text;
}

QString alignedTable(const QStringList &titles, QList<QStringList> rows, const std::function<bool(int)> &alignLeft,
                     qsizetype ruleBefore)
{
    for (QStringList &row : rows) {
        for (QString &cell : row)
            cell = TextRules::visible(cell);
    }
    QList<int> widths;
    for (const QString &t : titles)
        widths << displayWidth(t);
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], displayWidth(row[i]));
    }
    const auto line = [&](const QStringList &cells) -> QString {
        QStringList padded;
        for (int i = 0; i < cells.size() && i < widths.size(); ++i)
            padded << padToWidth(cells[i], widths[i], alignLeft(i));
        return padded.join(u"  "_s) + u'\n';
    };
    QStringList rules;
    for (int w : widths)
        rules << QString(w, u'-');
    const QString rule = rules.join(u"  "_s) + u'\n';
    QString out = line(titles) + rule;
    for (qsizetype i = 0; i < rows.size(); ++i)
        out += (i == ruleBefore ? rule : QString()) + line(rows[i]);
    return out;
}

} // namespace hotline
