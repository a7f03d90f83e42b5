#include "io/UniqueKeyIndex.h"

#include <QHash>
#include <QHashFunctions>

namespace hotline {
namespace {
constexpr size_t kInitialSlots = 1024;
}

UniqueKeyIndex::UniqueKeyIndex()
    : m_slots(kInitialSlots, Slot{0, 0})
    , m_seed(QHashSeed::globalSeed()) // per-process seed: a crafted file cannot force collisions
{
}

void UniqueKeyIndex::clear()
{
    m_keys.clear();
    m_entries.clear();
    m_slots.assign(kInitialSlots, Slot{0, 0});
}

qint64 UniqueKeyIndex::insert(QStringView key, qint64 line)
{
    const auto hash = quint32(qHash(key, m_seed));
    const size_t mask = m_slots.size() - 1;
    size_t i = hash & mask;
    for (; m_slots[i].entry != 0; i = (i + 1) & mask) {
        if (m_slots[i].hash != hash)
            continue;
        const Entry &e = m_entries[m_slots[i].entry - 1];
        if (QStringView(m_keys).mid(e.offset, e.length) == key)
            return e.line;
    }
    m_entries.push_back(Entry{line, m_keys.size(), key.size()});
    m_keys.append(key);
    m_slots[i] = Slot{hash, quint32(m_entries.size())};
    if (m_entries.size() * 2 > m_slots.size())
        grow();
    return 0;
}

void UniqueKeyIndex::grow()
{
    std::vector<Slot> table(m_slots.size() * 2, Slot{0, 0});
    const size_t mask = table.size() - 1;
    for (const Slot &slot : m_slots) {
        if (slot.entry == 0)
            continue;
        size_t i = slot.hash & mask;
        while (table[i].entry != 0)
            i = (i + 1) & mask;
        table[i] = slot;
    }
    m_slots.swap(table);
}

} // namespace hotline
