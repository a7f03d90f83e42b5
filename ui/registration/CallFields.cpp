#include "registration/CallFields.h"

#include "domain/DisplayNames.h"
#include "domain/PhoneNumber.h"
#include "registration/FieldErrorDisplay.h"
#include "service/TicketService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

CallFields::CallFields(const QStringList &towns, const QStringList &categories, QWidget *parent)
    : QWidget(parent)
{
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(u"callerPhone"_s);
    m_phone->setMaxLength(int(PhoneNumber::MaxInputLength));
    m_phone->setPlaceholderText(tr("Mobile 138 1234 5678 or landline 0757-8628 0000"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"callerName"_s);
    m_name->setMaxLength(TicketService::kMaxName);
    m_name->setPlaceholderText(tr("How the caller wants to be addressed"));
    m_anonymous = new QCheckBox(tr("&Anonymous caller"), this);
    m_anonymous->setObjectName(u"anonymous"_s);
    m_anonymous->setToolTip(tr("The caller's name and phone are not recorded."));
    m_declinesSms = new QCheckBox(tr("No SMS (不接收短信)"), this);
    m_declinesSms->setObjectName(u"declinesSms"_s);
    m_declinesSms->setToolTip(tr("The caller declines SMS about this ticket (the number and the reply)."));
    m_declinesSms->setFocusPolicy(Qt::ClickFocus); // out of the keyboard flow: Tab goes from phone to name

    m_channel = new QComboBox(this);
    m_channel->setObjectName(u"channel"_s);
    for (Channel c : {Channel::Phone, Channel::Weibo, Channel::WeChat, Channel::Web, Channel::Petition,
                      Channel::Interview, Channel::WalkIn})
        m_channel->addItem(DisplayNames::of(c), int(c));
    m_type = new QComboBox(this);
    m_type->setObjectName(u"type"_s);
    for (TicketType t :
         {TicketType::Consult, TicketType::Complaint, TicketType::Help, TicketType::Suggestion, TicketType::Report})
        m_type->addItem(DisplayNames::of(t), int(t));
    m_town = makeCompletingCombo(u"town"_s, towns);
    m_category = makeCompletingCombo(u"category"_s, categories);

    m_summary = new QLineEdit(this);
    m_summary->setObjectName(u"summary"_s);
    m_summary->setMaxLength(TicketService::kMaxSummary);
    m_summary->setPlaceholderText(tr("One line: what the caller asks for or reports"));
    m_summaryCount = new QLabel(this);
    m_summaryCount->setObjectName(u"summaryCount"_s);
    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(u"details"_s);
    m_details->setTabChangesFocus(true);
    m_details->setPlaceholderText(tr("Where, since when, what has been tried …"));
    m_detailsCount = new QLabel(this);
    m_detailsCount->setObjectName(u"detailsCount"_s);
    m_intakeAnswer = new QPlainTextEdit(this);
    m_intakeAnswer->setObjectName(u"intakeAnswer"_s);
    m_intakeAnswer->setTabChangesFocus(true);
    m_intakeAnswer->setPlaceholderText(tr("The answer given on the phone, when the consultation is settled now"));
    m_closeAtIntake = new QCheckBox(tr("Answered: close at &intake"), this);
    m_closeAtIntake->setObjectName(u"closeAtIntake"_s);
    m_closeAtIntake->setToolTip(tr("Register the consultation and close it at once with this answer."));

    m_address = new QLineEdit(this);
    m_address->setObjectName(u"address"_s);
    m_address->setMaxLength(TicketService::kMaxAddress);
    m_address->setPlaceholderText(tr("Street and number, building, landmark (where the matter is)"));
    m_coordinates = new QLineEdit(this);
    m_coordinates->setObjectName(u"coordinates"_s);
    m_coordinates->setPlaceholderText(tr("Optional: latitude, longitude, e.g. 23.0329, 113.1453"));

    buildLayout();

    // The order a caller gives the facts in: who (the phone first: it brings up the history), then what.
    const QList<QWidget *> chain {m_phone,    m_name,    m_anonymous, m_channel,      m_type,         m_town,
                                  m_category, m_summary, m_details,   m_address,      m_coordinates,  m_intakeAnswer,
                                  m_closeAtIntake};
    for (qsizetype i = 0; i + 1 < chain.size(); ++i)
        setTabOrder(chain.at(i), chain.at(i + 1));

    connect(m_phone, &QLineEdit::textChanged, this, [this] {
        Q_EMIT callChanged();
        changed();
    });
    connect(m_phone, &QLineEdit::editingFinished, this, &CallFields::phoneLeft);
    connect(m_anonymous, &QCheckBox::toggled, this, [this] {
        updateAnonymity();
        Q_EMIT callChanged();
        changed();
    });
    connect(m_name, &QLineEdit::textChanged, this, &CallFields::changed);
    connect(m_channel, &QComboBox::currentIndexChanged, this, &CallFields::changed);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        updateTypeDependentFields();
        changed();
    });
    connect(m_town, &QComboBox::editTextChanged, this, &CallFields::changed);
    connect(m_category, &QComboBox::editTextChanged, this, &CallFields::changed);
    connect(m_summary, &QLineEdit::textChanged, this, [this] {
        Q_EMIT callChanged();
        changed();
    });
    connect(m_details, &QPlainTextEdit::textChanged, this, [this] {
        Q_EMIT callChanged();
        changed();
    });
    connect(m_intakeAnswer, &QPlainTextEdit::textChanged, this, &CallFields::intakeAnswerEdited);
    connect(m_closeAtIntake, &QCheckBox::toggled, this, &CallFields::changed);
    connect(m_declinesSms, &QCheckBox::toggled, this, &CallFields::changed);
    connect(m_address, &QLineEdit::textChanged, this, &CallFields::changed);
    connect(m_coordinates, &QLineEdit::textChanged, this, &CallFields::changed);

    updateTypeDependentFields();
    updateCounters();
}

void CallFields::buildLayout()
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    const auto row = [&](const QString &caption, QWidget *field, QWidget *buddy, const QString &code = {}) -> QLabel * {
        auto *label = new QLabel(caption, this);
        label->setBuddy(buddy);
        form->addRow(label, field);
        if (!code.isEmpty())
            m_captions.append({code, label});
        return label;
    };
    const auto beside = [this](QWidget *main, QWidget *extra) -> QWidget * {
        auto *box = new QWidget(this);
        auto *h = new QHBoxLayout(box);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(main, 1);
        h->addWidget(extra);
        return box;
    };
    row(tr("Caller &phone"), beside(m_phone, m_declinesSms), m_phone, u"caller_phone"_s);
    row(tr("Caller &name"), beside(m_name, m_anonymous), m_name, u"caller_name"_s);
    row(tr("C&hannel"), m_channel, m_channel);
    row(tr("&Type"), m_type, m_type);
    row(tr("T&own / street"), m_town, m_town);
    row(tr("&Category"), m_category, m_category);
    row(tr("&Summary"), beside(m_summary, m_summaryCount), m_summary, u"summary"_s);

    auto *detailsBox = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->setSpacing(2);
    detailsLayout->addWidget(m_details);
    detailsLayout->addWidget(m_detailsCount, 0, Qt::AlignRight);
    m_details->setMinimumHeight(fontMetrics().lineSpacing() * 5);
    row(tr("D&etails"), detailsBox, m_details, u"details"_s);
    // The place after the details: the caller says what happened, then where.
    row(tr("Add&ress"), m_address, m_address, u"address"_s);
    row(tr("Coor&dinates"), m_coordinates, m_coordinates, u"coordinates"_s);

    m_intakeAnswer->setMinimumHeight(fontMetrics().lineSpacing() * 3);
    m_intakeAnswer->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    m_answerLabel = row(tr("Ans&wer at intake"), m_intakeAnswer, m_intakeAnswer, u"intake_answer"_s);
    form->addRow(QString(), m_closeAtIntake);
}

QComboBox *CallFields::makeCompletingCombo(const QString &name, const QStringList &items)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(name);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->setMaxVisibleItems(12);
    setItems(combo, items);
    auto *completer = new QCompleter(combo->model(), combo);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains); // "狮山" finds "狮山镇", "gui" finds "Guicheng"
    completer->setCompletionMode(QCompleter::PopupCompletion);
    combo->setCompleter(completer);
    // Leaving the field with text that matches exactly one entry takes that entry: "桂" + Tab → "桂城".
    connect(combo->lineEdit(), &QLineEdit::editingFinished, this, [combo] { completeUnique(combo); });
    return combo;
}

void CallFields::setItems(QComboBox *combo, const QStringList &items)
{
    const QString text = combo->currentText();
    combo->clear();
    combo->addItems(items);
    combo->setCurrentIndex(-1);
    combo->setEditText(text);
}

void CallFields::completeUnique(QComboBox *combo)
{
    const QString text = combo->currentText().trimmed();
    if (text.isEmpty())
        return;
    QString match;
    int found = 0;
    for (int i = 0; i < combo->count(); ++i) {
        const QString item = combo->itemText(i);
        if (item.compare(text, Qt::CaseInsensitive) == 0) {
            match = item;
            found = 1;
            break;
        }
        if (item.contains(text, Qt::CaseInsensitive)) {
            match = item;
            ++found;
        }
    }
    if (found == 1 && match != combo->currentText())
        combo->setEditText(match);
}

RegistrationDraft CallFields::content() const
{
    RegistrationDraft d;
    d.channel = Channel(m_channel->currentData().toInt());
    d.type = TicketType(m_type->currentData().toInt());
    d.callerPhone = m_phone->text();
    d.callerName = m_name->text();
    d.anonymous = m_anonymous->isChecked();
    d.town = m_town->currentText();
    d.category = m_category->currentText();
    d.summary = m_summary->text();
    d.details = m_details->toPlainText();
    d.intakeAnswer = m_intakeAnswer->toPlainText();
    d.closeAtIntake = m_closeAtIntake->isChecked();
    d.declinesSms = m_declinesSms->isChecked();
    d.address = m_address->text();
    d.coordinates = m_coordinates->text();
    return d;
}

void CallFields::setContent(const RegistrationDraft &draft)
{
    const QScopedValueRollback loading(m_loading, true);
    m_channel->setCurrentIndex(std::max(0, m_channel->findData(int(draft.channel))));
    m_type->setCurrentIndex(std::max(0, m_type->findData(int(draft.type))));
    m_phone->setText(draft.callerPhone);
    m_name->setText(draft.callerName);
    m_anonymous->setChecked(draft.anonymous);
    m_town->setEditText(draft.town);
    m_category->setEditText(draft.category);
    m_summary->setText(draft.summary);
    m_details->setPlainText(draft.details);
    m_intakeAnswer->setPlainText(draft.intakeAnswer);
    m_closeAtIntake->setChecked(draft.closeAtIntake);
    m_declinesSms->setChecked(draft.declinesSms);
    m_address->setText(draft.address);
    m_coordinates->setText(draft.coordinates);
    m_answerWasEmpty = draft.intakeAnswer.trimmed().isEmpty();
    updateAnonymity();
    updateTypeDependentFields();
    updateCounters();
    Q_EMIT callChanged();
}

void CallFields::setLists(const QStringList &towns, const QStringList &categories)
{
    const QScopedValueRollback loading(m_loading, true);
    setItems(m_town, towns);
    setItems(m_category, categories);
}

void CallFields::declareFields(FieldErrorDisplay &errors) const
{
    for (const auto &[code, label] : m_captions)
        errors.addField(code, label->text().remove(u'&'), label->buddy());
}

QString CallFields::validPhone() const
{
    if (m_anonymous->isChecked())
        return {};
    const auto parsed = PhoneNumber::parse(m_phone->text());
    return parsed ? parsed->normalized() : QString();
}

QString CallFields::phoneProblem() const
{
    const QString text = m_phone->text().trimmed();
    QString why;
    if (m_anonymous->isChecked() || text.isEmpty() || PhoneNumber::parse(text, &why))
        return {};
    return why;
}

QString CallFields::summary() const
{
    return m_summary->text();
}

QString CallFields::details() const
{
    return m_details->toPlainText();
}

void CallFields::appendToDetails(const QString &line)
{
    QString text = m_details->toPlainText();
    if (!text.isEmpty() && !text.endsWith(u'\n'))
        text += u'\n';
    m_details->setPlainText(text + line);
    m_details->moveCursor(QTextCursor::End);
}

QWidget *CallFields::firstField() const
{
    return m_phone;
}

QWidget *CallFields::lastField() const
{
    return m_closeAtIntake;
}

void CallFields::focusPhone()
{
    m_phone->setFocus(Qt::OtherFocusReason);
}

void CallFields::focusSummary()
{
    m_summary->setFocus(Qt::OtherFocusReason);
}

void CallFields::changed()
{
    updateCounters();
    if (!m_loading)
        Q_EMIT edited();
}

void CallFields::intakeAnswerEdited()
{
    // Writing an answer means the consultation is settled: tick "close at intake" for the operator (they
    // may untick it); clearing the answer unticks it.
    const bool empty = m_intakeAnswer->toPlainText().trimmed().isEmpty();
    if (!m_loading && empty != m_answerWasEmpty)
        m_closeAtIntake->setChecked(!empty);
    m_answerWasEmpty = empty;
    changed();
}

void CallFields::updateTypeDependentFields()
{
    const bool consult = TicketType(m_type->currentData().toInt()) == TicketType::Consult;
    m_answerLabel->setVisible(consult);
    m_intakeAnswer->setVisible(consult);
    m_closeAtIntake->setVisible(consult);
}

void CallFields::updateAnonymity()
{
    // The typed name and phone stay (an accidental tick loses nothing) but are not recorded.
    m_phone->setEnabled(!m_anonymous->isChecked());
    m_name->setEnabled(!m_anonymous->isChecked());
    m_declinesSms->setEnabled(!m_anonymous->isChecked()); // no number, no SMS
}

void CallFields::updateCounters()
{
    const auto count = [this](QLabel *label, qsizetype n, int max) {
        label->setText(u"%1/%2"_s.arg(n).arg(max)); // digits only: nothing to translate
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText,
                   n >= max ? QColor(0xb7, 0x1c, 0x1c) : palette().color(QPalette::PlaceholderText));
        label->setPalette(p);
    };
    count(m_summaryCount, m_summary->text().size(), TicketService::kMaxSummary);
    count(m_detailsCount, m_details->toPlainText().size(), TicketService::kMaxDetails);
}

} // namespace hotline
