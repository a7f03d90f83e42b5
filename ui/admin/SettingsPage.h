#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace hotline {

class ConsoleSession;

/**
 * The administrator's settings: one field per key of Settings::specs(), each checked by Settings::validate with
 * the reason shown under the field. Save writes every changed value in one transaction, and nothing at all while
 * any field is refused.
 */
class SettingsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(ConsoleSession &session, QWidget *parent = nullptr);

    /** The stored values into the fields again (edits are discarded). */
    void reload();
    /** Checks every field and saves the changed ones; false (nothing saved) when one is refused. */
    bool save();
    QLineEdit *field(const QString &key) const;
    /** The reason shown under a field, empty when it is acceptable. */
    QString problem(const QString &key) const;

private:
    struct Row
    {
        QLineEdit *edit = nullptr;
        QLabel *error = nullptr;
        QLabel *preview = nullptr; // templates only
    };

    QWidget *buildRow(const QString &key, const QString &description, Row &row);
    bool check(const QString &key);
    void updatePreview(const QString &key);
    void showMessage(const QString &text, bool isError);

    ConsoleSession &m_session;
    QStringList m_keys; // in Settings::specs() order
    QHash<QString, Row> m_rows;
    QLabel *m_message = nullptr;
};

} // namespace hotline
