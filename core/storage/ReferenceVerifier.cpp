#include "storage/ReferenceVerifier.h"

#include "storage/AdminAudit.h"
#include "storage/AdminLog.h"
#include "storage/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

QString oneLine(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() ? ReferenceVerifier::tr("no such row") : AdminLog::describe(v);
}

} // namespace

ReferenceFinding ReferenceVerifier::verify(Database &db)
{
    ReferenceFinding f;
    QList<AdminChange> changes;
    QString error;
    if (!AdminLog(db).all(&changes, &error)) {
        f.ok = false;
        f.message = tr("cannot read the administrative events: %1").arg(error);
        return f;
    }
    for (AdminEntity entity : AdminAudit::allEntities()) {
        if (!AdminAudit::isReplicated(entity))
            continue; // its events come from other consoles too, its rows are only the serving one's
        const QString code = AdminAudit::entityCode(entity);
        AdminRows expected;
        bool recorded = false;
        for (const AdminChange &c : std::as_const(changes)) {
            if (c.entity != code)
                continue;
            if (c.isBaseline()) {
                expected.clear();
                const QJsonObject rows = c.newValue.toObject();
                for (auto it = rows.begin(); it != rows.end(); ++it)
                    expected.insert(it.key(), it.value());
                recorded = true;
            } else if (c.newValue.isNull()) {
                expected.remove(c.key);
            } else {
                expected.insert(c.key, c.newValue);
            }
        }
        if (!recorded) {
            f.unrecorded << code;
            continue;
        }
        QString why;
        const AdminRows stored = AdminAudit::snapshot(db, entity, &why);
        if (!why.isEmpty()) {
            f.ok = false;
            f.message = tr("cannot read the %1 rows: %2").arg(code, why);
            return f;
        }
        QStringList keys = expected.keys() + stored.keys();
        keys.removeDuplicates();
        std::sort(keys.begin(), keys.end());
        for (const QString &key : std::as_const(keys)) {
            ++f.checkedRows;
            const QJsonValue want = expected.contains(key)
                                        ? AdminAudit::comparable(entity, key, expected.value(key))
                                        : QJsonValue(QJsonValue::Null);
            const QJsonValue shown = stored.contains(key) ? AdminAudit::shown(entity, key, stored.value(key))
                                                          : QJsonValue(QJsonValue::Null);
            const QJsonValue have = shown.isNull() ? shown : AdminAudit::comparable(entity, key, shown);
            if (want == have)
                continue;
            f.ok = false;
            f.entity = code;
            f.key = key;
            f.expected = expected.value(key, QJsonValue::Null);
            f.stored = shown;
            f.message = tr("%1 “%2” differs from the administrative log: the log says %3, the table holds %4")
                            .arg(AdminLog::entityName(code), key, oneLine(f.expected), oneLine(f.stored));
            return f;
        }
    }
    f.message = tr("%n reference row(s) match the administrative log", nullptr, int(f.checkedRows));
    return f;
}

} // namespace hotline
