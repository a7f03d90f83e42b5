<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Bad</name>
    <message>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation><numerusform></numerusform></translation>
    </message>
    <message>
        <source>Old</source>
        <translation type="vanished">旧</translation>
    </message>
</context>
</TS>
