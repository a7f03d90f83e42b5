#pragma once

#include <QString>
#include <QStringView>

#include <vector>

namespace hotline {

/**
 * The keys (ticket numbers, department codes) already seen in an import file, with the line of each,
 * kept compactly: one string arena plus an open-addressing table, about 40 bytes plus the characters
 * per key instead of a QHash node and a QString allocation each (over 100 bytes): it matters at a million rows.
 */
class UniqueKeyIndex
{
public:
    UniqueKeyIndex();

    /** Remembers key as seen on line; returns 0 if it is new, else the line where it was first seen. */
    qint64 insert(QStringView key, qint64 line);
    qsizetype size() const { return qsizetype(m_entries.size()); }
    void clear();

private:
    struct Entry
    {
        qint64 line;
        qsizetype offset; // in m_keys
        qsizetype length;
    };
    // The hash sits in the table so that probing rarely touches the entries (a cache miss each).
    struct Slot
    {
        quint32 hash;
        quint32 entry; // 1 + index into m_entries; 0 = free
    };

    void grow();

    QString m_keys;
    std::vector<Entry> m_entries;
    std::vector<Slot> m_slots; // size is a power of two
    size_t m_seed;
};

} // namespace hotline
