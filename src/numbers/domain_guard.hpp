// The expressions a statement differentiates, checked at each point the statement is
// evaluated at: a derivative where the original is undefined is an error (SPEC §5).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "calculus/substitute.hpp"
#include "expr/expr.hpp"
#include "numbers/compiled.hpp"

namespace dfdx {

class DomainGuard {
public:
    DomainGuard() = default;
    /// Guards `originals`, the expressions whose derivatives make `value`; compiles them
    /// once for a quick check at numeric points. Empty when evaluating `value` fails
    /// wherever an original is undefined anyway.
    DomainGuard(std::vector<Expr> originals, const Expr& value);

    [[nodiscard]] bool empty() const { return originals_.empty(); }

    /// Throws the error (Domain, DivisionByZero, NotReal) of the first original that is
    /// undefined at `point`; a point that leaves names free is checked where it can be.
    void check(const Bindings& point) const;

private:
    void check_exactly(const Bindings& point) const;

    std::vector<Expr> originals_;
    std::shared_ptr<const Compiled> program_;  ///< null when an original does not compile
};

}  // namespace dfdx
