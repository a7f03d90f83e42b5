#include "io/InterviewQuestions.h"

#include "domain/TextRules.h"
#include "io/CsvReader.h"
#include "io/StrictUtf8.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

/** Header names as platforms and people write them (compared trimmed and lower-case, spaces and _ removed). */
const QStringList kTextHeaders{u"内容"_s,  u"问题"_s,  u"提问"_s,     u"提问内容"_s, u"问题内容"_s,
                               u"微博内容"_s, u"question"_s, u"text"_s, u"content"_s};
const QStringList kNameHeaders{u"网友"_s, u"昵称"_s,  u"用户"_s,    u"网友昵称"_s, u"用户名"_s,
                               u"提问人"_s, u"name"_s, u"netizen"_s, u"nickname"_s, u"user"_s};
const QStringList kTimeHeaders{u"时间"_s, u"提问时间"_s, u"发布时间"_s, u"time"_s, u"askedat"_s, u"createdat"_s};

constexpr int kMaxNetizenChars = 50; // TicketService::kMaxName

QString headerKey(QStringView field)
{
    QString k = field.trimmed().toString().toLower();
    k.remove(u' ');
    k.remove(u'_');
    k.remove(QChar(0xFEFF));
    return k;
}

/** The first n code points of s (never splitting a surrogate pair). */
QString leftChars(const QString &s, qsizetype n)
{
    qsizetype units = 0;
    for (qsizetype chars = 0; units < s.size() && chars < n; ++chars)
        units += (s.at(units).isHighSurrogate() && units + 1 < s.size()) ? 2 : 1;
    return s.left(units);
}

bool validUtf8(const QByteArray &bytes)
{
    QString scratch(bytes.size(), Qt::Uninitialized);
    return decodeStrictUtf8(bytes.constData(), bytes.size(), reinterpret_cast<char16_t *>(scratch.data())) >= 0;
}

QString keyOf(const InterviewQuestion &q)
{
    // Spacing differences between two exports of the same interview do not make a new question.
    const QString identity = q.text.simplified() + QChar(0x1F) + q.netizen + QChar(0x1F) + q.askedAt.simplified();
    return QString::fromLatin1(QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).toHex());
}

/** Fills one question from its raw fields and checks it; state stays Ok unless something is wrong. */
void check(InterviewQuestion &q, const QString &rawText, const QString &rawName, const QString &rawTime,
           const QTimeZone &zone)
{
    q.text = TextRules::stripped(rawText, TextRules::Lines::Keep).trimmed();
    q.netizen = TextRules::stripped(rawName, TextRules::Lines::Single).simplified();
    q.askedAt = TextRules::stripped(rawTime, TextRules::Lines::Single).simplified();
    QStringList notes;
    if (TextRules::length(q.netizen) > kMaxNetizenChars) {
        q.netizen = leftChars(q.netizen, kMaxNetizenChars);
        notes << InterviewQuestions::tr("name shortened to %1 characters").arg(kMaxNetizenChars);
    }
    const qsizetype length = TextRules::length(q.text);
    if (q.text.isEmpty()) {
        q.state = InterviewQuestion::State::Problem;
        q.reason = InterviewQuestions::tr("the question is empty");
    } else if (length > InterviewQuestions::kMaxQuestionChars) {
        q.state = InterviewQuestion::State::Problem;
        q.reason = InterviewQuestions::tr("the question is too long (%1 characters, at most %2)")
                       .arg(length)
                       .arg(InterviewQuestions::kMaxQuestionChars);
    } else if (!q.askedAt.isEmpty() && !InterviewQuestions::isTime(q.askedAt, zone)) {
        q.state = InterviewQuestion::State::Problem;
        q.reason = InterviewQuestions::tr("\"%1\" is not a time (write e.g. 2026-12-06 14:03 or 14:03)")
                       .arg(TextRules::visible(q.askedAt));
    }
    if (q.state == InterviewQuestion::State::Ok && q.shortened())
        notes.prepend(InterviewQuestions::tr("long: the summary is its first %1 characters, the details the whole")
                          .arg(InterviewQuestions::kSummaryChars - 1));
    q.note = notes.join(u"; "_s);
    q.key = keyOf(q);
}

/** Marks the later copies of a question the file repeats (same text, name and time). */
void markRepeats(QList<InterviewQuestion> &questions)
{
    QHash<QString, qint64> first;
    for (InterviewQuestion &q : questions) {
        if (q.state != InterviewQuestion::State::Ok)
            continue;
        const auto it = first.constFind(q.key);
        if (it == first.cend()) {
            first.insert(q.key, q.line);
            continue;
        }
        q.state = InterviewQuestion::State::Problem;
        q.reason = InterviewQuestions::tr("the same question as on line %1").arg(*it);
    }
}

int column(const QStringList &header, const QStringList &names)
{
    for (int i = 0; i < header.size(); ++i) {
        if (names.contains(headerKey(header.at(i))))
            return i;
    }
    return -1;
}

void readCsv(InterviewQuestionFile &out, const QByteArray &utf8, int textColumn, int nameColumn, int timeColumn,
             const QTimeZone &zone)
{
    QByteArray copy = utf8;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    CsvRecord record;
    bool header = true;
    while (reader.readRecord(record)) {
        if (header) {
            header = false;
            continue;
        }
        InterviewQuestion q;
        q.line = record.line;
        if (!record.isValid()) {
            q.state = InterviewQuestion::State::Problem;
            q.reason = record.error;
            out.questions << q;
            continue;
        }
        auto field = [&record](int i) { return i >= 0 && i < record.fieldCount() ? record.field(i).toString() : QString(); };
        check(q, field(textColumn), field(nameColumn), field(timeColumn), zone);
        out.questions << q;
    }
}

void readLines(InterviewQuestionFile &out, const QString &text, const QTimeZone &zone)
{
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue; // blank lines separate questions in a typed list; they are not questions
        InterviewQuestion q;
        q.line = i + 1;
        check(q, line, QString(), QString(), zone);
        out.questions << q;
    }
}

} // namespace

namespace {

/** The question on one line: line breaks become spaces (stripping alone would glue the lines' words). */
QString oneLine(const QString &text)
{
    QString single = text;
    for (QChar &c : single) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    return TextRules::stripped(single, TextRules::Lines::Single).simplified();
}

} // namespace

QString InterviewQuestion::summary() const
{
    const QString single = oneLine(text);
    if (TextRules::length(single) <= InterviewQuestions::kSummaryChars)
        return single;
    return leftChars(single, InterviewQuestions::kSummaryChars - 1) + u'…';
}

bool InterviewQuestion::shortened() const
{
    return TextRules::length(oneLine(text)) > InterviewQuestions::kSummaryChars;
}

int InterviewQuestionFile::count(InterviewQuestion::State state) const
{
    int n = 0;
    for (const InterviewQuestion &q : questions)
        n += q.state == state ? 1 : 0;
    return n;
}

bool InterviewQuestions::isTime(const QString &text, const QTimeZone &zone)
{
    const QString t = text.trimmed();
    if (QDateTime::fromString(t, Qt::ISODate).isValid())
        return true;
    static const QStringList dateTimes{u"yyyy-M-d H:mm:ss"_s, u"yyyy-M-d H:mm"_s, u"yyyy/M/d H:mm:ss"_s,
                                       u"yyyy/M/d H:mm"_s,    u"yyyy年M月d日 H:mm:ss"_s, u"yyyy年M月d日 H:mm"_s,
                                       u"yyyy年M月d日H:mm"_s, u"M月d日 H:mm"_s, u"M-d H:mm"_s};
    for (const QString &format : dateTimes) {
        QDateTime dt = QDateTime::fromString(t, format);
        if (dt.isValid()) {
            dt.setTimeZone(zone);
            return dt.isValid();
        }
    }
    for (const QString &format : {u"H:mm:ss"_s, u"H:mm"_s}) { // the time of day during the live interview
        if (QTime::fromString(t, format).isValid())
            return true;
    }
    return false;
}

InterviewQuestionFile InterviewQuestions::parse(const QByteArray &bytes, const QTimeZone &zone)
{
    InterviewQuestionFile out;
    QByteArray utf8 = bytes;
    if (utf8.startsWith("\xEF\xBB\xBF"))
        utf8.remove(0, 3);
    if (validUtf8(utf8)) {
        out.encoding = u"UTF-8"_s;
    } else {
        // Not UTF-8: a Chinese Windows' Excel saves "CSV" as GB18030 (GBK). Accepted only if it decodes cleanly.
        QStringDecoder gb("GB18030");
        const QString decoded = gb.isValid() ? QString(gb.decode(bytes)) : QString();
        if (!gb.isValid() || gb.hasError() || decoded.contains(QChar::ReplacementCharacter)) {
            out.error = tr("The text is neither UTF-8 nor GB18030; save it as \"CSV UTF-8\" and try again.");
            return out;
        }
        out.encoding = u"GB18030"_s;
        utf8 = decoded.toUtf8();
    }
    const QString text = QString::fromUtf8(utf8);
    if (text.trimmed().isEmpty()) {
        out.error = tr("There are no questions in it.");
        return out;
    }
    // A header naming a question column makes it CSV; anything else is a list, one question per line (a
    // question may well contain commas).
    const QString firstLine = text.section(u'\n', 0, 0).trimmed();
    QStringList header;
    {
        QByteArray firstBytes = firstLine.toUtf8();
        QBuffer buffer(&firstBytes);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        CsvRecord record;
        if (reader.readRecord(record) && record.isValid())
            header = record.fields();
    }
    const int textColumn = column(header, kTextHeaders);
    if (textColumn >= 0) {
        out.format = InterviewQuestionFile::Format::Csv;
        readCsv(out, utf8, textColumn, column(header, kNameHeaders), column(header, kTimeHeaders), zone);
    } else {
        out.format = InterviewQuestionFile::Format::PlainText;
        readLines(out, text, zone);
    }
    markRepeats(out.questions);
    if (out.questions.isEmpty())
        out.error = tr("There are no questions in it.");
    return out;
}

InterviewQuestionFile InterviewQuestions::readFile(const QString &path, const QTimeZone &zone)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        InterviewQuestionFile out;
        out.error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return out;
    }
    if (file.size() > kMaxBytes) {
        InterviewQuestionFile out;
        out.error = tr("%1 is too big for a questions file (%2 MB, at most %3 MB).")
                        .arg(path)
                        .arg(file.size() / (1024 * 1024))
                        .arg(kMaxBytes / (1024 * 1024));
        return out;
    }
    InterviewQuestionFile out = parse(file.readAll(), zone);
    if (!out.error.isEmpty())
        out.error = tr("%1: %2").arg(path, out.error);
    return out;
}

} // namespace hotline
