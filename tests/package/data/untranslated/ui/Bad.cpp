// Fixture for translations_rejects_untranslated: every visible literal below except the first three must be reported.
void Bad::build()
{
    m_ok->setText(tr("Dispatch"));                                   // translated
    setObjectName(u"badPage"_s);                                     // an object name, never shown
    m_time->setText(now.toString(u"HH:mm"_s));                       // a time format
    m_label->setText(u"Dispatch"_s);                                 // reported
    auto *l = new QLabel(QStringLiteral("派单"), this);               // reported
    m_tabs->addTab(page,
                   u"Countdown board"_s);                            // reported (second line of the call)
    Prompts::warning(this, tr("Import"), text + u"\n\nrows skipped"_s); // reported
}
