// What a view (explain, backprop, sensitivity, check, table, plot) may read of the session:
// the definitions, the settings, and the way results are shown. Nothing else: views
// cannot change the session, and they do not know it.
#pragma once

#include <string>
#include <vector>

#include "resolve/environment.hpp"
#include "resolve/present.hpp"
#include "resolve/settings.hpp"

namespace dfdx {

struct ViewContext {
    const Environment& env;
    const Settings& settings;
    const Presenter& present;

    [[nodiscard]] const Environment& environment() const { return env; }
    /// A value as the session prints results (Presenter::show).
    [[nodiscard]] std::string show(const Expr& e, bool force_decimal = false,
                                   const std::vector<std::string>& leading = {}) const {
        return present.show(e, settings, force_decimal, leading);
    }
    /// The textbook form of a computed result (Presenter::textbook).
    [[nodiscard]] Expr textbook(const Expr& e) const { return present.textbook(e); }
};

}  // namespace dfdx
