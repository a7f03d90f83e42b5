#pragma once

#include "auth/Actor.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace hotline {

class Database;

/** One administrative change as recorded (an `admin_changed` event). */
struct AdminChange
{
    qint64 seq = 0;
    QString id;
    qint64 atMs = 0;
    QString actor;
    QString console;
    QString entity; ///< setting, calendar_day, department, category, town, user
    QString key;    ///< the row's key ("*" for a baseline: the whole table)
    QString action; ///< what the person did when the rows do not say it (password_reset, import, …), or empty
    QJsonValue oldValue; ///< null when the row was added
    QJsonValue newValue; ///< null when the row was removed

    bool isBaseline() const { return key == QStringLiteral("*"); }
};

/** Reads the administrative events: the audit page, `hotlinectl audit` and ReferenceVerifier. */
class AdminLog final
{
    Q_DECLARE_TR_FUNCTIONS(AdminLog)

public:
    explicit AdminLog(Database &db) : m_db(db) {}

    /**
     * The changes with fromMs <= time < toMs (0: open end), of one entity (empty: all), oldest first. False with
     * error set when the log cannot be read.
     */
    bool list(qint64 fromMs, qint64 toMs, const QString &entity, QList<AdminChange> *out, QString *error) const;
    /** The same for a person: refused (error set) unless the permission table lets them view the audit. */
    bool list(const Actor &by, qint64 fromMs, qint64 toMs, const QString &entity, QList<AdminChange> *out,
              QString *error) const;
    /** Every change in the order every console folds them: server order, then changes not yet pushed. */
    bool all(QList<AdminChange> *out, QString *error) const;

    /** A value as one line of text: "—" for none, an object's fields as name=value separated by commas. */
    static QString describe(const QJsonValue &value);
    /** "old → new", or for a baseline how many rows it put on the record. */
    static QString describeChange(const AdminChange &change);
    /** A short, translated name of an entity code (Setting, Calendar day, …). */
    static QString entityName(const QString &code);

private:
    bool query(const QString &sql, const QVariantList &values, QList<AdminChange> *out, QString *error) const;

    Database &m_db;
};

} // namespace hotline
