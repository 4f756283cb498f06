// What `set` changes: the output format and the digits of decimals.
#pragma once

#include "print/print.hpp"

namespace dfdx {

struct Settings {
    Format format = Format::Plain;
    int precision = 15;  ///< significant digits of decimal results, 1 to max_precision
};

}  // namespace dfdx
