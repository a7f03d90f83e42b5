#pragma once

#include "service/DeskClock.h"

#include <QColor>

/**
 * The dispatch desk's colours: blue (in time), amber (limit near), magenta (past the limit). Chosen apart from the
 * departments' green / yellow / red so that the centre's own delays are never read as a department's breach.
 */
namespace hotline::DeskColours {

inline QColor dot(DeskColour c)
{
    switch (c) {
    case DeskColour::Blue:
        return QColor(0x1e, 0x63, 0xc8);
    case DeskColour::Amber:
        return QColor(0xe0, 0x6c, 0x00);
    case DeskColour::Magenta:
        return QColor(0xb0, 0x16, 0x8a);
    }
    return {};
}

inline QColor rowTint(DeskColour c)
{
    switch (c) {
    case DeskColour::Blue:
        return {};
    case DeskColour::Amber:
        return QColor(0xff, 0xef, 0xdd);
    case DeskColour::Magenta:
        return QColor(0xfb, 0xe4, 0xf4);
    }
    return {};
}

/** On the wall display's near-black background. */
inline QColor wall(DeskColour c)
{
    switch (c) {
    case DeskColour::Blue:
        return QColor(0x64, 0xb5, 0xf6);
    case DeskColour::Amber:
        return QColor(0xff, 0x9e, 0x40);
    case DeskColour::Magenta:
        return QColor(0xff, 0x5c, 0xd6);
    }
    return {};
}

} // namespace hotline::DeskColours
