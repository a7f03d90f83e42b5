#include "admin/SettingsPage.h"

#include "domain/DisplayNames.h"
#include "notify/SmsTemplate.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "storage/Settings.h"
#include "support/ConsoleSession.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

const auto kErrorStyle = u"color: #b00020;"_s;
const auto kHintStyle = u"color: #666666;"_s;

bool isTemplate(const QString &key)
{
    return key == u"sms.template"_s || key == u"sms.urge_template"_s;
}

/** Which box a key belongs to: its prefix. */
QString sectionOf(const QString &key)
{
    if (key.startsWith(u"centre."_s) || key.startsWith(u"work."_s))
        return u"centre"_s;
    return key.section(u'.', 0, 0);
}

} // namespace

SettingsPage::SettingsPage(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(u"settingsPage"_s);
    // Short labels here; the spec's description (what `hotlinectl config` prints) goes under the field.
    const QHash<QString, QString> labels {
        {u"centre.name"_s, tr("Centre &name")},
        {u"centre.timezone"_s, tr("&Time zone")},
        {u"work.periods"_s, tr("&Working periods")},
        {u"sla.consult_days"_s, tr("&Consultation limit (working days)")},
        {u"sla.handling_days"_s, tr("&Handling limit (working days)")},
        {u"sla.yellow_hours"_s, tr("&Yellow warning (working hours)")},
        {u"sync.interval_seconds"_s, tr("S&ync interval (seconds)")},
        {u"sms.url"_s, tr("SMS gateway &URL")},
        {u"sms.token"_s, tr("SMS gateway t&oken")},
        {u"sms.template"_s, tr("&Reminder SMS")},
        {u"sms.urge_template"_s, tr("Ur&ging SMS")},
        {u"sms.timeout_seconds"_s, tr("SMS gateway time&out (seconds)")},
    };
    const QHash<QString, QString> sections {
        {u"centre"_s, tr("Centre and working hours")},
        {u"sla"_s, tr("Time limits")},
        {u"sync"_s, tr("Shared server")},
        {u"sms"_s, tr("SMS reminders and urging")},
    };

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    QHash<QString, QFormLayout *> forms;
    for (const SettingSpec &spec : Settings::specs()) {
        const QString section = sectionOf(spec.key);
        QFormLayout *&form = forms[section];
        if (!form) {
            auto *box = new QGroupBox(sections.value(section, tr("Other")), content);
            form = new QFormLayout(box);
            form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
            contentLayout->addWidget(box);
        }
        Row row;
        QWidget *field = buildRow(spec.key, spec.description, row);
        auto *label = new QLabel(labels.value(spec.key, spec.key), content);
        label->setBuddy(row.edit); // Alt+mnemonic and screen readers land in the line edit, not its frame
        form->addRow(label, field);
        m_keys << spec.key;
        m_rows.insert(spec.key, row);
    }
    contentLayout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    m_message = new QLabel(this);
    m_message->setObjectName(u"settingsMessage"_s);
    m_message->setWordWrap(true);
    auto *saveButton = new QPushButton(tr("&Save settings"), this);
    saveButton->setObjectName(u"saveSettings"_s);
    saveButton->setDefault(true);
    auto *revertButton = new QPushButton(tr("Re&vert"), this);
    revertButton->setObjectName(u"revertSettings"_s);
    connect(saveButton, &QPushButton::clicked, this, &SettingsPage::save);
    connect(revertButton, &QPushButton::clicked, this, [this] {
        reload();
        showMessage(tr("The stored settings are shown again."), false);
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(revertButton);
    buttons->addWidget(saveButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);

    // Tab order follows the page: every field top to bottom, then Revert, then Save.
    QWidget *previous = nullptr;
    for (const QString &key : std::as_const(m_keys)) {
        if (previous)
            setTabOrder(previous, m_rows.value(key).edit);
        previous = m_rows.value(key).edit;
    }
    if (previous)
        setTabOrder(previous, revertButton);
    setTabOrder(revertButton, saveButton);
    reload();
}

QWidget *SettingsPage::buildRow(const QString &key, const QString &description, Row &row)
{
    auto *field = new QWidget(this);
    auto *column = new QVBoxLayout(field);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    row.edit = new QLineEdit(field);
    row.edit->setObjectName(u"setting:"_s + key);
    if (key == u"sms.token"_s)
        row.edit->setEchoMode(QLineEdit::PasswordEchoOnEdit); // masked, yet what is typed can be checked
    column->addWidget(row.edit);
    row.error = new QLabel(field);
    row.error->setObjectName(u"settingError:"_s + key);
    row.error->setStyleSheet(kErrorStyle);
    row.error->setWordWrap(true);
    row.error->hide();
    column->addWidget(row.error);
    QString hint = description;
    if (isTemplate(key)) {
        QStringList names;
        for (const QString &p : Settings::templatePlaceholders())
            names << u"{"_s + p + u"}"_s;
        hint = tr("Allowed placeholders: %1 ({number} is required).").arg(names.join(u"  "_s));
    }
    auto *hintLabel = new QLabel(hint, field);
    hintLabel->setStyleSheet(kHintStyle);
    hintLabel->setWordWrap(true);
    column->addWidget(hintLabel);
    if (isTemplate(key)) {
        row.preview = new QLabel(field);
        row.preview->setObjectName(u"settingPreview:"_s + key);
        row.preview->setWordWrap(true);
        row.preview->setTextFormat(Qt::PlainText);
        column->addWidget(row.preview);
        connect(row.edit, &QLineEdit::textChanged, this, [this, key] { updatePreview(key); });
    }
    // Checked when the operator leaves the field, so a mistake shows before Save.
    connect(row.edit, &QLineEdit::editingFinished, this, [this, key] { check(key); });
    return field;
}

void SettingsPage::reload()
{
    const Settings &settings = m_session.workspace().settings();
    for (const QString &key : std::as_const(m_keys)) {
        const Row &row = m_rows[key];
        row.edit->setText(settings.value(key));
        row.error->clear();
        row.error->hide();
        if (row.preview)
            updatePreview(key);
    }
}

bool SettingsPage::check(const QString &key)
{
    const Row &row = m_rows[key];
    const QString why = Settings::validate(key, row.edit->text().trimmed());
    row.error->setText(why);
    row.error->setVisible(!why.isEmpty());
    return why.isEmpty();
}

void SettingsPage::updatePreview(const QString &key)
{
    const Row &row = m_rows[key];
    // A made-up ticket 3 working hours before its deadline: the text as a department would receive it.
    const SmsTemplate::Values sample {u"250303-01-0001"_s, tr("District Urban Management Bureau"),
                                      DisplayNames::workingTime(3 * 3600), u"2025-03-04 09:00"_s, QString()};
    QString error;
    const QString text = SmsTemplate::render(row.edit->text().trimmed(), sample, &error);
    if (text.isNull()) {
        row.preview->setStyleSheet(kErrorStyle);
        row.preview->setText(error);
        return;
    }
    row.preview->setStyleSheet(kHintStyle);
    row.preview->setText(tr("Example (%n characters): %1", nullptr, int(text.size())).arg(text));
}

bool SettingsPage::save()
{
    bool allValid = true;
    QLineEdit *firstBad = nullptr;
    for (const QString &key : std::as_const(m_keys)) {
        if (!check(key)) {
            allValid = false;
            if (!firstBad)
                firstBad = m_rows.value(key).edit;
        }
    }
    if (!allValid) {
        showMessage(tr("Nothing was saved: correct the fields marked in red."), true);
        firstBad->setFocus();
        return false;
    }
    Workspace &ws = m_session.workspace();
    Settings &settings = ws.settings();
    QStringList changed;
    for (const QString &key : std::as_const(m_keys)) {
        if (m_rows.value(key).edit->text().trimmed() != settings.value(key))
            changed << key;
    }
    if (changed.isEmpty()) {
        showMessage(tr("Nothing to save: no setting was changed."), false);
        return true;
    }
    // All changed keys or none: a half-saved SMS configuration would send with a mix of old and new values.
    QList<std::pair<QString, QString>> values;
    for (const QString &key : std::as_const(changed))
        values.append({key, m_rows.value(key).edit->text().trimmed()});
    QString error;
    if (!settings.setMany(m_session.actor(), values, &error)) {
        showMessage(tr("Nothing was saved: %1").arg(error), true);
        return false;
    }
    showMessage(tr("Saved %n setting(s).", nullptr, int(changed.size())), false);
    return true;
}

QLineEdit *SettingsPage::field(const QString &key) const
{
    return m_rows.value(key).edit;
}

QString SettingsPage::problem(const QString &key) const
{
    const Row row = m_rows.value(key);
    return row.error && row.error->isVisibleTo(this) ? row.error->text() : QString();
}

void SettingsPage::showMessage(const QString &text, bool isError)
{
    m_message->setStyleSheet(isError ? kErrorStyle : QString());
    m_message->setText(text);
}

} // namespace hotline
