#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace hotline {

/** One question of a micro-interview as read from the platform's export, with what the reader found wrong. */
struct InterviewQuestion
{
    enum class State {
        Ok,       ///< will be imported (note may say what was adjusted, e.g. a shortened summary)
        Problem,  ///< will not be imported: reason says why
        Imported, ///< already in this database: reason is the ticket number it became
    };

    qint64 line = 0;    ///< 1-based line of the file where the question starts
    QString text;       ///< the whole question, invisible characters removed
    QString netizen;    ///< the netizen's name (becomes the caller's name)
    QString askedAt;    ///< the question's time as the platform wrote it (kept in the details), may be empty
    State state = State::Ok;
    QString reason;     ///< Problem: why; Imported: the ticket number
    QString note;       ///< Ok: what was adjusted (summary shortened, name shortened)
    QString key;        ///< the duplicate guard's identity: SHA-256 hex of text, netizen and time

    /** The ticket's summary: the text, or its first part when the text is too long for a summary. */
    QString summary() const;
    /** Whether the summary is only the first part of the text (then the details carry the whole). */
    bool shortened() const;
};

/** What InterviewQuestions read from one file or pasted text. */
struct InterviewQuestionFile
{
    enum class Format { Csv, PlainText };
    QString error;          ///< the whole input is unusable (unknown encoding, no text column): no rows then
    QString encoding;       ///< "UTF-8" or "GB18030"
    Format format = Format::PlainText;
    QList<InterviewQuestion> questions;

    int count(InterviewQuestion::State state) const;
};

/**
 * Reads a micro-interview's questions as a microblog or live platform exports them (docs/DATA-FORMATS.md
 * "Micro-interview questions"): UTF-8 with or without BOM, or GB18030 (what Excel on a Chinese Windows saves),
 * as CSV whose header names the columns in Chinese or English (内容/问题/提问 or question/text, 网友/昵称/用户
 * or name/netizen, 时间/提问时间 or time), or plain text, one question per line. Each row is checked on its
 * own: a bad row is reported with its line and reason and never hides the good ones.
 */
class InterviewQuestions final
{
    Q_DECLARE_TR_FUNCTIONS(InterviewQuestions)

public:
    /** A question longer than a ticket's summary may be (TicketService::kMaxSummary) becomes its first part plus
     *  "…", the whole going to the details. */
    static constexpr int kSummaryChars = 500;
    /** A question longer than this cannot be a ticket (the details hold 5,000 with the time line). */
    static constexpr int kMaxQuestionChars = 4800;
    /** Files beyond this are refused before reading (a 1,804-question interview is well under 1 MB). */
    static constexpr qint64 kMaxBytes = 16 * 1024 * 1024;

    /** Reads the bytes of a file or a paste; zone is the centre's, for reading times without an offset. */
    static InterviewQuestionFile parse(const QByteArray &bytes, const QTimeZone &zone);
    /** Reads a file (its path named in a read error). */
    static InterviewQuestionFile readFile(const QString &path, const QTimeZone &zone);

    /** Whether text is a time the reader accepts ("2026-12-06 14:03", "2026/12/6 14:03:20", "14:03", ISO 8601). */
    static bool isTime(const QString &text, const QTimeZone &zone);
};

} // namespace hotline
