// Domain checks of the originals of a statement's derivatives at a point: a compiled
// double pass answers quickly; a NaN or infinity there is confirmed exactly.
#include "dfdx/domain_guard.hpp"

#include <algorithm>
#include <cmath>

#include "dfdx/error.hpp"
#include "dfdx/eval.hpp"

namespace dfdx {

DomainGuard::DomainGuard(std::vector<Expr> originals) : originals_(std::move(originals)) {
    std::vector<std::string> vars;
    for (const Expr& e : originals_) {
        for (const std::string& n : free_symbols(e)) {
            if (std::find(vars.begin(), vars.end(), n) == vars.end()) vars.push_back(n);
        }
    }
    try {
        program_ = std::make_shared<const Compiled>(originals_, std::move(vars));
    } catch (const Error&) {
        program_ = nullptr;  // unknown functions, vectors: the exact check alone
    }
}

void DomainGuard::check(const Bindings& point) const {
    if (originals_.empty()) return;
    constexpr std::size_t kSmall = 16;  // nearly every statement: no allocation
    const std::size_t nvars = program_ ? program_->variables().size() : 0;
    const std::size_t nout = program_ ? program_->output_count() : 0;
    if (program_ && nvars <= kSmall && nout <= kSmall) {
        double at[kSmall], out[kSmall];
        std::size_t k = 0;
        for (const std::string& v : program_->variables()) {
            auto it = point.find(v);
            if (it == point.end() || !is_number(it->second)) break;
            at[k++] = it->second->num.get_d();
        }
        if (k == nvars) {
            program_->evaluate(std::span<const double>(at, nvars), std::span<double>(out, nout));
            bool finite = true;
            for (std::size_t j = 0; j < nout; ++j) finite &= std::isfinite(out[j]);
            if (finite) return;
        }
    }
    check_exactly(point);
}

void DomainGuard::check_exactly(const Bindings& point) const {
    for (const Expr& original : originals_) {
        Expr v = substitute(original, point);  // exact: throws where a fold is undefined
        if (!is_constant_value(v)) continue;
        try {
            (void)evaluate(v);
        } catch (const Error& e) {
            const ErrorCode c = e.code();
            if (c == ErrorCode::Domain || c == ErrorCode::DivisionByZero || c == ErrorCode::NotReal) throw;
        }
    }
}

}  // namespace dfdx
