#pragma once

#include "domain/Enums.h"
#include "io/CsvTableReader.h"
#include "io/CsvWriter.h"
#include "io/UniqueKeyIndex.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QIODevice;

namespace hotline {

/** One validated row of the historical ticket CSV (PRODUCT §7); instants in ms since the epoch, UTC. */
struct HistoricalTicket
{
    QString number;
    Channel channel = Channel::Phone;
    TicketType type = TicketType::Consult;
    QString category;    ///< may be empty
    QString town;        ///< may be empty
    QString department;  ///< set exactly when dispatchedAt is
    QString callerName;  ///< may be empty (anonymous caller)
    QString callerPhone; ///< normalised (PhoneNumber::normalized()) or empty
    QString summary;
    qint64 registeredAt = 0;
    std::optional<qint64> dispatchedAt;
    std::optional<qint64> repliedAt; ///< without dispatchedAt: the call-taker's answer (answered at intake)
    std::optional<qint64> closedAt; ///< for a consultation answered at intake without closed_at: repliedAt
    std::optional<Satisfaction> satisfaction; ///< the callback answer, recorded at closedAt
};

/** Longest accepted values, in characters (Unicode code points, TextRules::length()), of the text columns. */
namespace TicketCsvLimits {
inline constexpr qsizetype Number = 32;
inline constexpr qsizetype Category = 100;
inline constexpr qsizetype Town = 50;
inline constexpr qsizetype Department = 100;
inline constexpr qsizetype CallerName = 50;
inline constexpr qsizetype Summary = 500;
/** The most a ticket file may hold: ten million rows (about 4 GB), some 20 years of a large centre. */
inline constexpr qint64 InputBytes = qint64(4) << 30;
inline constexpr qint64 Rows = 10'000'000;
} // namespace TicketCsvLimits

/** What TicketCsvReader yields for each data row: a ticket, or the reason it is not one. */
struct TicketCsvRow
{
    qint64 line = 0;        ///< 1-based line where the row starts
    QString error;          ///< reasons only ("; "-separated), no `FILE:LINE: `; empty when ticket is valid
    HistoricalTicket ticket; ///< meaningful only when error is empty

    bool isValid() const { return error.isEmpty(); }
};

/**
 * Streams the historical ticket CSV one validated row at a time, so an importer can write a million
 * rows without holding them. The header must name the 14 columns of PRODUCT §7, in any order, each once
 * (see CsvTableReader). Values are trimmed. Every bad row yields an error row listing all its problems
 * and reading goes on; an empty file, a bad header or an unreadable file yields one error row and ends
 * the stream. Numbers must be unique within the file.
 */
class TicketCsvReader
{
    Q_DECLARE_TR_FUNCTIONS(TicketCsvReader)

public:
    /** The header of the format, in its documented order. */
    static const QStringList &columns();

    /** Reads from device, which must be open and outlive the reader. */
    explicit TicketCsvReader(QIODevice *device);
    /** Opens the file at path itself; check openError() before reading. */
    explicit TicketCsvReader(const QString &path);

    /** Translated reason the file could not be opened; empty when it is open. */
    QString openError() const { return m_table.openError(); }

    /** Fills row with the next data row; false when there are no more. */
    bool readRow(TicketCsvRow &row);
    /** Overrides TicketCsvLimits::InputBytes and Rows (see CsvTableReader::setLimits). */
    void setLimits(qint64 maxBytes, qint64 maxRows) { m_table.setLimits(maxBytes, maxRows); }

    /** Bytes read so far and the input's size (0 if unknown), for a progress bar. */
    qint64 bytesConsumed() const { return m_table.bytesConsumed(); }
    qint64 totalBytes() const { return m_table.totalBytes(); }

private:
    enum Column {
        Number, ChannelColumn, Type, Category, Town, Department, CallerName, CallerPhone, Summary,
        RegisteredAt, DispatchedAt, RepliedAt, ClosedAt, SatisfactionColumn
    };

    void validate(TicketCsvRow &row);
    // An exported cell that started like a formula carries a guard apostrophe (CsvWriter::neutralised): read it back.
    QStringView value(Column c) const { return CsvWriter::formulaGuardRemoved(m_table.value(c)); }
    std::optional<qint64> instant(Column c, QStringList &problems) const;
    void text(Column c, qsizetype limit, QString &out, QStringList &problems) const;

    CsvTableReader m_table;
    UniqueKeyIndex m_numbers;
};

} // namespace hotline
