#include "storage/AdminLog.h"

#include "auth/Permissions.h"
#include "domain/Enums.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

bool AdminLog::query(const QString &sql, const QVariantList &values, QList<AdminChange> *out, QString *error) const
{
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        *error = Database::describeError(q.lastError(), m_db.path());
        return false;
    }
    while (q.next()) {
        const QJsonObject p = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        AdminChange c;
        c.seq = q.value(0).toLongLong();
        c.id = q.value(1).toString();
        c.atMs = q.value(2).toLongLong();
        c.actor = q.value(3).toString();
        c.console = q.value(4).toString();
        c.entity = p.value(u"entity"_s).toString();
        c.key = p.value(u"key"_s).toString();
        c.action = p.value(u"action"_s).toString();
        c.oldValue = p.value(u"old"_s);
        c.newValue = p.value(u"new"_s);
        *out << c;
    }
    return true;
}

bool AdminLog::list(qint64 fromMs, qint64 toMs, const QString &entity, QList<AdminChange> *out, QString *error) const
{
    // The admin stream's events are found by the ticket index (ticket_id, seq); the period and entity filter them.
    QString sql = u"SELECT seq, id, at_ms, actor, console, payload FROM events WHERE ticket_id = ? AND type = ?"_s;
    QVariantList values{QString(kAdminStream), toCode(EventType::AdminChanged)};
    if (fromMs > 0) {
        sql += u" AND at_ms >= ?"_s;
        values << fromMs;
    }
    if (toMs > 0) {
        sql += u" AND at_ms < ?"_s;
        values << toMs;
    }
    if (!entity.isEmpty()) {
        sql += u" AND json_extract(payload, '$.entity') = ?"_s;
        values << entity;
    }
    sql += u" ORDER BY at_ms, seq"_s;
    out->clear();
    return query(sql, values, out, error);
}

bool AdminLog::list(const Actor &by, qint64 fromMs, qint64 toMs, const QString &entity, QList<AdminChange> *out,
                    QString *error) const
{
    out->clear();
    return Permissions::check(by, Action::ViewAudit, error) && list(fromMs, toMs, entity, out, error);
}

bool AdminLog::all(QList<AdminChange> *out, QString *error) const
{
    out->clear();
    return query(u"SELECT seq, id, at_ms, actor, console, payload FROM events WHERE ticket_id = ? AND type = ? "
                 "ORDER BY server_seq IS NULL, server_seq, seq"_s,
                 {QString(kAdminStream), toCode(EventType::AdminChanged)}, out, error);
}

QString AdminLog::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return u"—"_s;
    case QJsonValue::Bool: return value.toBool() ? tr("yes") : tr("no");
    case QJsonValue::Double: return QString::number(value.toDouble());
    case QJsonValue::String: return value.toString().isEmpty() ? u"\"\""_s : value.toString();
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object: {
        const QJsonObject o = value.toObject();
        QStringList parts;
        for (auto it = o.begin(); it != o.end(); ++it)
            parts << it.key() + u'=' + describe(it.value());
        return parts.join(u", "_s);
    }
    }
    return {};
}

QString AdminLog::describeChange(const AdminChange &c)
{
    if (c.isBaseline())
        return tr("record starts: %n row(s) as they stood", nullptr, int(c.newValue.toObject().size()));
    return describe(c.oldValue) + u" → "_s + describe(c.newValue);
}

QString AdminLog::entityName(const QString &code)
{
    if (code == u"setting"_s)
        return tr("Setting");
    if (code == u"calendar_day"_s)
        return tr("Calendar day");
    if (code == u"department"_s)
        return tr("Department");
    if (code == u"category"_s)
        return tr("Category");
    if (code == u"town"_s)
        return tr("Town");
    if (code == u"user"_s)
        return tr("User");
    if (code == u"intake_token"_s)
        return tr("Intake token");
    return code;
}

} // namespace hotline
